package org.briefing.archive;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.briefing.model.Correction;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.PartialDate;
import org.briefing.model.Term;

/**
 * The monthly briefs: one for every month that has records. A record known to the month or the day
 * belongs to its month; a record known only to the year belongs to no month. A month's figures are
 * set against the calendar month before, which may have no records (its figures are then zero).
 * Corrections belong to the month they were made in, whichever record they correct.
 */
public final class MonthlyBriefs {

  /** A correction with the record it corrects. */
  public record Corrected(Engagement engagement, Correction correction) {}

  /** A month's figures: records, the countries they involve, the types they are of. */
  public record Figures(int engagements, int countries, int types) {}

  /** One month: its records newest first, and the corrections made in it, newest first. */
  public record Month(YearMonth month, List<Engagement> engagements, List<Corrected> corrections) {

    public Figures figures() {
      Set<Country> countries = new LinkedHashSet<>();
      Set<Term> types = new LinkedHashSet<>();
      for (Engagement e : engagements) {
        countries.addAll(e.countries());
        types.add(e.type());
      }
      return new Figures(engagements.size(), countries.size(), types.size());
    }

    /** {@code 2025-04}, as in the brief's address and its introduction's folder. */
    public String key() {
      return MonthlyBriefs.key(month);
    }
  }

  private final Map<YearMonth, Month> months; // newest first
  private final Map<YearMonth, List<Engagement>> all = new TreeMap<>();
  private final int yearOnly;
  private final Map<YearMonth, List<Corrected>> elsewhere =
      new TreeMap<>(Collections.reverseOrder());

  MonthlyBriefs(List<Engagement> newestFirst) {
    Map<YearMonth, List<Corrected>> corrections = new TreeMap<>();
    int withoutMonth = 0;
    for (Engagement e : newestFirst) {
      Optional<YearMonth> m = monthOf(e.date());
      if (m.isPresent()) {
        all.computeIfAbsent(m.get(), k -> new ArrayList<>()).add(e);
      } else {
        withoutMonth++;
      }
      for (Correction c : e.corrections()) {
        monthOf(c.date())
            .ifPresent(
                cm ->
                    corrections
                        .computeIfAbsent(cm, k -> new ArrayList<>())
                        .add(new Corrected(e, c)));
      }
    }
    this.yearOnly = withoutMonth;
    Map<YearMonth, Month> out = new TreeMap<>(Collections.reverseOrder());
    all.forEach(
        (ym, list) -> {
          out.put(
              ym,
              new Month(ym, List.copyOf(list), sorted(corrections.getOrDefault(ym, List.of()))));
        });
    this.months = Collections.unmodifiableMap(out);
    corrections.forEach(
        (ym, made) -> {
          if (!all.containsKey(ym)) {
            elsewhere.put(ym, sorted(made));
          }
        });
  }

  /**
   * The corrections made in months without records, which have no brief, by month newest first: the
   * briefs' index lists them so that no correction goes unreported.
   */
  public Map<YearMonth, List<Corrected>> correctionsWithoutBrief() {
    return Collections.unmodifiableMap(elsewhere);
  }

  private static List<Corrected> sorted(List<Corrected> made) {
    List<Corrected> out = new ArrayList<>(made);
    out.sort(
        (a, b) -> {
          int byDate = b.correction().date().compareTo(a.correction().date());
          return byDate != 0 ? byDate : a.engagement().id().compareTo(b.engagement().id());
        });
    return List.copyOf(out);
  }

  /** Every month with records, newest first. */
  public List<Month> months() {
    return List.copyOf(months.values());
  }

  public Optional<Month> find(YearMonth month) {
    return Optional.ofNullable(months.get(month));
  }

  /** The figures of any calendar month: zero for a month without records. */
  public Figures figuresOf(YearMonth month) {
    return find(month).map(Month::figures).orElse(new Figures(0, 0, 0));
  }

  /** The month with records just before {@code month} (older), if any. */
  public Optional<Month> older(YearMonth month) {
    return months.values().stream().filter(m -> m.month().isBefore(month)).findFirst();
  }

  /** The month with records just after {@code month} (newer), if any. */
  public Optional<Month> newer(YearMonth month) {
    Month found = null;
    for (Month m : months.values()) {
      if (m.month().isAfter(month)) {
        found = m;
      }
    }
    return Optional.ofNullable(found);
  }

  /** How many records are known only to the year, and so in no month's brief. */
  public int yearOnly() {
    return yearOnly;
  }

  /** The month a date falls in, when the date names one. */
  public static Optional<YearMonth> monthOf(PartialDate date) {
    return date.month() == 0
        ? Optional.empty()
        : Optional.of(YearMonth.of(date.year(), date.month()));
  }

  public static String key(YearMonth month) {
    return new PartialDate(month.getYear(), month.getMonthValue(), 0).toString(); // 2025-04
  }

  /**
   * The records of {@code month} grouped by the countries they involve: a pair's records together,
   * a one-country record with that country's, records of three or more countries by that set. The
   * groups come in order of size, then of their countries' codes; records newest first.
   */
  public static List<List<Engagement>> byCountries(List<Engagement> newestFirst) {
    Map<String, List<Engagement>> groups = new TreeMap<>();
    for (Engagement e : newestFirst) {
      String key = String.join("-", e.countries().stream().map(Country::code).sorted().toList());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    List<List<Engagement>> out = new ArrayList<>(groups.values());
    out.sort((a, b) -> Integer.compare(b.size(), a.size())); // stable: code order among equals
    return List.copyOf(out);
  }
}
