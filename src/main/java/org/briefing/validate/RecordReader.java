package org.briefing.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.briefing.content.Problem;
import org.briefing.content.RecordFolder;
import org.briefing.content.Suggestions;
import org.briefing.content.YamlNode;
import org.briefing.model.Actor;
import org.briefing.model.Correction;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.PartialDate;
import org.briefing.model.PublisherName;
import org.briefing.model.Source;
import org.briefing.model.Status;
import org.briefing.model.Term;
import org.briefing.model.Translation;

/**
 * Checks one record folder against the content contract and types it as an {@link Engagement}.
 * Cross-record rules (related ids) are the {@link Validator}'s, which sees every record.
 */
final class RecordReader {

  static final int MAX_ID_LENGTH = 80;
  static final int MAX_SUMMARY_LENGTH = 300;

  private static final Set<String> RECORD_KEYS =
      Set.of(
          "date",
          "end_date",
          "type",
          "countries",
          "actors",
          "organizations",
          "topics",
          "status",
          "sources",
          "related",
          "corrections",
          "draft",
          "aliases");

  private final Map<String, Country> countries;
  private final Map<String, Term> types;
  private final Map<String, Term> topics;
  private final Map<String, Actor> actors;
  private final Set<String> ids;
  private final Map<String, PublisherName> publishers;
  private final SharedFilesReader names;
  private final List<Problem> problems;

  /** {@code ids} are every record folder's name, for checking {@code related}. */
  RecordReader(
      List<Country> countries,
      List<Term> types,
      List<Term> topics,
      List<Actor> actors,
      Set<String> ids,
      List<Problem> problems) {
    this(countries, types, topics, actors, ids, Map.of(), problems);
  }

  /** As above, with the publishers of {@code publishers.yaml} that sources may name by key. */
  RecordReader(
      List<Country> countries,
      List<Term> types,
      List<Term> topics,
      List<Actor> actors,
      Set<String> ids,
      Map<String, PublisherName> publishers,
      List<Problem> problems) {
    this.ids = ids;
    this.publishers = publishers;
    this.actors = index(actors, Actor::id);
    this.countries = index(countries, Country::code);
    this.types = index(types, Term::key);
    this.topics = index(topics, Term::key);
    this.problems = problems;
    this.names = new SharedFilesReader(problems);
    this.aliasPositions = new java.util.concurrent.ConcurrentHashMap<>();
  }

  /** A reader sharing this one's lookups that reports to {@code problems}. */
  private RecordReader(RecordReader shared, List<Problem> problems) {
    this.ids = shared.ids;
    this.publishers = shared.publishers;
    this.actors = shared.actors;
    this.countries = shared.countries;
    this.types = shared.types;
    this.topics = shared.topics;
    this.problems = problems;
    this.names = new SharedFilesReader(problems);
    this.aliasPositions = shared.aliasPositions;
  }

  /**
   * A reader for one record that reports to a list of its own: records are read on every core, and
   * their problems joined in the records' order afterwards, so they come out the same whatever the
   * threads did.
   */
  RecordReader reportingTo(List<Problem> problems) {
    return new RecordReader(this, problems);
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    return items.stream()
        .collect(
            Collectors.toMap(key, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /** The record, or empty when anything about it is wrong (each wrong thing reported). */
  Optional<Engagement> read(RecordFolder folder) {
    int before = problems.size();
    checkId(folder);
    Map<Lang, Translation> translations = new TranslationReader(problems).translations(folder);
    if (folder.facts().isEmpty()) {
      return Optional.empty();
    }
    String where = "engagement.yaml";
    Optional<Fields> opened =
        Fields.open(folder.facts().get().root(), where, RECORD_KEYS, problems);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    Fields f = opened.get();
    Optional<PartialDate> date =
        f.requiredScalar(
                "date",
                "write the day it happened as"
                    + " YYYY-MM-DD (or YYYY-MM / YYYY when only that is known)")
            .flatMap(this::date);
    Optional<PartialDate> endDate = f.optionalScalar("end_date").flatMap(this::date);
    if (date.isPresent() && endDate.isPresent() && !endDate.get().notBefore(date.get())) {
      problems.add(
          Problem.at(
              f.positionOf("end_date"),
              "end_date "
                  + endDate.get()
                  + " is before date "
                  + date.get()
                  + "; swap them or correct one"));
    }
    Optional<Term> type =
        f.requiredScalar("type", "use one of: " + String.join(", ", types.keySet()))
            .flatMap(s -> known(s, types, "engagement type", "vocabulary.yaml `types`"));
    int beforeCountries = problems.size();
    List<Country> recordCountries = countries(f);
    List<Actor> recordActors =
        ActorsReader.references(
            f, actors, recordCountries, problems.size() == beforeCountries, problems);
    ActorsReader.migrate(f, actors, problems);
    List<Term> recordTopics = new ArrayList<>();
    for (YamlNode.Scalar t : unique(f.scalarList("topics"), "topic")) {
      known(t, topics, "topic", "vocabulary.yaml `topics`").ifPresent(recordTopics::add);
    }
    Optional<Status> status =
        f.requiredScalar("status", "write confirmed, reported or unverified")
            .flatMap(
                s -> {
                  Optional<Status> st = Status.fromKey(s.text());
                  if (st.isEmpty()) {
                    problems.add(
                        Problem.at(
                            s.position(),
                            "status \""
                                + s.text()
                                + "\" is not one of"
                                + " confirmed (official statement), reported (media or think-tank report),"
                                + " unverified"));
                  }
                  return st;
                });
    List<Source> sources = new SourcesReader(publishers, this::date, problems).sources(f);
    List<String> related = new ArrayList<>();
    for (YamlNode.Scalar r : unique(f.scalarList("related"), "related id")) {
      if (r.text().equals(folder.id())) {
        problems.add(
            Problem.at(
                r.position(), "a record cannot be related to itself; remove \"" + r.text() + "\""));
      } else if (!ids.contains(r.text())) {
        String hint =
            Suggestions.closest(r.text(), ids)
                .map(s -> "did you mean \"" + s + "\"?")
                .orElse("no record folder has that name");
        problems.add(
            Problem.at(r.position(), "related id \"" + r.text() + "\" does not exist; " + hint));
      } else {
        related.add(r.text());
      }
    }
    List<Correction> corrections = corrections(f);
    List<String> aliases = aliases(f, folder.id());
    boolean draft =
        f.optionalScalar("draft")
            .map(
                s -> {
                  if (!s.text().equals("true") && !s.text().equals("false")) {
                    problems.add(
                        Problem.at(
                            s.position(), "draft must be true or false, not \"" + s.text() + "\""));
                  }
                  return s.text().equals("true");
                })
            .orElse(false);
    if (translations.isEmpty() && folder.texts().isEmpty()) {
      problems.add(
          Problem.inFile(folder.dir(), "has no language file; add ar.md or en.md (or both)"));
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Engagement(
            folder.id(),
            date.get(),
            endDate,
            type.get(),
            List.copyOf(recordCountries),
            List.copyOf(recordActors),
            List.copyOf(recordTopics),
            status.get(),
            List.copyOf(sources),
            List.copyOf(related),
            List.copyOf(corrections),
            draft,
            translations,
            aliases));
  }

  /**
   * Where each record's aliases were written, by record id and alias, for {@link Validator}; shared
   * by the readers of single records ({@link #reportingTo}), which fill it on several threads.
   */
  private final Map<String, Map<String, org.briefing.content.Position>> aliasPositions;

  /** Records in the form kept between builds, with this reader's lookups and alias positions. */
  KeptRecords kept() {
    return new KeptRecords(countries, types, topics, actors, aliasPositions);
  }

  /** Where {@code alias} was written in record {@code id}, if this reader read it. */
  Optional<org.briefing.content.Position> aliasPosition(String id, String alias) {
    return Optional.ofNullable(aliasPositions.getOrDefault(id, Map.of()).get(alias));
  }

  /** Former ids: written like ids, none the record's own (collisions are the Validator's). */
  private List<String> aliases(Fields f, String id) {
    List<String> out = new ArrayList<>();
    for (YamlNode.Scalar a : unique(f.scalarList("aliases"), "alias")) {
      String alias = a.text().strip();
      if (alias.length() > MAX_ID_LENGTH || !SharedFilesReader.KEY.matcher(alias).matches()) {
        problems.add(
            Problem.at(
                a.position(),
                "alias \""
                    + alias
                    + "\" cannot be a former id;"
                    + " write the old folder name exactly: lowercase ASCII letters, digits and single"
                    + " hyphens, at most "
                    + MAX_ID_LENGTH
                    + " characters"));
      } else if (alias.equals(id)) {
        problems.add(
            Problem.at(
                a.position(),
                "alias \"" + alias + "\" is this record's own id;" + " list only former ids"));
      } else {
        out.add(alias);
        aliasPositions.computeIfAbsent(id, k -> new java.util.HashMap<>()).put(alias, a.position());
      }
    }
    return List.copyOf(out);
  }

  private void checkId(RecordFolder folder) {
    String id = folder.id();
    if (id.length() > MAX_ID_LENGTH || !SharedFilesReader.KEY.matcher(id).matches()) {
      problems.add(
          Problem.inFile(
              folder.dir(),
              "folder name \""
                  + id
                  + "\" cannot be a record id;"
                  + " use lowercase ASCII letters, digits and single hyphens, at most "
                  + MAX_ID_LENGTH
                  + " characters, starting with the date (2025-01-20-qatar-syria-...)"));
    }
  }

  private Optional<PartialDate> date(YamlNode.Scalar s) {
    try {
      return Optional.of(PartialDate.parse(s.text().strip()));
    } catch (IllegalArgumentException e) {
      problems.add(Problem.at(s.position(), e.getMessage()));
      return Optional.empty();
    }
  }

  private <T> Optional<T> known(YamlNode.Scalar s, Map<String, T> known, String what, String file) {
    T found = known.get(s.text());
    if (found == null) {
      String hint =
          Suggestions.closest(s.text(), known.keySet())
              .map(k -> "did you mean \"" + k + "\"?")
              .orElse(
                  "known: " + String.join(", ", known.keySet()) + "; add it to " + file + " first");
      problems.add(Problem.at(s.position(), "unknown " + what + " \"" + s.text() + "\"; " + hint));
    }
    return Optional.ofNullable(found);
  }

  private List<Country> countries(Fields f) {
    List<YamlNode.Scalar> codes = unique(f.scalarList("countries"), "country");
    if (codes.isEmpty() && f.list("countries").isEmpty()) {
      problems.add(
          Problem.at(
              f.positionOf("countries"),
              "a record needs at least one country;"
                  + " write countries: [QA, SY] with codes from countries.yaml"));
    }
    List<Country> out = new ArrayList<>();
    for (YamlNode.Scalar code : codes) {
      Country country = countries.get(code.text());
      if (country == null) {
        String shown = countries.keySet().stream().limit(12).collect(Collectors.joining(", "));
        String hint =
            code.text().length() == 2
                    && countries.containsKey(code.text().toUpperCase(java.util.Locale.ROOT))
                ? "write it in capitals: " + code.text().toUpperCase(java.util.Locale.ROOT)
                : "known: "
                    + shown
                    + (countries.size() > 12 ? ", ..." : "")
                    + "; add it to countries.yaml first";
        problems.add(
            Problem.at(
                code.position(), "unknown country code \"" + code.text() + "\" (" + hint + ")"));
      } else {
        out.add(country);
      }
    }
    out.sort(Comparator.comparing(Country::code));
    return out;
  }

  private List<YamlNode.Scalar> unique(List<YamlNode.Scalar> items, String what) {
    Set<String> seen = new LinkedHashSet<>();
    List<YamlNode.Scalar> out = new ArrayList<>();
    for (YamlNode.Scalar item : items) {
      if (seen.add(item.text())) {
        out.add(item);
      } else {
        problems.add(
            Problem.at(
                item.position(),
                what + " \"" + item.text() + "\" is listed twice;" + " remove one"));
      }
    }
    return out;
  }

  private List<Correction> corrections(Fields f) {
    List<Correction> out = new ArrayList<>();
    List<YamlNode> items = f.list("corrections");
    for (int i = 0; i < items.size(); i++) {
      String where = "corrections[" + (i + 1) + "]";
      Fields.open(items.get(i), where, Set.of("date", "en", "ar"), problems)
          .ifPresent(
              c -> {
                Optional<PartialDate> date =
                    c.requiredScalar("date", "write when it was corrected").flatMap(this::date);
                Optional<String> en =
                    c.requiredScalar("en", "say what was corrected, in English")
                        .flatMap(t -> Texts.clean(t, "the correction", problems));
                Optional<String> ar =
                    c.requiredScalar("ar", "say what was corrected, in Arabic")
                        .flatMap(t -> Texts.clean(t, "the correction", problems));
                if (date.isPresent() && en.isPresent() && ar.isPresent()) {
                  out.add(new Correction(date.get(), new Localized(en.get(), ar.get())));
                }
              });
    }
    out.sort(Comparator.comparing(Correction::date).reversed());
    return out;
  }
}
