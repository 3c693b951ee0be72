package org.briefing.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefing.archive.MonthlyBriefs.Corrected;
import org.briefing.archive.MonthlyBriefs.Figures;
import org.briefing.archive.MonthlyBriefs.Month;
import org.briefing.model.Correction;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.PartialDate;
import org.briefing.model.Site;
import org.briefing.model.SiteConfig;
import org.briefing.model.Source;
import org.briefing.model.Status;
import org.briefing.model.Term;
import org.briefing.model.Translation;
import org.junit.jupiter.api.Test;

/**
 * The monthly briefs as a reader browses them, from records built by hand: which months have a
 * brief, what each holds and counts, the months before and after, and where each correction is
 * reported.
 */
class BriefMonthsTest {

  private static final Country QA = new Country("QA", new Localized("Qatar", "قطر"));
  private static final Country SY = new Country("SY", new Localized("Syria", "سوريا"));
  private static final Country TR = new Country("TR", new Localized("Turkey", "تركيا"));
  private static final Term VISIT = new Term("visit", new Localized("Visit", "زيارة"));
  private static final Term AGREEMENT =
      new Term("agreement", new Localized("Agreement", "اتفاقية"));

  /** A record; {@code corrections} alternate date and text, newest first. */
  private static Engagement record(
      String id, String date, Term type, List<Country> countries, String... corrections) {
    List<Correction> made = new ArrayList<>();
    for (int i = 0; i < corrections.length; i += 2) {
      made.add(
          new Correction(
              PartialDate.parse(corrections[i]),
              new Localized(corrections[i + 1], corrections[i + 1])));
    }
    return new Engagement(
        id,
        PartialDate.parse(date),
        Optional.empty(),
        type,
        countries,
        List.of(),
        List.of(),
        Status.CONFIRMED,
        List.of(new Source("P", "T", Optional.empty(), Optional.empty(), "en")),
        List.of(),
        made,
        false,
        Map.of(Lang.EN, new Translation(Lang.EN, "T", "S", "B")));
  }

  private static MonthlyBriefs briefs(Engagement... oldestFirst) {
    SiteConfig config =
        new SiteConfig(
            "https://example.org/", new Localized("B", "ب"), new Localized("", ""), false);
    return new Archive(
            new Site(
                config,
                List.of(QA, SY, TR),
                List.of(AGREEMENT, VISIT),
                List.of(),
                List.of(),
                List.of(oldestFirst)))
        .briefs();
  }

  private static List<String> ids(List<Engagement> records) {
    return records.stream().map(Engagement::id).toList();
  }

  private static List<String> corrections(List<Corrected> made) {
    return made.stream().map(c -> c.engagement().id() + " " + c.correction().date()).toList();
  }

  /**
   * February 2025: one visit to Turkey. April: a Qatar-Syria visit (10th) and a Qatar agreement
   * (2nd). June: a Syria visit. One record known only to 2025. Corrections made in April (two), in
   * March and January (months without records), and one dated only to the year.
   */
  private static MonthlyBriefs sample() {
    return briefs(
        record("2025-turkey", "2025", VISIT, List.of(TR), "2025-01-10", "Year fixed", "2025", "x"),
        record(
            "2025-02-turkey-visit",
            "2025-02",
            VISIT,
            List.of(TR),
            "2025-04-05",
            "Place fixed",
            "2025-03-15",
            "Title fixed"),
        record("2025-04-02-qatar-agreement", "2025-04-02", AGREEMENT, List.of(QA)),
        record(
            "2025-04-10-qatar-syria-visit",
            "2025-04-10",
            VISIT,
            List.of(QA, SY),
            "2025-04-20",
            "Names fixed"),
        record("2025-06-01-syria-visit", "2025-06-01", VISIT, List.of(SY)));
  }

  @Test
  void everyMonthWithRecordsHasABriefNewestFirst() {
    MonthlyBriefs briefs = sample();
    assertEquals(
        List.of("2025-06", "2025-04", "2025-02"),
        briefs.months().stream().map(Month::key).toList());
    Month april = briefs.find(YearMonth.of(2025, 4)).orElseThrow();
    assertEquals(
        List.of("2025-04-10-qatar-syria-visit", "2025-04-02-qatar-agreement"),
        ids(april.engagements()));
    assertEquals(1, briefs.yearOnly(), "the record known only to the year is in no brief");
    assertTrue(briefs.find(YearMonth.of(2025, 3)).isEmpty());
  }

  @Test
  void aMonthCountsItsRecordsCountriesAndTypesAndAnEmptyMonthCountsZero() {
    MonthlyBriefs briefs = sample();
    assertEquals(new Figures(2, 2, 2), briefs.figuresOf(YearMonth.of(2025, 4)));
    assertEquals(new Figures(1, 1, 1), briefs.figuresOf(YearMonth.of(2025, 2)));
    assertEquals(new Figures(0, 0, 0), briefs.figuresOf(YearMonth.of(2025, 3)));
    MonthlyBriefs twoVisits =
        briefs(
            record("2025-05-01-a", "2025-05-01", VISIT, List.of(QA, SY)),
            record("2025-05-02-b", "2025-05-02", VISIT, List.of(SY, QA)));
    assertEquals(new Figures(2, 2, 1), twoVisits.figuresOf(YearMonth.of(2025, 5)));
  }

  @Test
  void theMonthsBeforeAndAfterAreTheNearestWithRecords() {
    MonthlyBriefs briefs = sample();
    assertEquals("2025-02", briefs.older(YearMonth.of(2025, 4)).orElseThrow().key());
    assertEquals("2025-02", briefs.older(YearMonth.of(2025, 3)).orElseThrow().key());
    assertTrue(briefs.older(YearMonth.of(2025, 2)).isEmpty());
    assertEquals("2025-04", briefs.newer(YearMonth.of(2025, 2)).orElseThrow().key());
    assertEquals("2025-04", briefs.newer(YearMonth.of(2025, 3)).orElseThrow().key());
    assertEquals("2025-06", briefs.newer(YearMonth.of(2025, 4)).orElseThrow().key());
    assertTrue(briefs.newer(YearMonth.of(2025, 6)).isEmpty());
  }

  @Test
  void aCorrectionIsReportedInTheMonthItWasMadeNewestFirst() {
    MonthlyBriefs briefs = sample();
    assertEquals(
        List.of("2025-04-10-qatar-syria-visit 2025-04-20", "2025-02-turkey-visit 2025-04-05"),
        corrections(briefs.find(YearMonth.of(2025, 4)).orElseThrow().corrections()));
    assertEquals(List.of(), briefs.find(YearMonth.of(2025, 2)).orElseThrow().corrections());
    Map<String, List<String>> elsewhere = new LinkedHashMap<>();
    briefs.correctionsWithoutBrief().forEach((m, c) -> elsewhere.put(m.toString(), corrections(c)));
    assertEquals(
        Map.of(
            "2025-03", List.of("2025-02-turkey-visit 2025-03-15"),
            "2025-01", List.of("2025-turkey 2025-01-10")),
        elsewhere);
    assertEquals(List.of("2025-03", "2025-01"), List.copyOf(elsewhere.keySet()), "newest first");
  }

  @Test
  void correctionsMadeOnOneDayComeInRecordOrder() {
    MonthlyBriefs briefs =
        briefs(
            record("2025-05-01-b", "2025-05-01", VISIT, List.of(QA), "2025-05-09", "x"),
            record("2025-05-02-a", "2025-05-02", VISIT, List.of(QA), "2025-05-09", "y"),
            record("2025-05-03-c", "2025-05-03", VISIT, List.of(QA), "2025-05-07", "z"));
    assertEquals(
        List.of("2025-05-01-b 2025-05-09", "2025-05-02-a 2025-05-09", "2025-05-03-c 2025-05-07"),
        corrections(briefs.months().get(0).corrections()));
  }

  @Test
  void aMonthIsNamedWithFourDigitsAndTwo() {
    assertEquals("0987-03", MonthlyBriefs.key(YearMonth.of(987, 3)));
    assertEquals("2025-11", MonthlyBriefs.key(YearMonth.of(2025, 11)));
    assertEquals(Optional.empty(), MonthlyBriefs.monthOf(PartialDate.parse("2025")));
    assertEquals(
        Optional.of(YearMonth.of(2025, 7)), MonthlyBriefs.monthOf(PartialDate.parse("2025-07-04")));
  }

  @Test
  void aMonthsRecordsAreGroupedByTheirCountriesLargestGroupFirst() {
    List<Engagement> newestFirst =
        List.of(
            record("e5", "2025-05-05", VISIT, List.of(TR)),
            record("e4", "2025-05-04", VISIT, List.of(QA, SY, TR)),
            record("e3", "2025-05-03", VISIT, List.of(SY, QA)),
            record("e2", "2025-05-02", VISIT, List.of(QA)),
            record("e1", "2025-05-01", VISIT, List.of(QA, SY)));
    assertEquals(
        List.of(List.of("e3", "e1"), List.of("e2"), List.of("e4"), List.of("e5")),
        MonthlyBriefs.byCountries(newestFirst).stream().map(BriefMonthsTest::ids).toList());
  }
}
