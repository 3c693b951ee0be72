package org.briefing.outputs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.briefing.archive.Archive;
import org.briefing.files.EarlierFiles;
import org.briefing.files.PlannedFile;
import org.briefing.files.RecordTerms;
import org.briefing.graphics.GraphicViews.Link;
import org.briefing.markdown.PlainText;
import org.briefing.model.Actor;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Translation;
import org.briefing.outputs.TermShards.Postings;
import org.briefing.render.PageViews.Card;
import org.briefing.render.RenderCache;
import org.briefing.render.Routes;

/**
 * What the search page of one language searches, written by the build in pieces so that a query
 * loads only what it needs, however large the archive:
 *
 * <ul>
 *   <li>{@code {lang}/search/index.js}: how many records and shards there are, and the common words
 *       placed away from their hash's shard ({@link TermPlaces});
 *   <li>{@code {lang}/search/terms/{k}.js}: shard {@code k} of the inverted index, the terms whose
 *       {@link String#hashCode} is {@code k} modulo the number of shards (or that {@link
 *       TermPlaces} placed there), each with its records (their number on the timeline, oldest
 *       first) and weights, written compactly ({@link PostingsCode});
 *   <li>{@code {lang}/search/records/{k}.js}: the result data (title, date, countries, summary,
 *       link) of records {@code k * }{@value #RECORDS_PER_SHARD} onwards.
 * </ul>
 *
 * <p>Records are numbered oldest first, so that a new record, which is most often the newest, takes
 * the next number and leaves every other record's: it changes the last record shard and the term
 * shards of its own words, and a build that reuses the last one leaves the rest as they were.
 *
 * <p>Terms are the words of a record as {@link SearchAnalysis} reads them, so the browser, reading
 * the query with the same table, finds them; a word of the title or summary weighs {@value
 * #TITLE_WEIGHT}, any other word 1. The timeline's filters are terms too ({@code country:sy},
 * {@code type:visit}, {@code year:2025}, {@code status:confirmed}), so they combine with words in
 * one lookup. Shards are scripts that call a function of {@code assets/search.js}, not JSON,
 * because a page opened from disk may load scripts but not fetch files.
 */
public final class SearchIndex {

  /** Records per result-data shard: a first page of results loads a few small files. */
  public static final int RECORDS_PER_SHARD = 8;

  /**
   * One term shard for at most this many records. The count follows the number of records, not the
   * index's size, so editing a record never changes which files the site has: the preview and a
   * reusing build rewrite the shards in place. It is a power of two, so that adding records changes
   * it (and moves every term to another shard) only when the archive doubles. A record of about 400
   * words brings about 1 KB of index, so a shard holds 6 to 12 KB (1,000 generated records: 128
   * shards; 10,000: 1,024).
   */
  static final int RECORDS_PER_TERM_SHARD = 12;

  public static final int TITLE_WEIGHT = 3;

  private static final JsonFactory JSON = new JsonFactory();

  private final Archive archive;
  private final RenderCache cache;
  private final PlainText plainText = new PlainText();
  private final SearchAnalysis analysis = SearchAnalysis.rules();

  /**
   * @param cache where the terms of records that did not change since the last build or preview
   *     update are kept
   */
  public SearchIndex(Archive archive, RenderCache cache) {
    this.archive = archive;
    this.cache = cache;
  }

  /** The browser's copy of the analysis table. */
  public PlannedFile analysisScript() {
    return new PlannedFile(SearchAnalysis.SCRIPT, out -> out.write(analysis.script()));
  }

  /**
   * Every search file of {@code lang}, each record as {@code cards} shows it in its lists. {@code
   * written} says which of them will be written, asked only once writing has begun: the index then
   * gathers the terms of those term shards only.
   */
  public List<PlannedFile> plan(
      Lang lang, Function<Engagement, Card> cards, Predicate<String> written) {
    List<Engagement> all = archive.engagements();
    int shards = termShards(all.size());
    // Indexing reads every record's words: done once per language, by the render thread that
    // writes the language's first term shard, in parallel with the other files. The manifest and
    // the term shards come after the pages (SiteRenderer), which read the bodies and keep the
    // words.
    List<Engagement> byNumber = oldestFirst(all);
    Supplier<TermPlaces> places = once(() -> places(lang, byNumber, shards));
    Supplier<List<Map<String, Postings>>> byShard =
        once(
            () -> {
              boolean[] wanted = new boolean[shards];
              for (int k = 0; k < shards; k++) {
                wanted[k] = written.test(Routes.searchShard(lang, "terms", k));
              }
              return index(byNumber, lang, places.get(), wanted, 0);
            });
    // Records only added after all the others: their postings follow those of the shards the last
    // build wrote, so only the new records' words are read (see TermShards).
    EarlierFiles earlier = cache.earlier();
    int firstNew = firstAdded(byNumber, earlier.added()).orElse(0);
    Supplier<List<Map<String, Postings>>> added =
        once(
            () -> {
              boolean[] every = new boolean[shards];
              Arrays.fill(every, true);
              return index(byNumber, lang, places.get(), every, firstNew);
            });
    List<PlannedFile> files = new ArrayList<>();
    int recordShards = (all.size() + RECORDS_PER_SHARD - 1) / RECORDS_PER_SHARD;
    files.add(
        new PlannedFile(
            Routes.searchIndex(lang),
            out -> out.write(utf8(manifest(lang, all.size(), shards, places.get())))));
    for (int k = 0; k < shards; k++) {
      int key = k;
      String path = Routes.searchShard(lang, "terms", k);
      files.add(
          new PlannedFile(
              path,
              out -> {
                Optional<byte[]> patched =
                    firstNew == 0
                        ? Optional.empty()
                        : earlier
                            .bytes(path)
                            .flatMap(bytes -> TermShards.patched(key, bytes, added.get().get(key)));
                out.write(
                    patched.orElseGet(() -> utf8(TermShards.text(key, byShard.get().get(key)))));
              }));
    }
    for (int k = 0; k < recordShards; k++) {
      int from = k * RECORDS_PER_SHARD;
      List<Engagement> slice =
          byNumber.subList(from, Math.min(all.size(), from + RECORDS_PER_SHARD));
      int key = k;
      files.add(
          new PlannedFile(
              Routes.searchShard(lang, "records", k),
              out -> out.write(utf8(recordShard(key, slice, cards)))));
    }
    return files;
  }

  /**
   * {@code window.briefingSearchIndex = {...};}: what the browser needs to know before it loads a
   * shard.
   */
  private static String manifest(Lang lang, int records, int shards, TermPlaces places) {
    StringWriter json = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(json)) {
      out.writeStartObject();
      out.writeStringField("lang", lang.code());
      out.writeNumberField("records", records);
      out.writeNumberField("termShards", shards);
      out.writeNumberField("recordsPerShard", RECORDS_PER_SHARD);
      out.writeObjectFieldStart("placed");
      for (Map.Entry<String, Integer> moved : places.moved().entrySet()) {
        out.writeNumberField(moved.getKey(), moved.getValue());
      }
      out.writeEndObject();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "/* The search index of the "
        + lang.code()
        + " pages; written by the build, read by assets/search.js. */\n"
        + "window.briefingSearchIndex = "
        + TermShards.scriptSafe(json.toString())
        + ";\n";
  }

  /**
   * Where the terms of {@code lang} go in an index of {@code shards} shards over {@code byNumber}:
   * made from the words of the records that say which words are common, and kept while those
   * records stay the same objects (the preview's edits to newer records).
   */
  private TermPlaces places(Lang lang, List<Engagement> byNumber, int shards) {
    List<Engagement> basis = byNumber.subList(0, TermPlaces.basis(byNumber.size(), shards));
    return cache.madeFrom(
        "term-places-" + lang.code() + "-" + shards,
        basis,
        () ->
            TermPlaces.of(basis, shards, e -> cache.terms(lang, e, () -> terms(e, lang)).words()));
  }

  /**
   * The search files of {@code lang} that change when the records {@code added}, and no others,
   * join the archive: the manifest, the record shards from the first added record's on, and the
   * term shards of the added records' words, provided every record already there keeps its number
   * and its shard. Empty when an added record is older than one already there (the records after it
   * move up a number) or when the archive's growth changes the number of term shards (every term
   * moves): then every search file changes. Ids of {@code added} not in the archive (drafts left
   * out) are not counted.
   */
  public Optional<Set<String>> touchedByAdding(Lang lang, Set<String> added) {
    List<Engagement> byNumber = oldestFirst(archive.engagements());
    int all = byNumber.size();
    OptionalInt first = firstAdded(byNumber, added);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    int before = first.getAsInt();
    List<Engagement> newcomers = byNumber.subList(before, all);
    Set<String> files = new HashSet<>();
    files.add(Routes.searchIndex(lang));
    for (int k = before / RECORDS_PER_SHARD; k * RECORDS_PER_SHARD < all; k++) {
      files.add(Routes.searchShard(lang, "records", k));
    }
    // The records that say which words are common are older than the newcomers: the words keep
    // their shards.
    TermPlaces places = places(lang, byNumber, termShards(all));
    for (Engagement e : newcomers) {
      for (String word : cache.terms(lang, e, () -> terms(e, lang)).words()) {
        files.add(Routes.searchShard(lang, "terms", places.shardOf(word)));
      }
    }
    return Optional.of(files);
  }

  /**
   * The search files of {@code lang} that change when the records {@code edited} change and no
   * record is added, removed or moved in time ({@code before} numbers the records as this index's
   * archive does, so it has as many term shards and each record keeps its shard): the manifest, the
   * edited records' result-data shards, and the term shards of every word they had before or have
   * now. Every other shard comes out as it was. Empty when the numbering differs, or when the edit
   * makes a word common or no longer common ({@link TermPlaces}: words change shards).
   */
  public Optional<Set<String>> touchedByEditing(Lang lang, Archive before, Set<String> edited) {
    List<Engagement> byNumber = oldestFirst(archive.engagements());
    List<Engagement> wasByNumber = oldestFirst(before.engagements());
    if (byNumber.size() != wasByNumber.size()) {
      return Optional.empty();
    }
    int shards = termShards(byNumber.size());
    for (int k = 0; k < byNumber.size(); k++) {
      if (!byNumber.get(k).id().equals(wasByNumber.get(k).id())) {
        return Optional.empty();
      }
    }
    TermPlaces places = places(lang, wasByNumber, shards);
    if (!places.equals(places(lang, byNumber, shards))) {
      return Optional.empty();
    }
    Set<String> files = new HashSet<>();
    files.add(Routes.searchIndex(lang));
    for (int k = 0; k < byNumber.size(); k++) {
      Engagement now = byNumber.get(k);
      Engagement was = wasByNumber.get(k);
      if (edited.contains(now.id())) {
        files.add(Routes.searchShard(lang, "records", k / RECORDS_PER_SHARD));
        for (Engagement version : List.of(was, now)) {
          for (String word : cache.terms(lang, version, () -> terms(version, lang)).words()) {
            files.add(Routes.searchShard(lang, "terms", places.shardOf(word)));
          }
        }
      }
    }
    return Optional.of(files);
  }

  /**
   * The number of the first of the records {@code added}, when they are the last records of {@code
   * byNumber} and the index keeps its number of term shards: every other record keeps its number
   * and its shard. Empty otherwise, and when nothing was added.
   */
  private static OptionalInt firstAdded(List<Engagement> byNumber, Set<String> added) {
    int all = byNumber.size();
    int before = all - (int) byNumber.stream().filter(e -> added.contains(e.id())).count();
    if (before == all
        || !byNumber.subList(before, all).stream().allMatch(e -> added.contains(e.id()))
        || termShards(before) != termShards(all)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(before);
  }

  /** How many term shards an index of {@code records} records has: see above. */
  static int termShards(int records) {
    int needed = Math.max(1, (records + RECORDS_PER_TERM_SHARD - 1) / RECORDS_PER_TERM_SHARD);
    return needed == 1 ? 1 : Integer.highestOneBit(needed - 1) << 1;
  }

  /** The records by number: the timeline's order reversed. */
  private static List<Engagement> oldestFirst(List<Engagement> newestFirst) {
    List<Engagement> out = new ArrayList<>(newestFirst);
    Collections.reverse(out);
    return out;
  }

  /**
   * The term shard {@code term}'s hash names: its hash code, unsigned, modulo the shard count. A
   * common word may be placed elsewhere ({@link TermPlaces}).
   */
  public static int shardOf(String term, int shards) {
    return Integer.remainderUnsigned(term.hashCode(), shards);
  }

  /**
   * The term shards of {@code lang}: each term of the records numbered {@code from} on with their
   * numbers, by shard; only the {@code wanted} shards are filled (a build that adds one record
   * writes a few hundred of 2,048).
   */
  private List<Map<String, Postings>> index(
      List<Engagement> byNumber, Lang lang, TermPlaces places, boolean[] wanted, int from) {
    int shards = wanted.length;
    Map<String, Postings> postings = new HashMap<>();
    for (int n = from; n < byNumber.size(); n++) {
      Engagement e = byNumber.get(n);
      RecordTerms.Terms terms = cache.terms(lang, e, () -> terms(e, lang));
      for (int i = 0; i < terms.words().length; i++) {
        if (wanted[places.shardOf(terms.words()[i])]) {
          postings
              .computeIfAbsent(terms.words()[i], t -> new Postings())
              .add(n, terms.weights()[i]);
        }
      }
    }
    List<Map<String, Postings>> byShard = new ArrayList<>();
    for (int k = 0; k < shards; k++) {
      byShard.add(new TreeMap<>());
    }
    postings.forEach((term, list) -> byShard.get(places.shardOf(term)).put(term, list));
    return byShard;
  }

  /** {@code make}'s value, made the first time it is asked for, by whichever thread asks first. */
  private static <T> Supplier<T> once(Supplier<T> make) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = make.get();
        }
        return value;
      }
    };
  }

  /** The terms of the record {@code e} in {@code lang}, with their weights. */
  private RecordTerms.Terms terms(Engagement e, Lang lang) {
    return terms(e, lang, plainText.of(e.textFor(lang).body().text()));
  }

  /**
   * The terms of the record {@code e} in {@code lang}, whose body reads {@code bodyText} as {@link
   * PlainText} reads it: for a page that has parsed the body already.
   */
  public static RecordTerms.Terms terms(Engagement e, Lang lang, String bodyText) {
    SearchAnalysis analysis = SearchAnalysis.rules();
    Translation text = e.textFor(lang);
    Map<String, Integer> weights = new HashMap<>();
    for (String term : analysis.terms(text.title() + " " + text.summary())) {
      weights.merge(term, TITLE_WEIGHT, Integer::sum);
    }
    // The body is read on its own, not copied into the text of the names that follow it: a space
    // would part the two anyway, so the words are the same.
    for (String term : analysis.terms(bodyText)) {
      weights.merge(term, 1, Integer::sum);
    }
    StringBuilder rest = new StringBuilder(e.type().label().get(lang));
    for (Country c : e.countries()) {
      rest.append(' ').append(c.name().get(lang));
    }
    for (Actor a : e.actors()) { // found by a name written in either language
      rest.append(' ').append(a.name().get(lang)).append(' ').append(a.name().get(lang.other()));
    }
    for (String term : analysis.terms(rest.toString())) {
      weights.merge(term, 1, Integer::sum);
    }
    for (Country c : e.countries()) {
      weights.put("country:" + c.slug(), 0);
    }
    weights.put("type:" + e.type().key(), 0);
    weights.put("year:" + e.date().year(), 0);
    weights.put("status:" + e.status().key(), 0);
    String[] words = new String[weights.size()];
    int[] values = new int[weights.size()];
    int i = 0;
    for (Map.Entry<String, Integer> w : weights.entrySet()) {
      words[i] = w.getKey();
      values[i++] = w.getValue();
    }
    return new RecordTerms.Terms(words, values);
  }

  /** {@code briefingSearchShard("records", k, [{...}, ...])}, one record a line. */
  private static String recordShard(
      int k, List<Engagement> slice, Function<Engagement, Card> cards) {
    StringBuilder s = new StringBuilder("briefingSearchShard(\"records\"," + k + ",[");
    for (int i = 0; i < slice.size(); i++) {
      s.append(i == 0 ? "\n" : ",\n")
          .append(TermShards.scriptSafe(record(slice.get(i), cards.apply(slice.get(i)))));
    }
    return s.append("\n]);\n").toString();
  }

  private static String record(Engagement e, Card card) {
    StringWriter json = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(json)) {
      out.writeStartObject();
      out.writeStringField("id", e.id());
      out.writeStringField("url", card.url());
      out.writeStringField("title", card.title());
      out.writeStringField("date", card.date());
      out.writeStringField("iso", card.iso());
      out.writeArrayFieldStart("countries");
      for (Link c : card.countries()) {
        out.writeString(c.text());
      }
      out.writeEndArray();
      out.writeStringField("type", card.type().text());
      out.writeStringField("summary", card.summary());
      out.writeStringField("lang", card.textLang());
      out.writeStringField("dir", card.textDir());
      out.writeBooleanField("pending", card.pending());
      out.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return json.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
