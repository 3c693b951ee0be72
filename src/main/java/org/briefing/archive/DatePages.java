package org.briefing.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefing.model.Engagement;

/**
 * A list of records (the timeline, a country's, a pair's, a type's, an actor's) cut into pages by
 * date, so that no page grows with the archive: one page per year, and where a year has more
 * records than one light page holds, one page per month of it, the year's page then listing its
 * months and the records known only to the year. Pages are named by their period, never by a
 * number, so an address keeps showing the same records as the archive grows; a period without
 * records has no page.
 *
 * <p>{@link #periods()} is every page in the order a reader pages through them, newest first: a
 * split year's months before the year's own page (which holds the records known only to the year,
 * the vaguest dates of the year, as the timeline orders them).
 */
public final class DatePages {

  /**
   * One page: a year ({@code month} 0) or a month of a split year.
   *
   * @param engagements the records the page shows, newest first: all of a year that is not split;
   *     of a split year, those known only to the year
   * @param total every record of the period, including those on its month pages
   * @param months the month pages of a split year, newest first; empty otherwise
   */
  public record Period(
      int year, int month, List<Engagement> engagements, int total, List<Period> months) {

    public boolean isYear() {
      return month == 0;
    }

    /** A year whose records continue on month pages. */
    public boolean split() {
      return !months.isEmpty();
    }
  }

  private final List<Engagement> newestFirst;
  private final List<Period> years;
  private final List<Period> periods;
  private final Map<String, Integer> position = new LinkedHashMap<>();

  /**
   * @param newestFirst the list's records, newest first (as {@link Archive} keeps them)
   * @param limit how many records one page shows at most before its year is split into months (a
   *     single month is never split: it may exceed the limit)
   */
  public DatePages(List<Engagement> newestFirst, int limit) {
    this.newestFirst = List.copyOf(newestFirst);
    List<Period> yearPages = new ArrayList<>();
    List<Period> all = new ArrayList<>();
    for (Archive.YearGroup year : Archive.group(this.newestFirst)) {
      int total = year.size();
      if (total <= limit) {
        List<Engagement> records = new ArrayList<>();
        year.months().forEach(m -> records.addAll(m.engagements()));
        Period page = new Period(year.year(), 0, List.copyOf(records), total, List.of());
        yearPages.add(page);
        all.add(page);
        continue;
      }
      List<Period> months = new ArrayList<>();
      List<Engagement> yearOnly = List.of();
      for (Archive.MonthGroup m : year.months()) {
        if (m.month() == 0) {
          yearOnly = m.engagements();
        } else {
          months.add(
              new Period(
                  year.year(), m.month(), m.engagements(), m.engagements().size(), List.of()));
        }
      }
      Period page = new Period(year.year(), 0, yearOnly, total, List.copyOf(months));
      yearPages.add(page);
      all.addAll(months);
      all.add(page);
    }
    this.years = List.copyOf(yearPages);
    this.periods = List.copyOf(all);
    for (int i = 0; i < periods.size(); i++) {
      position.put(key(periods.get(i).year(), periods.get(i).month()), i);
    }
  }

  /** The year pages, newest first. */
  public List<Period> years() {
    return years;
  }

  /** Every page, in the order readers page through them (see the class comment). */
  public List<Period> periods() {
    return periods;
  }

  /** The {@code n} newest records, for the list's overview. */
  public List<Engagement> latest(int n) {
    return newestFirst.subList(0, Math.min(n, newestFirst.size()));
  }

  public int size() {
    return newestFirst.size();
  }

  /** The page of {@code year} ({@code month} 0) or of a month of a split year. */
  public Optional<Period> find(int year, int month) {
    Integer i = position.get(key(year, month));
    return i == null ? Optional.empty() : Optional.of(periods.get(i));
  }

  /** The page holding {@code e}: its month's page if its year is split, else its year's. */
  public Period pageOf(Engagement e) {
    return find(e.date().year(), e.date().month())
        .orElseGet(
            () ->
                find(e.date().year(), 0)
                    .orElseThrow(
                        () -> new IllegalArgumentException(e.id() + " is not in this list")));
  }

  /** The page before {@code p} in reading order (older), if any. */
  public Optional<Period> older(Period p) {
    int i = position.get(key(p.year(), p.month()));
    return i + 1 < periods.size() ? Optional.of(periods.get(i + 1)) : Optional.empty();
  }

  /** The page after {@code p} in reading order (newer), if any. */
  public Optional<Period> newer(Period p) {
    int i = position.get(key(p.year(), p.month()));
    return i > 0 ? Optional.of(periods.get(i - 1)) : Optional.empty();
  }

  private static String key(int year, int month) {
    return year + "-" + month;
  }
}
