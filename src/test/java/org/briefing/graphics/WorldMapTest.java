package org.briefing.graphics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Site;
import org.briefing.render.RenderedSite;
import org.briefing.render.Routes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The map on the countries pages, as the build draws it from the seed records: one linked shape per
 * country of the archive, names in the page's language, a table with the numbers the records give,
 * a light drawing, and the boxes of far countries on the reading side.
 */
class WorldMapTest {

  /** The budget for the map itself. */
  private static final int MAX_MAP_BYTES = 60 * 1024;

  private static Site site() {
    return RenderedSite.seed().site();
  }

  private static Document page(String path) {
    return Jsoup.parse(RenderedSite.seed().text(path), "https://site.test/" + path);
  }

  private static String target(Element a) {
    return URI.create("https://site.test/").relativize(URI.create(a.absUrl("href"))).getPath();
  }

  /** Records per country code, counted from the records. */
  private static Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Engagement e : site().engagements()) {
      e.countries().forEach(c -> counts.merge(c.code(), 1, Integer::sum));
    }
    return counts;
  }

  private static Country country(String code) {
    return site().countries().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void theCountriesPageMapsEveryCountryOfTheArchiveOnceEachLinked() {
    Map<String, Integer> counts = counts();
    for (Lang lang : Lang.values()) {
      Document doc = page(Routes.countries(lang));
      Element svg = doc.selectFirst("svg.map-svg");
      assertNotNull(svg, lang + ": a map");
      Map<String, String> shapes = new TreeMap<>();
      for (Element a : svg.select("a.map-country")) {
        assertTrue(
            shapes.put(a.attr("data-code"), target(a)) == null,
            a.attr("data-code") + " is drawn once");
        assertEquals(1, a.select("path").size(), a.attr("data-code") + ": one shape");
        assertTrue(
            a.selectFirst("path").attr("d").length() > 20, a.attr("data-code") + " has an outline");
      }
      assertEquals(counts.keySet(), shapes.keySet(), lang + ": the archive's countries");
      shapes.forEach((code, to) -> assertEquals(Routes.country(lang, country(code)), to, code));
      List<String> labels = svg.select("text.map-label:not(.halo)").eachText();
      for (String code : counts.keySet()) {
        assertTrue(
            labels.contains(country(code).name().get(lang)),
            lang + ": " + code + " named in the page's language");
      }
      int bytes = svg.outerHtml().getBytes(StandardCharsets.UTF_8).length;
      assertTrue(bytes <= MAX_MAP_BYTES, lang + ": the map weighs " + bytes + " bytes");
    }
  }

  @Test
  void theTableBesideTheMapGivesTheRecordsNumbers() {
    Map<String, Integer> counts = counts();
    for (Lang lang : Lang.values()) {
      Document doc = page(Routes.countries(lang));
      Map<String, Integer> table = new TreeMap<>();
      for (Element row : doc.select("table.map-table tbody tr")) {
        table.put(
            row.attr("data-code"), Integer.parseInt(row.selectFirst("td").attr("data-count")));
        assertEquals(
            Routes.country(lang, country(row.attr("data-code"))), target(row.selectFirst("th a")));
      }
      assertEquals(counts, table, lang.code());
      Element syria = doc.selectFirst("table.map-table tr[data-code=SY] td");
      assertTrue(syria.text().contains(Integer.toString(counts.get("SY"))), syria.text());
    }
  }

  @Test
  void aCountryPageHighlightsItsPartnersWithTheRecordsTheyShare() {
    Map<String, Integer> partners = new TreeMap<>();
    for (Engagement e : site().engagements()) {
      if (e.countries().stream().anyMatch(c -> c.code().equals("SY"))) {
        e.countries().stream()
            .filter(c -> !c.code().equals("SY"))
            .forEach(c -> partners.merge(c.code(), 1, Integer::sum));
      }
    }
    for (Lang lang : Lang.values()) {
      Document doc = page(Routes.country(lang, country("SY")));
      Element svg = doc.selectFirst("svg.map-svg");
      Element self = svg.selectFirst("a.map-country.focus");
      assertEquals("SY", self.attr("data-code"));
      assertEquals("page", self.attr("aria-current"));
      Map<String, Integer> table = new TreeMap<>();
      for (Element row : doc.select("table.map-table tbody tr")) {
        table.put(
            row.attr("data-code"), Integer.parseInt(row.selectFirst("td").attr("data-count")));
      }
      assertEquals(partners, table, lang + ": partners and shared records");
      assertEquals(
          partners.keySet(),
          new java.util.TreeSet<>(svg.select("a.map-country.partner").eachAttr("data-code")),
          lang + ": highlighted");
    }
  }

  @Test
  void farCountriesAreBoxedFromTheReadingSide() {
    // The United States lie outside the map's window: drawn in a box under it.
    Element en = page(Routes.countries(Lang.EN)).selectFirst("svg.map-svg rect.inset");
    Element ar = page(Routes.countries(Lang.AR)).selectFirst("svg.map-svg rect.inset");
    assertEquals(0, Integer.parseInt(en.attr("x")), "English: from the left");
    assertEquals(
        WorldMap.WIDTH,
        Integer.parseInt(ar.attr("x")) + Integer.parseInt(ar.attr("width")),
        "Arabic: from the right");
  }
}
