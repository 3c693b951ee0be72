package org.briefing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.briefing.model.Lang;
import org.briefing.model.Term;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A type's pages name a list of records, so they are titled in the plural («الزيارات», "Visits"),
 * as vocabulary.yaml writes it, while a record's own type stays singular.
 */
class TypePagesTest {

  private static Document page(String path) {
    return Jsoup.parse(RenderedSite.seed().text(path), "https://site.test/" + path);
  }

  private static Term type(String key) {
    return RenderedSite.seed().site().types().stream()
        .filter(t -> t.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void typePagesAndTheirYearPagesAreTitledInThePlural() {
    Map<String, List<String>> expected =
        Map.of(
            "visit", List.of("Visits", "الزيارات"),
            "agreement", List.of("Agreements", "الاتفاقيات"),
            "call", List.of("Phone calls", "الاتصالات الهاتفية"),
            "meeting", List.of("Meetings", "الاجتماعات"));
    expected.forEach(
        (key, plural) -> {
          for (Lang lang : Lang.values()) {
            String want = plural.get(lang == Lang.EN ? 0 : 1);
            String path = Routes.type(lang, type(key));
            Document doc = page(path);
            assertEquals(want, doc.selectFirst("h1").text(), path);
            assertTrue(doc.title().startsWith(want), path + ": " + doc.title());
            String year = path.replace("index.html", "2025/index.html");
            Document yearPage = page(year);
            assertTrue(
                yearPage.selectFirst("h1").text().startsWith(want + " · "),
                year + ": " + yearPage.selectFirst("h1").text());
            assertEquals(want, yearPage.selectFirst(".breadcrumb a").text(), year);
          }
        });
  }

  @Test
  void theHomesListOfTypesNamesThemInThePluralAndARecordItsTypeInTheSingular() {
    Document ar = page(Routes.home(Lang.AR));
    List<String> listed = ar.select("#types-h + ul a").eachText();
    assertTrue(listed.contains("الزيارات"), listed.toString());
    assertTrue(listed.contains("الاتفاقيات"), listed.toString());
    assertTrue(!listed.contains("زيارة"), listed.toString());
    Document en = page(Routes.home(Lang.EN));
    assertTrue(en.select("#types-h + ul a").eachText().contains("Visits"));

    String record = Routes.engagement(Lang.AR, "2025-01-30-qatar-emir-visits-damascus");
    String typeLink = page(record).select("a[href$=types/visit/index.html]").first().text();
    assertEquals("زيارة", typeLink, record + ": one record is one visit");
  }
}
