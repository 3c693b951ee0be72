package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home pages' charts drawn from five hand-built records, as a reader sees them: January 2025
 * with two records, February with none, March with one known only to the month, and two known only
 * to the year. The plot area is 100 units high and 400 wide; the numbers below are worked out by
 * hand from that.
 */
class ChartsAsReadTest {

  @TempDir Path tmp;
  private HandBuiltSite site;

  /**
   * Built for each test rather than once per class: the mutation run (README, "Mutation testing")
   * credits the drawing code to the test that first built the site and reruns only that test
   * against a planted bug in it, so the other tests' checks of the same charts would never run.
   */
  @BeforeEach
  void build() throws Exception {
    site =
        new HandBuiltSite(tmp)
            .record("2025-01-05-qatar-visit", HandBuiltSite.facts("2025-01-05", "visit", "QA", ""))
            .record(
                "2025-01-20-qatar-syria-agreement",
                HandBuiltSite.facts("2025-01-20", "agreement", "QA, SY", ""))
            .record("2025-03-turkey-call", HandBuiltSite.facts("2025-03", "call", "TR", ""))
            .record("2025-norway-visit", HandBuiltSite.facts("2025", "visit", "NO", ""))
            .record("2025-turkey-visit", HandBuiltSite.facts("2025", "visit", "TR", ""));
    site.build();
  }

  private Element monthChart(String lang) throws Exception {
    Document page = Jsoup.parse(site.read(lang + "/index.html"));
    Element chart = page.selectFirst("figure.chart-months");
    assertTrue(chart != null, lang + " home page has the month chart");
    return chart;
  }

  /** Each drawn column as "x,y,width,height". */
  private static List<String> columns(Element chart) {
    return chart.select("svg rect").stream()
        .map(r -> r.attr("x") + "," + r.attr("y") + "," + r.attr("width") + "," + r.attr("height"))
        .toList();
  }

  @Test
  void columnsAreProportionalAndAnEmptyMonthKeepsItsPlace() throws Exception {
    Element chart = monthChart("en");
    // three months in 400 units: slots of 133.3, columns 70 % of a slot, 15 % in from its start.
    // The plot is 98 units tall (140, less 16 above and a 26-unit time axis below):
    // January (2, the highest) fills it; March (1) half of it; February is empty.
    assertEquals(List.of("20,16,93,98", "287,65,93,49"), columns(chart));
    assertEquals(
        List.of("January 2025: 2", "March 2025: 1"), chart.select("svg rect title").eachText());
    assertEquals(List.of("2025"), chart.select("svg text.year").eachText());
  }

  @Test
  void theArabicChartRunsFromRightToLeft() throws Exception {
    Element chart = monthChart("ar");
    // the same columns mirrored: January in the rightmost slot
    assertEquals(List.of("287,16,93,98", "20,65,93,49"), columns(chart));
    assertEquals(
        List.of("يناير/كانون الثاني 2025: 2", "مارس/آذار 2025: 1"),
        chart.select("svg rect title").eachText());
  }

  @Test
  void theTableHoldsTheSameNumbersAndTheNoteCountsTheYearOnlyRecords() throws Exception {
    Element en = monthChart("en");
    assertEquals(List.of("January 2025 2", "March 2025 1"), en.select("tbody tr").eachText());
    assertEquals(
        "2 engagements known only to the year are not shown on this chart.",
        en.selectFirst("figcaption").text());
    Element ar = monthChart("ar");
    assertEquals(
        List.of("يناير/كانون الثاني 2025 2", "مارس/آذار 2025 1"), ar.select("tbody tr").eachText());
    assertEquals(
        "لا يظهر في هذا الرسم ما عُرفت سنته فقط: حدثان.", ar.selectFirst("figcaption").text());
  }

  @Test
  void typeBarsAreProportionalAndGrowFromTheStartOfTheLine() throws Exception {
    for (String lang : List.of("en", "ar")) {
      Document page = Jsoup.parse(site.read(lang + "/index.html"));
      List<Element> bars = page.select("section[aria-labelledby=types-h] svg g.bar");
      // visits 3, agreement 1, call 1: the track is 200 units, so 200, 67 and 67
      assertEquals(
          Set.of("200", "67"),
          bars.stream().map(b -> b.selectFirst("rect").attr("width")).collect(Collectors.toSet()),
          lang);
      assertEquals(3, bars.size());
      String longest =
          bars.stream()
              .filter(b -> b.selectFirst("rect").attr("width").equals("200"))
              .findFirst()
              .orElseThrow()
              .selectFirst("text")
              .text();
      assertEquals(lang.equals("en") ? "Visit" : "زيارة", longest);
      // English bars share their left edge; Arabic bars share their right edge
      Set<Integer> edges =
          bars.stream()
              .map(b -> b.selectFirst("rect"))
              .map(
                  r ->
                      Integer.parseInt(r.attr("x"))
                          + (lang.equals("ar") ? Integer.parseInt(r.attr("width")) : 0))
              .collect(Collectors.toSet());
      assertEquals(1, edges.size(), lang + ": bars start from one edge: " + edges);
      int width =
          Integer.parseInt(
              page.selectFirst("section[aria-labelledby=types-h] svg")
                  .attr("viewBox")
                  .split(" ")[2]);
      int edge = edges.iterator().next();
      assertTrue(
          lang.equals("en") ? edge < width / 2 : edge > width / 2,
          lang
              + ": the bars start on the side where the line of text starts: "
              + edge
              + " of "
              + width);
    }
  }
}
