package org.briefing.archive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.briefing.model.Actor;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Site;
import org.briefing.model.Term;

/**
 * The ways readers browse the records, computed once from a {@link Site}: the timeline, each
 * country's records and partners, the pairs of countries, the types, the actors. Templates only
 * present these; every grouping, ordering and count is decided here, where tests can see it.
 *
 * <p>Lists of records are newest first. Immutable and thread-safe once built.
 */
public final class Archive {

  /** Chronological order; records on the same date are ordered by id so output is stable. */
  public static final Comparator<Engagement> CHRONOLOGICAL =
      Comparator.comparing(Engagement::date).thenComparing(Engagement::id);

  public static final Comparator<Engagement> NEWEST_FIRST = CHRONOLOGICAL.reversed();

  /** A month of the timeline; {@code month} is 0 for records known only to the year. */
  public record MonthGroup(int year, int month, List<Engagement> engagements) {}

  public record YearGroup(int year, List<MonthGroup> months) {
    public int size() {
      return months.stream().mapToInt(m -> m.engagements().size()).sum();
    }
  }

  /** How many records a country shares with one partner. */
  public record Partner(Country country, int count) {}

  /** Two countries that appear together in at least one record; {@code first} sorts first. */
  public record Pair(Country first, Country second, List<Engagement> engagements) {
    /** {@code qa-sy}: the codes in alphabetical order, as in the pair page's URL. */
    public String slug() {
      return first.slug() + "-" + second.slug();
    }
  }

  private final Site site;
  private final List<Engagement> newestFirst;
  private final Map<String, Integer> timelinePosition = new LinkedHashMap<>();
  private final Map<Country, List<Engagement>> byCountry = new LinkedHashMap<>();
  private final Map<String, Pair> pairs = new TreeMap<>();
  private final Map<Term, List<Engagement>> byType = new LinkedHashMap<>();
  private final ActorIndex actors;
  private final DatePages timelinePages;
  private final MonthlyBriefs briefs;
  private final Map<String, DatePages> listPages = new LinkedHashMap<>();

  /**
   * How many records one page of a list shows before its year is split into months. An Arabic card
   * weighs about 1.6 KiB, so a page of 60 stays well under its 150 KiB budget with the stylesheet
   * and scripts (PageWeightTest checks on a 1,000-record archive).
   */
  public static final int PAGE_LIMIT = 60;

  public Archive(Site site) {
    this.site = site;
    List<Engagement> sorted = new ArrayList<>(site.engagements());
    sorted.sort(NEWEST_FIRST);
    this.newestFirst = List.copyOf(sorted);
    for (int i = 0; i < newestFirst.size(); i++) {
      timelinePosition.put(newestFirst.get(i).id(), i);
    }
    for (Term type : site.types()) {
      byType.put(type, new ArrayList<>());
    }
    Map<String, List<Engagement>> pairLists = new TreeMap<>();
    for (Engagement e : newestFirst) {
      byType.get(e.type()).add(e);
      for (Country c : e.countries()) {
        byCountry.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
      }
      List<Country> cs = e.countries();
      for (int i = 0; i < cs.size(); i++) {
        for (int j = i + 1; j < cs.size(); j++) {
          Country a = cs.get(i).code().compareTo(cs.get(j).code()) < 0 ? cs.get(i) : cs.get(j);
          Country b = a == cs.get(i) ? cs.get(j) : cs.get(i);
          String key = a.code() + "-" + b.code();
          pairLists.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
          pairs.putIfAbsent(key, new Pair(a, b, List.of()));
        }
      }
    }
    pairs.replaceAll((key, p) -> new Pair(p.first(), p.second(), List.copyOf(pairLists.get(key))));
    byCountry.replaceAll((c, list) -> List.copyOf(list));
    byType.replaceAll((t, list) -> List.copyOf(list));
    actors = new ActorIndex(site.actors(), newestFirst);
    timelinePages = new DatePages(newestFirst, PAGE_LIMIT);
    briefs = new MonthlyBriefs(newestFirst);
    byCountry.forEach(
        (c, list) -> listPages.put("country:" + c.code(), new DatePages(list, PAGE_LIMIT)));
    pairs.forEach(
        (key, p) -> listPages.put("pair:" + key, new DatePages(p.engagements(), PAGE_LIMIT)));
    byType.forEach((t, list) -> listPages.put("type:" + t.key(), new DatePages(list, PAGE_LIMIT)));
    for (Actor a : actors.active()) {
      listPages.put("actor:" + a.id(), new DatePages(actors.engagementsOf(a), PAGE_LIMIT));
    }
  }

  /** The timeline cut into pages by year and month. */
  public DatePages timelinePages() {
    return timelinePages;
  }

  /** A country's records cut into pages by date; empty pages when it has no record. */
  public DatePages pagesOf(Country country) {
    return listPages.getOrDefault("country:" + country.code(), EMPTY);
  }

  public DatePages pagesOf(Pair pair) {
    return listPages.getOrDefault(
        "pair:" + pair.first().code() + "-" + pair.second().code(), EMPTY);
  }

  public DatePages pagesOf(Term type) {
    return listPages.getOrDefault("type:" + type.key(), EMPTY);
  }

  /** An actor's records cut into pages by date; empty pages when no record names it. */
  public DatePages pagesOf(Actor actor) {
    return listPages.getOrDefault("actor:" + actor.id(), EMPTY);
  }

  private static final DatePages EMPTY = new DatePages(List.of(), PAGE_LIMIT);

  public Site site() {
    return site;
  }

  /** The people and institutions, with their records. */
  public ActorIndex actors() {
    return actors;
  }

  /** The monthly briefs: every month with records, its figures and corrections. */
  public MonthlyBriefs briefs() {
    return briefs;
  }

  /** Every record, newest first. */
  public List<Engagement> engagements() {
    return newestFirst;
  }

  /** All records grouped by year, then month, both newest first; year-only records last. */
  public List<YearGroup> timeline() {
    return group(newestFirst);
  }

  /** Groups an already newest-first list by year and month. */
  public static List<YearGroup> group(List<Engagement> newestFirst) {
    Map<Integer, Map<Integer, List<Engagement>>> years = new LinkedHashMap<>();
    for (Engagement e : newestFirst) {
      years
          .computeIfAbsent(e.date().year(), y -> new LinkedHashMap<>())
          .computeIfAbsent(e.date().month(), m -> new ArrayList<>())
          .add(e);
    }
    List<YearGroup> out = new ArrayList<>();
    years.forEach(
        (year, months) -> {
          List<MonthGroup> groups = new ArrayList<>();
          months.forEach(
              (month, list) -> groups.add(new MonthGroup(year, month, List.copyOf(list))));
          out.add(new YearGroup(year, List.copyOf(groups)));
        });
    return List.copyOf(out);
  }

  /** Countries that appear in at least one record, in code order. */
  public List<Country> activeCountries() {
    return site.countries().stream().filter(byCountry::containsKey).toList();
  }

  /** A country's records, newest first; empty when it has none. */
  public List<Engagement> engagementsOf(Country country) {
    return byCountry.getOrDefault(country, List.of());
  }

  /** The countries that share records with {@code country}, most shared first, then by code. */
  public List<Partner> partnersOf(Country country) {
    Map<Country, Integer> counts = new TreeMap<>(Comparator.comparing(Country::code));
    for (Engagement e : engagementsOf(country)) {
      for (Country other : e.countries()) {
        if (!other.equals(country)) {
          counts.merge(other, 1, Integer::sum);
        }
      }
    }
    List<Partner> partners = new ArrayList<>();
    counts.forEach((c, n) -> partners.add(new Partner(c, n)));
    partners.sort(
        Comparator.comparingInt(Partner::count).reversed().thenComparing(p -> p.country().code()));
    return Collections.unmodifiableList(partners);
  }

  /** Every pair of countries that appear together, ordered by their slug. */
  public List<Pair> pairs() {
    return List.copyOf(pairs.values());
  }

  public Optional<Pair> pair(Country a, Country b) {
    String key =
        a.code().compareTo(b.code()) < 0 ? a.code() + "-" + b.code() : b.code() + "-" + a.code();
    return Optional.ofNullable(pairs.get(key));
  }

  /** Types in vocabulary order with their records (possibly none), newest first. */
  public Map<Term, List<Engagement>> byType() {
    return Collections.unmodifiableMap(byType);
  }

  /** The record just before {@code e} in time (older), if any. */
  public Optional<Engagement> previous(Engagement e) {
    int i = timelinePosition.get(e.id());
    return i + 1 < newestFirst.size() ? Optional.of(newestFirst.get(i + 1)) : Optional.empty();
  }

  /** The record just after {@code e} in time (newer), if any. */
  public Optional<Engagement> next(Engagement e) {
    int i = timelinePosition.get(e.id());
    return i > 0 ? Optional.of(newestFirst.get(i - 1)) : Optional.empty();
  }

  public Optional<Engagement> find(String id) {
    Integer i = timelinePosition.get(id);
    return i == null ? Optional.empty() : Optional.of(newestFirst.get(i));
  }
}
