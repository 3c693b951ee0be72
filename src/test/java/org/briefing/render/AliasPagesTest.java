package org.briefing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A record's former addresses, as the seed's two renamed and merged records use them: each old
 * address still opens, in both languages, and sends the reader on to the record; no list a reader
 * or a machine follows (sitemap, feeds, search, exports) names it.
 */
class AliasPagesTest {

  private static final String MERGED = "2025-10-19-syria-dismantles-is-cell-muadamiyat-al-qalamoun";
  private static final String RENAMED = "2025-04-17-al-sharaa-first-visit-doha";

  @ParameterizedTest(name = "{0} in {2}")
  @CsvSource({
    MERGED + ", 2025-10-18-coalition-syria-joint-operation-dumayr, ar, rtl",
    MERGED + ", 2025-10-18-coalition-syria-joint-operation-dumayr, en, ltr",
    RENAMED + ", 2025-04-al-sharaa-first-visit-doha, ar, rtl",
    RENAMED + ", 2025-04-al-sharaa-first-visit-doha, en, ltr"
  })
  void theOldAddressSendsReadersToTheRecord(String alias, String id, String lang, String dir) {
    RenderedSite site = RenderedSite.seed();
    String path = lang + "/engagements/" + alias + "/index.html";
    Document page = Jsoup.parse(site.text(path));
    assertEquals(lang, page.selectFirst("html").attr("lang"));
    assertEquals(dir, page.selectFirst("html").attr("dir"));

    String target = "../../../" + lang + "/engagements/" + id + "/index.html";
    Element refresh = page.selectFirst("meta[http-equiv=refresh]");
    assertEquals("0; url=" + target, refresh.attr("content"));
    assertEquals(
        "https://example.org/briefing/" + lang + "/engagements/" + id + "/",
        page.selectFirst("link[rel=canonical]").attr("href"));
    Element link = page.selectFirst("main a[href]");
    assertEquals(target, link.attr("href"));
    // the visible link reads as the record's title, and the page it leads to exists
    Document record = Jsoup.parse(site.text(lang + "/engagements/" + id + "/index.html"));
    assertEquals(record.selectFirst("h1").text(), link.text());
    assertEquals("noindex", page.selectFirst("meta[name=robots]").attr("content"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({MERGED, RENAMED})
  void noListNamesAnOldAddress(String alias) {
    List<String> naming = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : RenderedSite.seed().files().entrySet()) {
      String path = file.getKey();
      if (path.endsWith(".css") || path.startsWith("assets/")) {
        continue;
      }
      boolean ownPage =
          path.equals("ar/engagements/" + alias + "/index.html")
              || path.equals("en/engagements/" + alias + "/index.html");
      if (!ownPage
          && new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8).contains(alias)) {
        naming.add(path);
      }
    }
    assertEquals(List.of(), naming);
    // the lists themselves were looked at: each exists and names the record the alias leads to
    for (String list :
        List.of(
            "sitemap.xml",
            "ar/feed.xml",
            "en/feed.xml",
            "ar/search/index.js",
            "en/search/index.js",
            "data/engagements.json",
            "data/engagements.csv")) {
      assertTrue(RenderedSite.seed().files().containsKey(list), list);
    }
    assertFalse(RenderedSite.seed().text("sitemap.xml").contains(alias));
    assertTrue(
        RenderedSite.seed()
            .text("sitemap.xml")
            .contains("2025-10-18-coalition-syria-joint-operation-dumayr"));
  }
}
