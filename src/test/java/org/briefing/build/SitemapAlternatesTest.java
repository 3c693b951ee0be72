package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a search engine reads from {@code sitemap.xml}, one {@code <url>} at a time: a page that
 * exists in both languages names both and the bilingual landing page as x-default; a page in one
 * language only names no alternate, since its counterpart does not exist.
 */
class SitemapAlternatesTest {

  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String BASE = "https://example.org/briefing/";
  private static final String BOTH = "2025-01-20-qatar-syria-agreement";
  private static final String ENGLISH_ONLY = "2025-02-03-turkey-norway-call";

  @TempDir static Path tmp;

  /** Each {@code <loc>} with its alternates, hreflang → href, in document order. */
  private static Map<String, Map<String, String>> urls;

  @BeforeAll
  static void build() throws Exception {
    HandBuiltSite site = new HandBuiltSite(tmp);
    site.write(
        "actors.yaml",
        "qatar-interior-ministry:\n  kind: institution\n  country: QA\n"
            + "  en: Ministry of Interior of Qatar\n  ar: وزارة الداخلية القطرية\n");
    site.record(
        BOTH,
        HandBuiltSite.facts(
            "2025-01-20", "agreement", "QA, SY", "actors: [qatar-interior-ministry]\n"));
    site.record(
        ENGLISH_ONLY,
        HandBuiltSite.facts("2025-02-03", "call", "NO, TR", ""),
        HandBuiltSite.text("Turkey and Norway talk", "A call."),
        null);
    site.build();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc;
    try (InputStream in = Files.newInputStream(site.out.resolve("sitemap.xml"))) {
      doc = factory.newDocumentBuilder().parse(in);
    }
    urls = new LinkedHashMap<>();
    NodeList nodes = doc.getElementsByTagNameNS(SITEMAP, "url");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element url = (Element) nodes.item(i);
      String loc = url.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent();
      Map<String, String> alternates = new TreeMap<>();
      NodeList links = url.getElementsByTagNameNS(XHTML, "link");
      for (int j = 0; j < links.getLength(); j++) {
        Element link = (Element) links.item(j);
        assertEquals("alternate", link.getAttribute("rel"));
        String before = alternates.put(link.getAttribute("hreflang"), link.getAttribute("href"));
        assertEquals(
            null, before, loc + " names hreflang " + link.getAttribute("hreflang") + " twice");
      }
      urls.put(loc, alternates);
    }
  }

  @Test
  void aTranslatedRecordNamesBothLanguagesAndTheLandingPage() {
    Map<String, String> expected =
        Map.of(
            "ar", BASE + "ar/engagements/" + BOTH + "/",
            "en", BASE + "en/engagements/" + BOTH + "/",
            "x-default", BASE);
    assertEquals(expected, urls.get(BASE + "en/engagements/" + BOTH + "/"));
    assertEquals(expected, urls.get(BASE + "ar/engagements/" + BOTH + "/"));
  }

  @Test
  void aRecordInOneLanguageHasNoAlternates() {
    assertEquals(Map.of(), urls.get(BASE + "en/engagements/" + ENGLISH_ONLY + "/"));
    assertTrue(
        !urls.containsKey(BASE + "ar/engagements/" + ENGLISH_ONLY + "/"),
        "the Arabic page of an untranslated record does not exist, so it is not listed");
  }

  @Test
  void listsAndHomesNameBothLanguages() {
    assertEquals(
        Map.of("ar", BASE + "ar/", "en", BASE + "en/", "x-default", BASE), urls.get(BASE + "en/"));
    assertEquals(
        Map.of("ar", BASE + "ar/timeline/", "en", BASE + "en/timeline/", "x-default", BASE),
        urls.get(BASE + "ar/timeline/"));
    assertEquals(
        Map.of("ar", BASE + "ar/countries/tr/", "en", BASE + "en/countries/tr/", "x-default", BASE),
        urls.get(BASE + "en/countries/tr/"));
    assertEquals(
        Map.of(
            "ar", BASE + "ar/actors/qatar-interior-ministry/",
            "en", BASE + "en/actors/qatar-interior-ministry/",
            "x-default", BASE),
        urls.get(BASE + "ar/actors/qatar-interior-ministry/"));
    assertEquals(
        Map.of(
            "ar", BASE + "ar/actors/qatar-interior-ministry/2025/",
            "en", BASE + "en/actors/qatar-interior-ministry/2025/",
            "x-default", BASE),
        urls.get(BASE + "en/actors/qatar-interior-ministry/2025/"),
        "an actor's year page is listed with its counterpart");
  }

  @Test
  void theMonthlyBriefsAndTheirIndexNameBothLanguages() {
    // The English-only record's month has a brief in both languages, as every month with records.
    for (String month : List.of("2025-01", "2025-02")) {
      assertEquals(
          Map.of(
              "ar", BASE + "ar/briefs/" + month + "/",
              "en", BASE + "en/briefs/" + month + "/",
              "x-default", BASE),
          urls.get(BASE + "ar/briefs/" + month + "/"));
    }
    assertEquals(
        Map.of("ar", BASE + "ar/briefs/", "en", BASE + "en/briefs/", "x-default", BASE),
        urls.get(BASE + "en/briefs/"));
  }

  @Test
  void everyAlternateOfAPageIsItselfAndItsCounterpartNeverItselfTwice() {
    int paired = 0;
    for (Map.Entry<String, Map<String, String>> url : urls.entrySet()) {
      String loc = url.getKey();
      Map<String, String> alternates = url.getValue();
      if (alternates.isEmpty()) {
        continue;
      }
      paired++;
      String lang = loc.substring(BASE.length(), BASE.length() + 2);
      String other = lang.equals("ar") ? "en" : "ar";
      assertEquals(List.of("ar", "en", "x-default"), List.copyOf(alternates.keySet()), loc);
      assertEquals(loc, alternates.get(lang), loc + ": its own language names the page itself");
      assertEquals(
          BASE + other + loc.substring(BASE.length() + 2),
          alternates.get(other),
          loc + ": the other language names the counterpart");
      assertTrue(urls.containsKey(alternates.get(other)), loc + ": the counterpart is listed too");
    }
    assertTrue(paired > 10, "most pages of the site have a counterpart: " + paired);
  }

  @Test
  void theLandingPageIsListedWithoutAlternates() {
    assertEquals(Map.of(), urls.get(BASE));
  }
}
