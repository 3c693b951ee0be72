package org.briefing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.briefing.files.PlannedFile;
import org.briefing.outputs.SitemapRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sitemaps protocol allows 50,000 URLs and 50 MB per sitemap; past that, sitemap.xml is a
 * sitemap index over child sitemaps. Tested with lowered limits on the seed site's pages.
 */
class SitemapIndexTest {

  private static final String BASE = "https://example.org/briefing/";
  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  private static List<String> pages() {
    return RenderedSite.seed().files().keySet().stream()
        .filter(p -> p.endsWith(".html") && !p.equals("404.html"))
        .sorted()
        .toList();
  }

  @Test
  void underTheLimitsTheSitemapIsOneFileWithEveryPage() throws Exception {
    Map<String, Document> files = render(new SitemapRenderer(BASE), pages());
    assertEquals(List.of("robots.txt", "sitemap.xml"), List.copyOf(new TreeSet<>(files.keySet())));
    assertEquals("urlset", files.get("sitemap.xml").getDocumentElement().getLocalName());
    assertEquals(pages().size(), locs(files.get("sitemap.xml"), "url").size());
  }

  @Test
  void pastTheUrlLimitTheSitemapIsAnIndexOverChildrenWithinIt() throws Exception {
    int limit = 7;
    Map<String, Document> files =
        render(new SitemapRenderer(BASE, limit, SitemapRenderer.MAX_BYTES), pages());
    Document index = files.get("sitemap.xml");
    assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
    List<String> children = locs(index, "sitemap");
    int expected = (pages().size() + limit - 1) / limit;
    assertEquals(expected, children.size(), pages().size() + " pages, " + limit + " a sitemap");
    List<String> listed = new ArrayList<>();
    for (String child : children) {
      assertTrue(child.startsWith(BASE), child);
      Document sitemap = files.get(child.substring(BASE.length()));
      assertEquals("urlset", sitemap.getDocumentElement().getLocalName(), child);
      List<String> urls = locs(sitemap, "url");
      assertTrue(urls.size() <= limit, child + " has " + urls.size() + " URLs");
      listed.addAll(urls);
    }
    assertEquals(
        pages().stream().map(p -> Routes.absolute(BASE, p)).toList(),
        listed,
        "every page once, in order");
    Document first = files.get(children.get(0).substring(BASE.length()));
    assertTrue(
        first.getElementsByTagNameNS(XHTML, "link").getLength() > 0,
        "pages keep their other-language alternates in a child sitemap");
  }

  @Test
  void pastTheSizeLimitTheSitemapIsSplitToo() throws Exception {
    long maxBytes = 4000;
    Map<String, byte[]> raw =
        raw(new SitemapRenderer(BASE, SitemapRenderer.MAX_URLS, maxBytes), pages());
    Document index = parse(raw.get("sitemap.xml"));
    List<String> children = locs(index, "sitemap");
    assertTrue(children.size() > 1, "split by size");
    int urls = 0;
    for (String child : children) {
      byte[] bytes = raw.get(child.substring(BASE.length()));
      assertTrue(bytes.length <= maxBytes, child + " weighs " + bytes.length + " bytes");
      urls += locs(parse(bytes), "url").size();
    }
    assertEquals(pages().size(), urls);
  }

  private static Map<String, Document> render(SitemapRenderer renderer, List<String> pages)
      throws Exception {
    Map<String, Document> out = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> f : raw(renderer, pages).entrySet()) {
      out.put(f.getKey(), f.getKey().endsWith(".xml") ? parse(f.getValue()) : null);
    }
    return out;
  }

  private static Map<String, byte[]> raw(SitemapRenderer renderer, List<String> pages)
      throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (PlannedFile f : renderer.plan(pages)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      f.body().writeTo(bytes);
      out.put(f.path(), bytes.toByteArray());
    }
    return out;
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  /** The loc of every {@code parent} element (url or sitemap), in order. */
  private static List<String> locs(Document doc, String parent) {
    List<String> out = new ArrayList<>();
    NodeList list = doc.getElementsByTagNameNS(NS, parent);
    for (int i = 0; i < list.getLength(); i++) {
      Element e = (Element) list.item(i);
      out.add(e.getElementsByTagNameNS(NS, "loc").item(0).getTextContent());
    }
    return out;
  }
}
