package org.briefing.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sitemap as a search engine reads it: each page once, its counterpart in the other language
 * and the bilingual landing page as alternates (none for a page without a counterpart), and past
 * the limits an index over several sitemaps, each within them.
 */
class SitemapRendererTest {

  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String BASE = HandBuiltArchive.BASE;

  private static final List<String> PAGES =
      List.of(
          "index.html",
          "en/index.html",
          "ar/index.html",
          "en/engagements/2025-03-call/index.html",
          "ar/engagements/2025-01-visit/index.html",
          "en/engagements/2025-01-visit/index.html",
          "en/search/index.html");

  /** Each {@code <url>} as "loc" followed by " hreflang=href" for each alternate. */
  private static List<String> urls(String sitemap) throws Exception {
    Element root = HandBuiltArchive.xml(sitemap).getDocumentElement();
    assertEquals(SITEMAP, root.getNamespaceURI());
    assertEquals("urlset", root.getLocalName());
    List<String> out = new ArrayList<>();
    NodeList urls = root.getElementsByTagNameNS(SITEMAP, "url");
    for (int i = 0; i < urls.getLength(); i++) {
      Element url = (Element) urls.item(i);
      StringBuilder line =
          new StringBuilder(url.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent());
      NodeList links = url.getElementsByTagNameNS(XHTML, "link");
      for (int j = 0; j < links.getLength(); j++) {
        Element link = (Element) links.item(j);
        assertEquals("alternate", link.getAttribute("rel"));
        line.append(' ')
            .append(link.getAttribute("hreflang"))
            .append('=')
            .append(link.getAttribute("href"));
      }
      out.add(line.toString());
    }
    return out;
  }

  @Test
  void eachPageIsListedOnceWithItsCounterpartAndTheLandingPageAsAlternates() throws Exception {
    Map<String, String> files = HandBuiltArchive.make(new SitemapRenderer(BASE).plan(PAGES));
    assertEquals(List.of("sitemap.xml", "robots.txt"), List.copyOf(files.keySet()));
    String visit = "https://example.org/briefing/ar/engagements/2025-01-visit/";
    String visitEn = "https://example.org/briefing/en/engagements/2025-01-visit/";
    String home = "https://example.org/briefing/ar/";
    String homeEn = "https://example.org/briefing/en/";
    String landing = " x-default=https://example.org/briefing/";
    // sorted by address; alternates in the order Arabic, English, then the landing page
    assertEquals(
        List.of(
            visit + " ar=" + visit + " en=" + visitEn + landing,
            home + " ar=" + home + " en=" + homeEn + landing,
            visitEn + " ar=" + visit + " en=" + visitEn + landing,
            "https://example.org/briefing/en/engagements/2025-03-call/",
            homeEn + " ar=" + home + " en=" + homeEn + landing,
            "https://example.org/briefing/en/search/",
            "https://example.org/briefing/"),
        urls(files.get("sitemap.xml")));
    assertEquals(
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/briefing/sitemap.xml\n",
        files.get("robots.txt"));
    assertTrue(files.get("sitemap.xml").startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"));
    assertTrue(files.get("sitemap.xml").endsWith(">\n"), "ends with a line break");
  }

  @Test
  void addressesWithMarkupCharactersAreEscapedAsAnXmlWriterEscapesThem() throws Exception {
    String base = "https://example.org/a&b<c>\"d'/مرصد/";
    String sitemap =
        HandBuiltArchive.make(new SitemapRenderer(base).plan(PAGES)).get("sitemap.xml");

    // read back by a parser, every address is the one meant
    List<String> urls = urls(sitemap);
    assertEquals(PAGES.size(), urls.size());
    assertEquals(
        base
            + "ar/engagements/2025-01-visit/"
            + " ar="
            + base
            + "ar/engagements/2025-01-visit/"
            + " en="
            + base
            + "en/engagements/2025-01-visit/"
            + " x-default="
            + base,
        urls.get(0));
    // and the bytes are those the JDK's XML stream writer makes of the same sitemap
    assertWrittenAsAnXmlWriterWrites(sitemap);
  }

  @Test
  void pathsWithMarkupCharactersAreEscapedAsAnXmlWriterEscapesThem() throws Exception {
    // Not a path the site makes, but the sitemap must stay well-formed whatever it is given:
    // a character to escape first, last and in the middle, in an address and in alternates.
    List<String> pages =
        List.of(
            "en/&a<b>\"c'/index.html",
            "ar/&a<b>\"c'/index.html",
            "en/x\"",
            "ar/only<here>/index.html");
    String sitemap =
        HandBuiltArchive.make(new SitemapRenderer(BASE).plan(pages)).get("sitemap.xml");
    String both = " ar=" + BASE + "ar/&a<b>\"c'/ en=" + BASE + "en/&a<b>\"c'/ x-default=" + BASE;
    assertEquals(
        List.of(
            BASE + "ar/&a<b>\"c'/" + both,
            BASE + "ar/only<here>/",
            BASE + "en/&a<b>\"c'/" + both,
            BASE + "en/x\""),
        urls(sitemap));
    assertWrittenAsAnXmlWriterWrites(sitemap);
  }

  @Test
  void utf8LengthCountsWhatTheEncoderWrites() {
    List<String> texts =
        List.of(
            "",
            "ascii/path/",
            "\u007f\u0080",
            "\u07ff\u0800",
            "\uffff",
            "مرصد",
            "€",
            "\uD835\uDD38x",
            "a\uD835", // a lone high half at the end
            "\uDD38b", // a lone low half
            "\uD835b"); // a high half not followed by a low one
    for (String text : texts) {
      for (int end = 0; end <= text.length(); end++) {
        assertEquals(
            text.substring(0, end).getBytes(StandardCharsets.UTF_8).length,
            SitemapRenderer.utf8Length(text, end),
            "the first " + end + " characters of " + text);
      }
    }
  }

  /** The sitemap's bytes are those the JDK's XML stream writer makes of the same addresses. */
  private static void assertWrittenAsAnXmlWriterWrites(String sitemap) throws Exception {
    List<String> urls = urls(sitemap);
    StringWriter expected = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(expected);
    xml.writeStartDocument("utf-8", "1.0");
    xml.writeCharacters("\n");
    xml.setDefaultNamespace(SITEMAP);
    xml.setPrefix("xhtml", XHTML);
    xml.writeStartElement(SITEMAP, "urlset");
    xml.writeDefaultNamespace(SITEMAP);
    xml.writeNamespace("xhtml", XHTML);
    for (String url : urls) {
      String[] parts = url.split(" ");
      xml.writeStartElement(SITEMAP, "url");
      xml.writeStartElement(SITEMAP, "loc");
      xml.writeCharacters(parts[0]);
      xml.writeEndElement();
      for (int i = 1; i < parts.length; i++) {
        xml.writeEmptyElement(XHTML, "link");
        xml.writeAttribute("rel", "alternate");
        xml.writeAttribute("hreflang", parts[i].substring(0, parts[i].indexOf('=')));
        xml.writeAttribute("href", parts[i].substring(parts[i].indexOf('=') + 1));
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    assertEquals(expected + "\n", sitemap);
  }

  @Test
  void pastTheUrlLimitAnIndexListsSitemapsThatTogetherHoldEveryPageOnce() throws Exception {
    Map<String, String> files =
        HandBuiltArchive.make(new SitemapRenderer(BASE, 3, Long.MAX_VALUE).plan(PAGES));
    assertEquals(
        List.of("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml", "robots.txt"),
        List.copyOf(files.keySet()));
    Element index = HandBuiltArchive.xml(files.get("sitemap.xml")).getDocumentElement();
    assertEquals("sitemapindex", index.getLocalName());
    assertEquals(SITEMAP, index.getNamespaceURI());
    NodeList locs = index.getElementsByTagNameNS(SITEMAP, "loc");
    List<String> children = new ArrayList<>();
    for (int i = 0; i < locs.getLength(); i++) {
      children.add(locs.item(i).getTextContent());
    }
    assertEquals(
        List.of(
            "https://example.org/briefing/sitemap-1.xml",
            "https://example.org/briefing/sitemap-2.xml",
            "https://example.org/briefing/sitemap-3.xml"),
        children);
    assertTrue(files.get("sitemap.xml").endsWith("</sitemapindex>\n"));
    assertTrue(
        files.get("sitemap.xml").startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<"),
        files.get("sitemap.xml"));
    List<String> one = urls(files.get("sitemap-1.xml"));
    List<String> two = urls(files.get("sitemap-2.xml"));
    List<String> three = urls(files.get("sitemap-3.xml"));
    assertEquals(List.of(3, 3, 1), List.of(one.size(), two.size(), three.size()));
    // the English home page's counterpart is in the first sitemap, the page itself in the second
    assertEquals(
        "https://example.org/briefing/en/"
            + " ar=https://example.org/briefing/ar/"
            + " en=https://example.org/briefing/en/"
            + " x-default=https://example.org/briefing/",
        two.get(1));
    assertEquals("https://example.org/briefing/", three.get(0));
  }

  @Test
  void exactlyAsManyPagesAsTheLimitFitInOneSitemap() throws Exception {
    Map<String, String> files =
        HandBuiltArchive.make(new SitemapRenderer(BASE, 7, Long.MAX_VALUE).plan(PAGES));
    assertEquals(List.of("sitemap.xml", "robots.txt"), List.copyOf(files.keySet()));
    assertEquals(7, urls(files.get("sitemap.xml")).size());
  }

  @Test
  void aPageListedTwiceCountsOnceAgainstTheLimit() throws Exception {
    List<String> twice = new ArrayList<>(PAGES);
    twice.addAll(PAGES);
    Map<String, String> files =
        HandBuiltArchive.make(new SitemapRenderer(BASE, PAGES.size(), Long.MAX_VALUE).plan(twice));
    assertEquals(List.of("sitemap.xml", "robots.txt"), List.copyOf(files.keySet()));
    assertEquals(
        HandBuiltArchive.make(new SitemapRenderer(BASE).plan(PAGES)).get("sitemap.xml"),
        files.get("sitemap.xml"));
  }

  @Test
  void pastTheSizeLimitEachSitemapStaysWithinIt() throws Exception {
    long limit = 1500;
    Map<String, String> files =
        HandBuiltArchive.make(new SitemapRenderer(BASE, 1000, limit).plan(PAGES));
    int listed = 0;
    int sitemaps = 0;
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (f.getKey().startsWith("sitemap-")) {
        sitemaps++;
        int bytes = f.getValue().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= limit, f.getKey() + " has " + bytes + " bytes");
        listed += urls(f.getValue()).size();
      }
    }
    assertEquals(PAGES.size(), listed, "every page once");
    assertTrue(sitemaps >= 3, "1,500 bytes hold two or three pages with their alternates");
    // with room for all of them, one file
    long all =
        HandBuiltArchive.make(new SitemapRenderer(BASE).plan(PAGES)).get("sitemap.xml").length();
    Map<String, String> roomy =
        HandBuiltArchive.make(new SitemapRenderer(BASE, 1000, 20 * all).plan(PAGES));
    assertEquals(List.of("sitemap.xml", "robots.txt"), List.copyOf(roomy.keySet()));
  }

  @Test
  void noPagesGiveAnEmptySitemap() throws Exception {
    Map<String, String> files = HandBuiltArchive.make(new SitemapRenderer(BASE).plan(List.of()));
    assertEquals(List.of(), urls(files.get("sitemap.xml")));
  }

  @Test
  void longAddressesWithTheirAlternatesStayWithinTheSizeLimitToo() throws Exception {
    assertSplitWithinTheLimit("a-very-long-record-id".repeat(14), 4000);
  }

  @Test
  void addressesInOtherScriptsAreCountedInTheirUtf8BytesAgainstTheLimit() throws Exception {
    // Arabic letters take two bytes each, the euro sign three, a letter past the basic plane four
    // (two chars): counted as one byte each, these sitemaps would overflow the limit.
    assertSplitWithinTheLimit(
        "تدريب-مشترك".repeat(8) + "€".repeat(20) + "\uD835\uDD38".repeat(20), 5000);
  }

  /**
   * Six records named {@code i-name}, each with a page in either language, cut into sitemaps of at
   * most {@code limit} bytes: each within it, and every page in one of them.
   */
  private static void assertSplitWithinTheLimit(String name, long limit) throws Exception {
    List<String> pages = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pages.add("en/engagements/" + i + "-" + name + "/index.html");
      pages.add("ar/engagements/" + i + "-" + name + "/index.html");
    }
    Map<String, String> files =
        HandBuiltArchive.make(new SitemapRenderer(BASE, 1000, limit).plan(pages));
    int listed = 0;
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (f.getKey().startsWith("sitemap-")) {
        int bytes = f.getValue().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= limit, f.getKey() + " has " + bytes + " bytes");
        listed += urls(f.getValue()).size();
      }
    }
    assertEquals(12, listed);
  }
}
