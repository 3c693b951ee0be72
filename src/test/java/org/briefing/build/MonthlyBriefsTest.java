package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefing.content.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly briefs as readers get them, from a small archive whose numbers are worked out by hand
 * below: March 2025 has one record (Qatar and Syria, a visit), April two (a visit between Qatar and
 * Syria, an agreement of Qatar alone) and a correction to March's record, June one (Syria and
 * Turkey); one record is known only to 2025, and was corrected in May. May has no records, so it
 * has no brief: its correction is listed on the briefs' index.
 */
class MonthlyBriefsTest {

  private static final String MARCH = "2025-03-05-visit";
  private static final String APRIL_VISIT = "2025-04-02-visit";
  private static final String APRIL_AGREEMENT = "2025-04-20-agreement";
  private static final String YEAR_ONLY = "2025-call";
  private static final String JUNE = "2025-06-meeting";

  static Path content(Path tmp) throws IOException {
    Path content = tmp.resolve("content");
    Files.createDirectories(content.resolve("engagements"));
    Files.writeString(
        content.resolve("site.yaml"),
        """
        base_url: https://example.org/briefing/
        title: {en: Test Briefing, ar: موجز تجريبي}
        tagline: {en: Test tagline, ar: شعار تجريبي}
        """);
    Files.writeString(
        content.resolve("countries.yaml"),
        "QA: {en: Qatar, ar: قطر}\nSY: {en: Syria, ar: سوريا}\nTR: {en: Turkey, ar: تركيا}\n");
    Files.writeString(
        content.resolve("vocabulary.yaml"),
        """
        types:
          visit: {en: Visit, ar: زيارة}
          agreement: {en: Agreement, ar: اتفاقية}
          meeting: {en: Meeting, ar: اجتماع}
        """);
    record(
        content,
        MARCH,
        "2025-03-05",
        "visit",
        "[QA, SY]",
        """
        corrections:
          - date: 2025-04-15
            en: The delegation's leader is named correctly.
            ar: صُحّح اسم رئيس الوفد.
        """);
    record(content, APRIL_VISIT, "2025-04-02", "visit", "[QA, SY]", "");
    record(content, APRIL_AGREEMENT, "2025-04-20", "agreement", "[QA]", "");
    record(
        content,
        YEAR_ONLY,
        "2025",
        "meeting",
        "[SY, TR]",
        """
        corrections:
          - date: 2025-05-03
            en: The call is dated to the year only.
            ar: أصبح تاريخ الاتصال السنة وحدها.
        """);
    record(content, JUNE, "2025-06", "meeting", "[SY, TR]", "");
    return content;
  }

  private static void record(
      Path content, String id, String date, String type, String countries, String more)
      throws IOException {
    Path dir = Files.createDirectories(content.resolve("engagements").resolve(id));
    Files.writeString(
        dir.resolve("engagement.yaml"),
        "date: "
            + date
            + "\ntype: "
            + type
            + "\ncountries: "
            + countries
            + "\nstatus: reported\nsources:\n  - publisher: Example News\n"
            + "    title: Example title\n    language: en\n"
            + more);
    Files.writeString(
        dir.resolve("en.md"),
        "---\ntitle: Title of " + id + "\nsummary: Summary of " + id + ".\n---\nBody.\n");
    Files.writeString(
        dir.resolve("ar.md"),
        "---\ntitle: عنوان " + id + "\nsummary: ملخص " + id + ".\n---\nنص.\n");
  }

  private static SiteBuilder.Outcome build(Path content, Path out) throws IOException {
    return new SiteBuilder()
        .build(
            new SiteBuilder.Options(
                content, SeedSite.TEMPLATES, out, Optional.empty(), false, false));
  }

  private static Path built(Path tmp) throws IOException {
    Path content = content(tmp);
    Path intro = Files.createDirectories(content.resolve("briefs/2025-04"));
    Files.writeString(
        intro.resolve("en.md"),
        "---\ntitle: A busy April\n---\nTwo **records** this month. <script>alert(1)</script>\n");
    Path out = tmp.resolve("out");
    SiteBuilder.Outcome outcome = build(content, out);
    assertEquals(List.of(), outcome.problems());
    return out;
  }

  private static final String BASE = "https://example.org/briefing/";

  private static Document page(Path out, String path) throws IOException {
    return Jsoup.parse(out.resolve(path).toFile(), "UTF-8", BASE + path);
  }

  /** Where the links go, as paths from the site's root. */
  private static List<String> targets(List<Element> links) {
    return links.stream().map(a -> a.absUrl("href").substring(BASE.length())).toList();
  }

  private static String target(Element a) {
    return targets(List.of(a)).get(0);
  }

  @Test
  void everyMonthWithRecordsHasABriefInBothLanguagesAndTheIndexListsThemNewestFirst(
      @TempDir Path tmp) throws IOException {
    Path out = built(tmp);
    for (String lang : List.of("en", "ar")) {
      for (String month : List.of("2025-03", "2025-04", "2025-06")) {
        Document brief = page(out, lang + "/briefs/" + month + "/index.html");
        String other = lang.equals("en") ? "ar" : "en";
        assertEquals(
            other + "/briefs/" + month + "/index.html",
            target(brief.selectFirst("a.lang-switch")),
            "each brief links its counterpart");
        assertEquals(lang.equals("ar") ? "rtl" : "ltr", brief.selectFirst("html").attr("dir"));
      }
      assertFalse(Files.exists(out.resolve(lang + "/briefs/2025-05/index.html")), "May is empty");
      Document index = page(out, lang + "/briefs/index.html");
      assertEquals(
          List.of(
              lang + "/briefs/2025-06/index.html",
              lang + "/briefs/2025-04/index.html",
              lang + "/briefs/2025-03/index.html"),
          targets(index.select(".brief-index a")));
    }
    Document en = page(out, "en/briefs/index.html");
    assertEquals(
        List.of("1 engagement", "2 engagements", "1 engagement"),
        en.select(".brief-index .count").eachText());
    assertTrue(en.select(".note").text().contains("known only to their year (1)"), en.text());
    Document ar = page(out, "ar/briefs/index.html");
    assertEquals(
        List.of("حدث واحد", "حدثان", "حدث واحد"), ar.select(".brief-index .count").eachText());
  }

  @Test
  void theMonthInNumbersSetsEachFigureAgainstTheMonthBefore(@TempDir Path tmp) throws IOException {
    Path out = built(tmp);
    Document april = page(out, "en/briefs/2025-04/index.html");
    assertEquals(
        List.of("Figure", "April 2025", "March 2025", "Change"),
        april.select(".brief-numbers thead th").eachText());
    List<List<String>> rows =
        april.select(".brief-numbers tbody tr").stream()
            .map(tr -> tr.select("th, td").eachText())
            .toList();
    assertEquals(
        List.of(
            List.of("Engagements", "2", "1", "+1"),
            List.of("Countries involved", "2", "2", "no change"),
            List.of("Types of engagement", "2", "1", "+1")),
        rows);
    // June against an empty May; the year-only record counts in neither.
    Document june = page(out, "en/briefs/2025-06/index.html");
    assertEquals(
        List.of("Engagements", "1", "0", "+1"),
        june.select(".brief-numbers tbody tr").first().select("th, td").eachText());
    Document arApril = page(out, "ar/briefs/2025-04/index.html");
    assertEquals(
        List.of("الأحداث", "2", "1", "+1"),
        arApril.select(".brief-numbers tbody tr").first().select("th, td").eachText());
  }

  @Test
  void theMonthsRecordsAreGroupedByTheCountriesInvolvedAndItsCorrectionsListed(@TempDir Path tmp)
      throws IOException {
    Path out = built(tmp);
    Document april = page(out, "en/briefs/2025-04/index.html");
    List<Element> groups = april.select(".brief-group");
    assertEquals(2, groups.size());
    // Groups of one record each: in the order of their countries' codes, QA before QA-SY.
    assertEquals("Qatar · 1 engagement", groups.get(0).selectFirst("h3").text());
    assertEquals("Qatar – Syria · 1 engagement", groups.get(1).selectFirst("h3").text());
    assertEquals(
        "en/engagements/" + APRIL_AGREEMENT + "/index.html",
        target(groups.get(0).selectFirst(".brief-item-title a")));
    assertEquals(
        "en/engagements/" + APRIL_VISIT + "/index.html",
        target(groups.get(1).selectFirst(".brief-item-title a")));
    assertEquals(
        "Summary of " + APRIL_VISIT + ".", groups.get(1).selectFirst(".brief-item-summary").text());
    // The correction to March's record was made in April: it is April's, not March's.
    List<Element> corrections = april.select(".brief-corrections li");
    assertEquals(1, corrections.size());
    assertEquals(
        "en/engagements/" + MARCH + "/index.html", target(corrections.get(0).selectFirst("a")));
    assertTrue(corrections.get(0).text().contains("15 April 2025"), corrections.get(0).text());
    assertTrue(corrections.get(0).text().contains("leader is named correctly"));
    Document index = page(out, "en/briefs/index.html");
    assertEquals("May 2025", index.selectFirst(".brief-corrections h3").text());
    assertEquals(
        "en/engagements/" + YEAR_ONLY + "/index.html",
        target(index.selectFirst(".brief-corrections li a")));
    assertTrue(index.selectFirst(".brief-corrections li").text().contains("3 May 2025"));
    Document march = page(out, "en/briefs/2025-03/index.html");
    assertEquals(0, march.select(".brief-corrections li").size());
    assertEquals(
        "No correction was made this month.", march.selectFirst(".brief-corrections p").text());
  }

  @Test
  void theEditorsIntroductionIsSafeMarkdownAndAMissingLanguageShowsNothing(@TempDir Path tmp)
      throws IOException {
    Path out = built(tmp);
    Document en = page(out, "en/briefs/2025-04/index.html");
    Element intro = en.selectFirst(".brief-intro");
    assertEquals("A busy April", intro.selectFirst("h2").text());
    assertEquals("records", intro.selectFirst("strong").text());
    assertTrue(en.select("script").isEmpty(), "no script from content reaches the page");
    assertNull(page(out, "ar/briefs/2025-04/index.html").selectFirst(".brief-intro"));
    assertNull(page(out, "en/briefs/2025-03/index.html").selectFirst(".brief-intro"));
  }

  @Test
  void homeAndTheTimelinesMonthsLinkToTheBriefs(@TempDir Path tmp) throws IOException {
    Path out = built(tmp);
    for (String lang : List.of("en", "ar")) {
      Document home = page(out, lang + "/index.html");
      assertTrue(
          targets(home.select("main a")).contains(lang + "/briefs/index.html"), lang + " home");
      Document year = page(out, lang + "/timeline/2025/index.html");
      assertEquals(
          List.of(
              lang + "/briefs/2025-06/index.html",
              lang + "/briefs/2025-04/index.html",
              lang + "/briefs/2025-03/index.html"),
          targets(year.select(".month-brief a")),
          lang + ": each month of the year's page, not the year-only records");
    }
  }

  @Test
  void theBriefsFeedHasOneEntryPerMonthAtTheBriefsAddress(@TempDir Path tmp) throws IOException {
    Path out = built(tmp);
    for (String lang : List.of("en", "ar")) {
      Document feed =
          Jsoup.parse(
              Files.readString(out.resolve(lang + "/briefs/feed.xml")), "", Parser.xmlParser());
      assertEquals(
          List.of(
              "https://example.org/briefing/" + lang + "/briefs/2025-06/",
              "https://example.org/briefing/" + lang + "/briefs/2025-04/",
              "https://example.org/briefing/" + lang + "/briefs/2025-03/"),
          feed.select("entry > id").eachText());
      // April's entry is updated on its latest day: its last record's, after the correction's.
      assertEquals("2025-04-20T00:00:00Z", feed.select("entry > updated").get(1).text());
    }
    Document en =
        Jsoup.parse(Files.readString(out.resolve("en/briefs/feed.xml")), "", Parser.xmlParser());
    assertEquals("Brief for April 2025", en.select("entry > title").get(1).text());
  }

  @Test
  void introductionsAreCheckedWithEveryProblemAtOnce(@TempDir Path tmp) throws IOException {
    Path content = content(tmp);
    Path briefs = content.resolve("briefs");
    Files.createDirectories(briefs.resolve("2025-13"));
    Files.createDirectories(briefs.resolve("2025-05"));
    Files.writeString(briefs.resolve("2025-05/en.md"), "May had nothing.\n");
    Files.createDirectories(briefs.resolve("2025-04"));
    Files.writeString(briefs.resolve("2025-04/en.md"), "---\ntitel: April\n---\nText.\n");
    Files.writeString(briefs.resolve("2025-04/ar.md"), "نص بلا عنوان.\n");
    Files.writeString(briefs.resolve("2025-04/fr.md"), "Texte.\n");
    Files.writeString(briefs.resolve("notes.txt"), "x\n");
    SiteBuilder.Outcome outcome = build(content, tmp.resolve("out"));
    List<String> problems = outcome.problems().stream().map(Problem::format).toList();
    String all = String.join("\n", problems);
    assertEquals(5, problems.size(), all);
    assertTrue(all.contains("briefs/2025-04/en.md:2:1: unknown key \"titel\""), all);
    assertTrue(all.contains("did you mean \"title\"?"), all);
    assertTrue(all.contains("briefs/2025-04/fr.md: is not part of a brief's introduction"), all);
    assertTrue(all.contains("briefs/2025-13: is not a month; name a brief's folder"), all);
    assertTrue(all.contains("briefs/2025-05: has no records"), all);
    assertTrue(all.contains("briefs/notes.txt: is not a brief's folder"), all);
  }
}
