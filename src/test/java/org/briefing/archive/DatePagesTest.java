package org.briefing.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * Lists paged by date: which pages a reader finds for a list, what each shows, and the order the
 * older/newer links walk through them.
 */
class DatePagesTest {

  private static final Country QA = new Country("QA", new Localized("Qatar", "قطر"));
  private static final Term VISIT = new Term("visit", new Localized("Visit", "زيارة"));

  @Test
  void aYearThatFitsOnOnePageIsOnePageAndEmptyYearsHaveNone() {
    DatePages pages = pagesOf(3, "2025-04-17", "2025-01-20", "2025", "2023-06");

    assertEquals(
        List.of("2025", "2023"), names(pages.periods()), "no page for 2024, which has no record");
    DatePages.Period y2025 = pages.find(2025, 0).orElseThrow();
    assertEquals(
        List.of("2025-04-17", "2025-01-20", "2025"),
        dates(y2025.engagements()),
        "the whole year, newest first, the year-only record last");
    assertEquals(3, y2025.total());
    assertFalse(y2025.split());
    assertEquals(Optional.empty(), pages.find(2025, 4), "no month page for a year on one page");
    assertEquals(y2025, pages.pageOf(record("2025-04-17")));
  }

  @Test
  void aYearOverTheLimitContinuesOnMonthPagesAndKeepsItsYearOnlyRecords() {
    DatePages pages = pagesOf(2, "2025-04-17", "2025-04-02", "2025-01-20", "2025", "2024-12");

    assertEquals(List.of("2025-04", "2025-01", "2025", "2024"), names(pages.periods()));
    DatePages.Period y2025 = pages.find(2025, 0).orElseThrow();
    assertTrue(y2025.split());
    assertEquals(5 - 1, y2025.total(), "the year page counts every record of the year");
    assertEquals(
        List.of("2025"), dates(y2025.engagements()), "it shows those known only to the year");
    assertEquals(List.of("2025-04", "2025-01"), names(y2025.months()));
    DatePages.Period april = pages.find(2025, 4).orElseThrow();
    assertEquals(List.of("2025-04-17", "2025-04-02"), dates(april.engagements()));
    assertEquals(april, pages.pageOf(record("2025-04-02")));
    assertEquals(y2025, pages.pageOf(record("2025")));
    assertEquals(Optional.empty(), pages.find(2025, 2), "a month without records has no page");
  }

  @Test
  void olderAndNewerWalkThroughEveryPageOnceInReadingOrder() {
    DatePages pages =
        pagesOf(2, "2025-04-17", "2025-04-02", "2025-01-20", "2025", "2024-12", "2020-05-01");
    List<String> walked = new ArrayList<>();
    Optional<DatePages.Period> p = Optional.of(pages.periods().get(0));
    while (p.isPresent()) {
      walked.add(name(p.get()));
      p = pages.older(p.get());
    }
    assertEquals(List.of("2025-04", "2025-01", "2025", "2024", "2020"), walked);
    assertEquals(Optional.empty(), pages.newer(pages.periods().get(0)));
    assertEquals("2025", name(pages.newer(pages.find(2024, 0).orElseThrow()).orElseThrow()));
  }

  @Test
  void everyRecordIsOnExactlyOnePage() {
    List<String> dates = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int year = 2000 + (i * 7) % 5;
      dates.add(
          i % 11 == 0
              ? Integer.toString(year)
              : String.format(Locale.ROOT, "%04d-%02d-%02d", year, 1 + (i * 5) % 12, 1 + i % 28));
    }
    DatePages pages = pagesOf(40, dates.toArray(String[]::new));
    int shown = 0;
    for (DatePages.Period period : pages.periods()) {
      shown += period.engagements().size();
      assertTrue(
          period.engagements().size() <= 40 || !period.isYear(),
          name(period) + ": a year page holds at most the limit");
      assertFalse(period.engagements().isEmpty() && !period.split(), "no empty page");
    }
    assertEquals(500, shown);
    assertEquals(500, pages.years().stream().mapToInt(DatePages.Period::total).sum());
  }

  @Test
  void theArchivePagesEachListByTheSameLimit() {
    List<Engagement> many = new ArrayList<>();
    for (int i = 0; i < Archive.PAGE_LIMIT + 1; i++) {
      many.add(record(String.format(Locale.ROOT, "2025-%02d-%02d", 1 + i % 12, 1 + i % 28), i));
    }
    SiteConfig config =
        new SiteConfig(
            "https://example.org/briefing/",
            new Localized("Briefing", "موجز"),
            new Localized("", ""),
            false);
    Archive archive =
        new Archive(new Site(config, List.of(QA), List.of(VISIT), List.of(), List.of(), many));
    assertTrue(archive.timelinePages().find(2025, 0).orElseThrow().split());
    assertTrue(archive.pagesOf(QA).find(2025, 0).orElseThrow().split());
    assertTrue(archive.pagesOf(VISIT).find(2025, 0).orElseThrow().split());
    assertEquals(PageLimitCheck.latest(archive), archive.timelinePages().latest(3));
  }

  /** The three newest records, worked out without DatePages. */
  private static final class PageLimitCheck {
    static List<Engagement> latest(Archive archive) {
      return archive.site().engagements().stream()
          .sorted(Comparator.comparing(Engagement::date).thenComparing(Engagement::id).reversed())
          .limit(3)
          .toList();
    }
  }

  private static DatePages pagesOf(int limit, String... dates) {
    List<Engagement> list = new ArrayList<>();
    for (int i = 0; i < dates.length; i++) {
      list.add(record(dates[i], i));
    }
    list.sort(Archive.NEWEST_FIRST);
    return new DatePages(list, limit);
  }

  private static Engagement record(String date) {
    return record(date, -1);
  }

  private static Engagement record(String date, int n) {
    String id = n < 0 ? "r-" + date : "r-" + date + "-" + n;
    return new Engagement(
        id,
        PartialDate.parse(date),
        Optional.empty(),
        VISIT,
        List.of(QA),
        List.of(),
        List.of(),
        Status.CONFIRMED,
        List.of(new Source("Publisher", "Title", Optional.empty(), Optional.empty(), "en")),
        List.of(),
        List.of(),
        false,
        Map.of(Lang.EN, new Translation(Lang.EN, "Title", "Summary", "Body")));
  }

  private static List<String> dates(List<Engagement> list) {
    return list.stream().map(e -> e.date().toString()).toList();
  }

  private static List<String> names(List<DatePages.Period> periods) {
    return periods.stream().map(DatePagesTest::name).toList();
  }

  private static String name(DatePages.Period p) {
    return p.isYear()
        ? Integer.toString(p.year())
        : String.format(Locale.ROOT, "%04d-%02d", p.year(), p.month());
  }
}
