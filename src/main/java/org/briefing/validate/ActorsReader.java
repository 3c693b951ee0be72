package org.briefing.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.briefing.content.Position;
import org.briefing.content.Problem;
import org.briefing.content.Suggestions;
import org.briefing.content.YamlDocument;
import org.briefing.content.YamlNode;
import org.briefing.model.Actor;
import org.briefing.model.Country;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.PartialDate;

/**
 * Checks {@code actors.yaml} and the records' references to it: {@code actors:} lists, and the
 * {@code organizations:} lists that actors replaced, each of whose entries is reported with the
 * actors.yaml entry and key to write instead.
 */
final class ActorsReader {

  private static final Set<String> ACTOR_KEYS = Set.of("kind", "country", "en", "ar", "roles");
  private static final Set<String> ROLE_KEYS = Set.of("from", "to", "en", "ar");

  private final List<Problem> problems;

  ActorsReader(List<Problem> problems) {
    this.problems = problems;
  }

  /** The actors of actors.yaml in the order written; entries with problems are left out. */
  List<Actor> actors(YamlDocument doc, List<Country> countries) {
    if (!(doc.root() instanceof YamlNode.Mapping map)) {
      problems.add(
          Problem.at(
              doc.root().position(),
              "actors.yaml must list actors as `key:`"
                  + " entries with kind, en and ar (see CONTRIBUTING.md)"));
      return List.of();
    }
    Map<String, Country> byCode =
        countries.stream()
            .collect(Collectors.toMap(Country::code, c -> c, (a, b) -> a, LinkedHashMap::new));
    List<Actor> out = new ArrayList<>();
    Map<String, String> firstByName = new LinkedHashMap<>();
    map.entries()
        .forEach(
            (id, value) -> {
              Position at = map.keyPositions().get(id);
              if (!SharedFilesReader.KEY.matcher(id).matches()) {
                problems.add(
                    Problem.at(
                        at,
                        "actor key \""
                            + id
                            + "\" must be lowercase ASCII letters,"
                            + " digits and single hyphens (it becomes the actor page's address), such as"
                            + " khattab-anas"));
                return;
              }
              actor(id, value, byCode)
                  .ifPresent(
                      actor -> {
                        for (Lang lang : Lang.values()) {
                          String name = actor.name().get(lang).strip().toLowerCase(Locale.ROOT);
                          String first = firstByName.putIfAbsent(lang.code() + ":" + name, id);
                          if (first != null) {
                            problems.add(
                                Problem.at(
                                    at,
                                    "actor \""
                                        + id
                                        + "\" has the same "
                                        + (lang == Lang.AR ? "Arabic" : "English")
                                        + " name as \""
                                        + first
                                        + "\" (\""
                                        + actor.name().get(lang)
                                        + "\"); one actor is one entry: merge them and use \""
                                        + first
                                        + "\" in records"));
                          }
                        }
                        out.add(actor);
                      });
            });
    return List.copyOf(out);
  }

  private Optional<Actor> actor(String id, YamlNode value, Map<String, Country> countries) {
    String where = "actor \"" + id + "\"";
    return Fields.open(value, where, ACTOR_KEYS, problems)
        .flatMap(
            f -> {
              int before = problems.size();
              Optional<Actor.Kind> kind =
                  f.requiredScalar("kind", "write kind: person or kind:" + " institution")
                      .flatMap(
                          s -> {
                            Optional<Actor.Kind> k = Actor.Kind.fromKey(s.text());
                            if (k.isEmpty()) {
                              problems.add(
                                  Problem.at(
                                      s.position(),
                                      "kind \""
                                          + s.text()
                                          + "\" of "
                                          + where
                                          + " is not person or institution"));
                            }
                            return k;
                          });
              Optional<Country> country =
                  f.optionalScalar("country")
                      .flatMap(
                          s -> {
                            Country c = countries.get(s.text());
                            if (c == null) {
                              String hint =
                                  Suggestions.closest(s.text(), countries.keySet())
                                      .map(k -> "did you mean \"" + k + "\"?")
                                      .orElse(
                                          "add it to countries.yaml first, or leave country out");
                              problems.add(
                                  Problem.at(
                                      s.position(),
                                      "unknown country code \""
                                          + s.text()
                                          + "\" for "
                                          + where
                                          + "; "
                                          + hint));
                            }
                            return Optional.ofNullable(c);
                          });
              Optional<String> en = name(f, "en", "English", where);
              Optional<String> ar = name(f, "ar", "Arabic", where);
              List<Actor.Role> roles = roles(f, where);
              if (problems.size() > before || kind.isEmpty() || en.isEmpty() || ar.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Actor(id, kind.get(), country, new Localized(en.get(), ar.get()), roles));
            });
  }

  private Optional<String> name(Fields f, String key, String language, String where) {
    if (!f.has(key)) {
      problems.add(
          Problem.at(
              f.positionOf(key),
              where
                  + " has no "
                  + language
                  + " name; add "
                  + key
                  + ": with the name as "
                  + language
                  + " sources write it"));
      return Optional.empty();
    }
    return f.requiredScalar(key, "write the " + language + " name")
        .flatMap(s -> Texts.clean(s, "the " + language + " name of " + where, problems));
  }

  private List<Actor.Role> roles(Fields f, String where) {
    List<Actor.Role> out = new ArrayList<>();
    List<YamlNode> items = f.list("roles");
    for (int i = 0; i < items.size(); i++) {
      String roleWhere = "roles[" + (i + 1) + "] of " + where;
      Fields.open(items.get(i), roleWhere, ROLE_KEYS, problems)
          .ifPresent(
              r -> {
                Optional<PartialDate> from = r.optionalScalar("from").flatMap(this::date);
                Optional<PartialDate> to = r.optionalScalar("to").flatMap(this::date);
                if (from.isPresent() && to.isPresent() && !to.get().notBefore(from.get())) {
                  problems.add(
                      Problem.at(
                          r.positionOf("to"),
                          "to "
                              + to.get()
                              + " is before from "
                              + from.get()
                              + " in "
                              + roleWhere
                              + "; swap them or correct one"));
                }
                Optional<String> en = name(r, "en", "English", roleWhere);
                Optional<String> ar = name(r, "ar", "Arabic", roleWhere);
                if (en.isPresent() && ar.isPresent()) {
                  out.add(new Actor.Role(from, to, new Localized(en.get(), ar.get())));
                }
              });
    }
    return List.copyOf(out);
  }

  private Optional<PartialDate> date(YamlNode.Scalar s) {
    try {
      return Optional.of(PartialDate.parse(s.text().strip()));
    } catch (IllegalArgumentException e) {
      problems.add(Problem.at(s.position(), e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * A record's {@code actors:}: each a known key, listed once, and of a country among the record's
   * {@code countries} when it has one.
   */
  static List<Actor> references(
      Fields f,
      Map<String, Actor> known,
      List<Country> recordCountries,
      boolean countriesKnown,
      List<Problem> problems) {
    List<Actor> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (YamlNode.Scalar s : f.scalarList("actors")) {
      String id = s.text().strip();
      if (!seen.add(id)) {
        problems.add(Problem.at(s.position(), "actor \"" + id + "\" is listed twice; remove one"));
        continue;
      }
      Actor actor = known.get(id);
      if (actor == null) {
        String hint =
            Suggestions.closest(id, known.keySet())
                .map(k -> "did you mean \"" + k + "\"?")
                .orElse(
                    known.isEmpty()
                        ? "content/actors.yaml has no actors yet; add it there"
                        : "add it to content/actors.yaml first (kind, en, ar)");
        problems.add(Problem.at(s.position(), "unknown actor \"" + id + "\"; " + hint));
        continue;
      }
      if (countriesKnown
          && actor.country().isPresent()
          && !recordCountries.contains(actor.country().get())) {
        Country c = actor.country().get();
        problems.add(
            Problem.at(
                s.position(),
                "actor \""
                    + id
                    + "\" belongs to "
                    + c.code()
                    + " ("
                    + c.name().en()
                    + "), which is not among this record's countries ("
                    + recordCountries.stream().map(Country::code).collect(Collectors.joining(", "))
                    + "); add "
                    + c.code()
                    + " to countries, or check the actor"));
      }
      out.add(actor);
    }
    return out;
  }

  /**
   * One problem per entry of the replaced {@code organizations:} list, saying which actors.yaml key
   * to use: an existing actor of the same name, or a new entry to write.
   */
  static void migrate(Fields f, Map<String, Actor> known, List<Problem> problems) {
    for (YamlNode item : f.list("organizations")) {
      String en = text(item, "en");
      String ar = text(item, "ar");
      Optional<Actor> same =
          known.values().stream()
              .filter(
                  a ->
                      (!en.isEmpty() && a.name().en().equalsIgnoreCase(en))
                          || (!ar.isEmpty() && a.name().ar().equals(ar)))
              .findFirst();
      String message;
      if (same.isPresent()) {
        message =
            "organizations is replaced by actors: content/actors.yaml already has this one"
                + " as \""
                + same.get().id()
                + "\"; write actors: ["
                + same.get().id()
                + "] and"
                + " remove this entry";
      } else {
        String key = slug(en.isEmpty() ? "actor" : en);
        message =
            "organizations is replaced by actors: add to content/actors.yaml the entry `"
                + key
                + ": {kind: institution, en: \""
                + en
                + "\", ar: \""
                + ar
                + "\"}` (with"
                + " country: if it belongs to one) and write actors: ["
                + key
                + "] here";
      }
      problems.add(Problem.at(item.position(), message));
    }
  }

  private static String text(YamlNode item, String key) {
    if (item instanceof YamlNode.Mapping m && m.entries().get(key) instanceof YamlNode.Scalar s) {
      return s.text().strip();
    }
    return item instanceof YamlNode.Scalar s && key.equals("en") ? s.text().strip() : "";
  }

  /** A key from an English name: "Ministry of Interior (Syria)" → ministry-of-interior-syria. */
  static String slug(String name) {
    String s =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "actor" : s;
  }
}
