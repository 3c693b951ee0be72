package org.briefing.archive;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.briefing.model.Actor;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;

/**
 * The actors as readers browse them: each actor's records, the countries and actors that appear
 * with it most often, and the actors grouped by country and kind. Built once by the {@link
 * Archive}; immutable and thread-safe.
 */
public final class ActorIndex {

  /** How many co-appearing countries and actors an actor page shows. */
  public static final int MOST_OFTEN = 8;

  /** A country or actor and how many records it shares with an actor. */
  public record Shared<T>(T item, int count) {}

  /** The actors of one country (or of none) and one kind, ordered by name in the language. */
  public record Group(Optional<Country> country, Actor.Kind kind, List<Actor> actors) {}

  private final List<Actor> actors;
  private final Map<String, List<Engagement>> records = new LinkedHashMap<>();
  private final Map<String, Set<Actor>> met = new HashMap<>();

  /** {@code newestFirst}: every published record, newest first. */
  ActorIndex(List<Actor> actors, List<Engagement> newestFirst) {
    this.actors = List.copyOf(actors);
    for (Actor a : actors) {
      records.put(a.id(), new ArrayList<>());
    }
    for (Engagement e : newestFirst) {
      for (Actor a : e.actors()) {
        records.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(e);
      }
    }
    records.replaceAll((id, list) -> List.copyOf(list));
    for (Engagement e : newestFirst) {
      for (Actor a : e.actors()) {
        met.computeIfAbsent(a.id(), k -> new LinkedHashSet<>()).addAll(e.actors());
      }
    }
    met.replaceAll((id, set) -> Collections.unmodifiableSet(set));
  }

  /** Every actor of actors.yaml, in the order written. */
  public List<Actor> all() {
    return actors;
  }

  /** Actors that at least one published record names, in the order written. */
  public List<Actor> active() {
    return actors.stream().filter(a -> !engagementsOf(a).isEmpty()).toList();
  }

  public Optional<Actor> find(String id) {
    return actors.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The actor's records, newest first. */
  public List<Engagement> engagementsOf(Actor actor) {
    return records.getOrDefault(actor.id(), List.of());
  }

  /**
   * Every actor named in the actor's records, the actor included, in the order first met (newest
   * record first). Asked for each record when a build works out what a change touches, so it is
   * worked out once here rather than by walking the actor's records every time.
   */
  public Set<Actor> actorsMet(Actor actor) {
    return met.getOrDefault(actor.id(), Set.of());
  }

  /** Countries of the actor's records, most shared first, then by code; its own country too. */
  public List<Shared<Country>> countriesWith(Actor actor) {
    Map<Country, Integer> counts = new LinkedHashMap<>();
    for (Engagement e : engagementsOf(actor)) {
      for (Country c : e.countries()) {
        counts.merge(c, 1, Integer::sum);
      }
    }
    List<Shared<Country>> out = new ArrayList<>();
    counts.forEach((c, n) -> out.add(new Shared<>(c, n)));
    out.sort(
        Comparator.<Shared<Country>>comparingInt(Shared::count)
            .reversed()
            .thenComparing(s -> s.item().code()));
    return List.copyOf(out.subList(0, Math.min(MOST_OFTEN, out.size())));
  }

  /** Other actors named in the actor's records, most shared first, then by id. */
  public List<Shared<Actor>> actorsWith(Actor actor) {
    Map<Actor, Integer> counts = new LinkedHashMap<>();
    for (Engagement e : engagementsOf(actor)) {
      for (Actor other : e.actors()) {
        if (!other.id().equals(actor.id())) {
          counts.merge(other, 1, Integer::sum);
        }
      }
    }
    List<Shared<Actor>> out = new ArrayList<>();
    counts.forEach((a, n) -> out.add(new Shared<>(a, n)));
    out.sort(
        Comparator.<Shared<Actor>>comparingInt(Shared::count)
            .reversed()
            .thenComparing(s -> s.item().id()));
    return List.copyOf(out.subList(0, Math.min(MOST_OFTEN, out.size())));
  }

  /**
   * The active actors grouped by country (by the country's name in {@code lang}; actors of no
   * country last), then by kind (institutions first), each group ordered by name in {@code lang}.
   */
  public List<Group> groups(Lang lang) {
    Collator byName = Collator.getInstance(Locale.forLanguageTag(lang.code()));
    Comparator<Optional<Country>> countryOrder =
        Comparator.comparing((Optional<Country> c) -> c.isEmpty())
            .thenComparing(c -> c.map(x -> x.name().get(lang)).orElse(""), byName)
            .thenComparing(c -> c.map(Country::code).orElse(""));
    Map<Optional<Country>, Map<Actor.Kind, List<Actor>>> grouped =
        new java.util.TreeMap<>(countryOrder);
    for (Actor a : active()) {
      grouped
          .computeIfAbsent(
              a.country(),
              k ->
                  new java.util.TreeMap<>(
                      Comparator.comparing((Actor.Kind kind) -> kind == Actor.Kind.PERSON)))
          .computeIfAbsent(a.kind(), k -> new ArrayList<>())
          .add(a);
    }
    List<Group> out = new ArrayList<>();
    grouped.forEach(
        (country, kinds) ->
            kinds.forEach(
                (kind, list) -> {
                  list.sort(
                      Comparator.comparing((Actor a) -> a.name().get(lang), byName)
                          .thenComparing(Actor::id));
                  out.add(new Group(country, kind, List.copyOf(list)));
                }));
    return List.copyOf(out);
  }
}
