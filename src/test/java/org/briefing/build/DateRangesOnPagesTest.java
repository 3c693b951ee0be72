package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engagements over several days, as their pages write them in each language. */
class DateRangesOnPagesTest {

  private static String dateOnPage(HandBuiltSite site, String lang, String id) throws Exception {
    Document page = Jsoup.parse(site.read(lang + "/engagements/" + id + "/index.html"));
    return page.selectFirst("dd time").text();
  }

  @Test
  void rangesAcrossMonthsAndYearsAreWrittenInFullInBothLanguages(@TempDir Path tmp)
      throws Exception {
    HandBuiltSite site =
        new HandBuiltSite(tmp)
            .record(
                "2024-12-30-new-year-talks",
                HandBuiltSite.facts("2024-12-30", "visit", "QA", "end_date: 2025-01-02\n"))
            .record(
                "2025-01-30-two-months",
                HandBuiltSite.facts("2025-01-30", "visit", "SY", "end_date: 2025-02-02\n"))
            .record(
                "2025-03-03-three-days",
                HandBuiltSite.facts("2025-03-03", "visit", "TR", "end_date: 2025-03-05\n"))
            .record(
                "2024-11-month-span",
                HandBuiltSite.facts("2024-11", "visit", "NO", "end_date: 2025-02\n"));
    site.build();
    assertEquals(
        "30 December 2024 – 2 January 2025", dateOnPage(site, "en", "2024-12-30-new-year-talks"));
    assertEquals(
        "30 ديسمبر/كانون الأول 2024 – 2 يناير/كانون الثاني 2025",
        dateOnPage(site, "ar", "2024-12-30-new-year-talks"));
    assertEquals("30 January – 2 February 2025", dateOnPage(site, "en", "2025-01-30-two-months"));
    assertEquals(
        "30 يناير/كانون الثاني – 2 فبراير/شباط 2025",
        dateOnPage(site, "ar", "2025-01-30-two-months"));
    assertEquals("3–5 March 2025", dateOnPage(site, "en", "2025-03-03-three-days"));
    assertEquals("3–5 مارس/آذار 2025", dateOnPage(site, "ar", "2025-03-03-three-days"));
    assertEquals("November 2024 – February 2025", dateOnPage(site, "en", "2024-11-month-span"));
    assertEquals(
        "نوفمبر/تشرين الثاني 2024 – فبراير/شباط 2025",
        dateOnPage(site, "ar", "2024-11-month-span"));
  }
}
