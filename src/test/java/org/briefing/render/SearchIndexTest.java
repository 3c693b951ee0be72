package org.briefing.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.briefing.TestFiles;
import org.briefing.archive.Archive;
import org.briefing.bench.CorpusGenerator;
import org.briefing.build.SiteBuilder;
import org.briefing.files.PlannedFile;
import org.briefing.i18n.DateFormatter;
import org.briefing.markdown.PlainText;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Status;
import org.briefing.model.Term;
import org.briefing.model.Translation;
import org.briefing.outputs.SearchAnalysis;
import org.briefing.outputs.SearchIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index the build writes for each language, in shards ({@link SearchIndex}): the result
 * data of every record, numbered oldest first, and the inverted index whose terms are read by
 * {@link SearchAnalysis} (the browser reads queries by the same table: SearchAnalysisTest).
 */
class SearchIndexTest {

  private static final String PENDING_ID = "2025-01-30-qatar-emir-visits-damascus";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The manifest of a language's index: {@code window.briefingSearchIndex = {...};}. */
  static JsonNode manifest(RenderedSite site, Lang lang) throws IOException {
    String script = site.text(Routes.searchIndex(lang));
    String prefix = "window.briefingSearchIndex = ";
    int start = script.indexOf(prefix);
    assertTrue(start >= 0 && script.endsWith(";\n"), script);
    JsonNode m = JSON.readTree(script.substring(start + prefix.length(), script.length() - 2));
    assertEquals(lang.code(), m.path("lang").asText());
    return m;
  }

  /** The data of a shard script, {@code briefingSearchShard("kind",k,DATA);}. */
  static JsonNode shard(RenderedSite site, Lang lang, String kind, int k) throws IOException {
    String script = site.text(Routes.searchShard(lang, kind, k));
    String prefix = "briefingSearchShard(\"" + kind + "\"," + k + ",";
    assertTrue(script.startsWith(prefix) && script.endsWith(");\n"), script.substring(0, 60));
    return JSON.readTree(script.substring(prefix.length(), script.length() - 3));
  }

  /** Every record's result data, in record-number order. */
  static List<JsonNode> records(RenderedSite site, Lang lang) throws IOException {
    JsonNode m = manifest(site, lang);
    int per = m.path("recordsPerShard").asInt();
    List<JsonNode> out = new ArrayList<>();
    for (int k = 0; k * per < m.path("records").asInt(); k++) {
      shard(site, lang, "records", k).forEach(out::add);
    }
    return out;
  }

  /**
   * The term shard that holds {@code term}: where the manifest says a common word was placed, else
   * its hash's.
   */
  static int shardOf(RenderedSite site, Lang lang, String term) throws IOException {
    JsonNode m = manifest(site, lang);
    JsonNode placed = m.path("placed");
    assertTrue(placed.isObject(), "the manifest lists the words placed away from their hash");
    return placed.has(term)
        ? placed.path(term).asInt()
        : SearchIndex.shardOf(term, m.path("termShards").asInt());
  }

  /** The records (numbers) and weights of a term, read from the shard that holds it. */
  static Map<Integer, Integer> postings(RenderedSite site, Lang lang, String term)
      throws IOException {
    String code = shard(site, lang, "terms", shardOf(site, lang, term)).path(term).asText();
    // Read as PostingsCode documents it: base-32 numbers, a digit before the last one from the
    // upper set; each posting is the gap doubled, plus 1 when its own weight follows.
    String last = "0123456789abcdefghijklmnopqrstuv";
    String more = "ABCDEFGHIJKLMNOPQRSTUVWXYZ+-./:;";
    List<Integer> numbers = new ArrayList<>();
    int value = 0;
    for (char c : code.toCharArray()) {
      int d = last.indexOf(c);
      if (d >= 0) {
        numbers.add(value * 32 + d);
        value = 0;
      } else {
        assertTrue(more.indexOf(c) >= 0, term + ": no such digit " + c);
        value = value * 32 + more.indexOf(c);
      }
    }
    Map<Integer, Integer> out = new TreeMap<>();
    int n = 0;
    for (int i = 0; i < numbers.size(); i++) {
      n += numbers.get(i) / 2;
      out.put(n, numbers.get(i) % 2 == 1 ? numbers.get(++i) : term.contains(":") ? 0 : 1);
    }
    return out;
  }

  @Test
  void eachLanguagesResultDataHoldsEveryRecordWithTheFieldsItsListsShow() throws IOException {
    RenderedSite site = RenderedSite.seed();
    boolean indic = site.site().config().arabicIndicDigits();
    List<Engagement> byNumber = oldestFirst(new Archive(site.site()).engagements());
    for (Lang lang : Lang.values()) {
      List<JsonNode> records = records(site, lang);
      assertEquals(byNumber.size(), records.size(), lang + ": one entry per record");
      assertEquals(byNumber.size(), manifest(site, lang).path("records").asInt());
      DateFormatter dates = new DateFormatter(lang, indic);
      for (int i = 0; i < byNumber.size(); i++) {
        Engagement e = byNumber.get(i);
        JsonNode r = records.get(i);
        String where = lang + " " + e.id() + ": ";
        Translation text = e.translation(lang).orElseThrow();
        assertEquals(e.id(), r.path("id").asText(), where + "records are numbered oldest first");
        assertEquals(Routes.engagement(lang, e.id()), r.path("url").asText(), where + "url");
        assertEquals(text.title(), r.path("title").asText(), where + "title");
        assertEquals(text.summary(), r.path("summary").asText(), where + "summary");
        assertEquals(
            dates.formatRange(e.date(), e.endDate()), r.path("date").asText(), where + "date");
        assertEquals(e.date().toString(), r.path("iso").asText(), where + "iso date");
        // as the cards list them: in the order of the language's names
        assertEquals(
            e.countries().stream()
                .map(c -> c.name().get(lang))
                .sorted(org.briefing.i18n.Collation.of(lang).names())
                .toList(),
            strings(r.path("countries")),
            where + "countries");
        assertEquals(e.type().label().get(lang), r.path("type").asText(), where + "type");
        assertEquals(lang.code(), r.path("lang").asText(), where + "text language");
        assertEquals(lang.dir(), r.path("dir").asText(), where + "text direction");
        assertFalse(r.path("pending").asBoolean(true), where + "not pending");
      }
    }
  }

  @Test
  void everyWordOfARecordFindsItAndTitleWordsWeighMore() throws IOException {
    RenderedSite site = RenderedSite.seed();
    List<Engagement> byNumber = oldestFirst(new Archive(site.site()).engagements());
    SearchAnalysis analysis = SearchAnalysis.rules();
    for (Lang lang : Lang.values()) {
      for (int n = 0; n < byNumber.size(); n++) {
        Translation text = byNumber.get(n).translation(lang).orElseThrow();
        for (String term : analysis.terms(text.title())) {
          Integer weight = postings(site, lang, term).get(n);
          assertTrue(
              weight != null && weight >= SearchIndex.TITLE_WEIGHT,
              lang + " " + byNumber.get(n).id() + ": title term " + term + " weighs " + weight);
        }
        for (String term : analysis.terms(new PlainText().of(text.body().text()))) {
          assertTrue(
              postings(site, lang, term).containsKey(n),
              lang + " " + byNumber.get(n).id() + ": body term " + term);
        }
      }
    }
  }

  /**
   * A build's record pages read each body once and hand the index its words; a render in memory
   * leaves the index to read the bodies itself. Readers must get the same index either way, pending
   * translations (indexed in the language they are written in) included.
   */
  @Test
  void aBuildWhosePagesReadTheBodiesWritesTheIndexTheIndexWouldHaveMadeAlone(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("site");
    SiteBuilder.Outcome built = // as `build` runs it: keeping terms for the next build
        new SiteBuilder()
            .buildReusing(
                new SiteBuilder.Options(
                    RenderedSite.SEED_CONTENT,
                    RenderedSite.TEMPLATES,
                    out,
                    java.util.Optional.empty(),
                    false,
                    false));
    assertTrue(built.ok(), built.problems().toString());
    RenderedSite alone = RenderedSite.seed();
    int compared = 0;
    for (Lang lang : Lang.values()) {
      int shards = manifest(alone, lang).path("termShards").asInt();
      for (int k = 0; k < shards; k++) {
        String path = Routes.searchShard(lang, "terms", k);
        assertEquals(alone.text(path), Files.readString(out.resolve(path)), path);
        compared++;
      }
    }
    assertTrue(compared >= 2, "both languages' term shards compared");
  }

  @Test
  void theFiltersAreTermsOfTheIndexWithExactlyTheRecordsTheModelSays() throws IOException {
    RenderedSite site = RenderedSite.seed();
    Archive archive = new Archive(site.site());
    List<Engagement> all = oldestFirst(archive.engagements());
    for (Lang lang : Lang.values()) {
      for (Country c : archive.activeCountries()) {
        assertEquals(
            numbers(all, archive.engagementsOf(c)),
            postings(site, lang, "country:" + c.slug()).keySet(),
            lang + " country " + c.code());
      }
      for (Map.Entry<Term, List<Engagement>> t : archive.byType().entrySet()) {
        assertEquals(
            numbers(all, t.getValue()), postings(site, lang, "type:" + t.getKey().key()).keySet());
      }
      for (Archive.YearGroup y : archive.timeline()) {
        List<Engagement> inYear = all.stream().filter(e -> e.date().year() == y.year()).toList();
        assertEquals(numbers(all, inYear), postings(site, lang, "year:" + y.year()).keySet());
      }
      for (Status s : Status.values()) {
        List<Engagement> with = all.stream().filter(e -> e.status() == s).toList();
        assertEquals(numbers(all, with), postings(site, lang, "status:" + s.key()).keySet());
      }
    }
  }

  @Test
  void aRecordWhoseTranslationIsPendingIsIndexedInTheLanguageItIsWrittenIn(@TempDir Path dir)
      throws IOException {
    Path content = RenderedSite.copyOfSeedContent(dir);
    Files.delete(content.resolve("engagements").resolve(PENDING_ID).resolve("en.md"));
    RenderedSite site = RenderedSite.of(content);
    Engagement e =
        site.site().engagements().stream()
            .filter(x -> x.id().equals(PENDING_ID))
            .findFirst()
            .orElseThrow();
    Translation arabic = e.translation(Lang.AR).orElseThrow();

    JsonNode r = find(records(site, Lang.EN), PENDING_ID);
    assertTrue(r.path("pending").asBoolean(false), "marked pending on the English search");
    assertEquals("ar", r.path("lang").asText());
    assertEquals("rtl", r.path("dir").asText());
    assertEquals(
        Routes.engagement(Lang.AR, PENDING_ID),
        r.path("url").asText(),
        "links to the Arabic page, the one that exists");
    assertEquals(arabic.title(), r.path("title").asText());
    assertEquals(arabic.summary(), r.path("summary").asText());
    assertEquals(
        List.of("Qatar", "Syria"),
        strings(r.path("countries")),
        "names and labels stay in the page's language");
    assertEquals("Visit", r.path("type").asText());
    int n = oldestFirst(new Archive(site.site()).engagements()).indexOf(e);
    for (String term : SearchAnalysis.rules().terms(arabic.title())) {
      assertTrue(
          postings(site, Lang.EN, term).containsKey(n), "the English index has its Arabic words");
    }

    JsonNode same = find(records(site, Lang.AR), PENDING_ID);
    assertFalse(same.path("pending").asBoolean(true), "written in Arabic, so not pending there");
  }

  @Test
  void aNewestRecordTakesTheNextNumberAndLeavesEveryOtherRecordsPostings(@TempDir Path dir)
      throws IOException {
    Path content = RenderedSite.copyOfSeedContent(dir);
    RenderedSite before = RenderedSite.of(content);
    addRecord(content, "2026-qatar-somalia-security-follow-up-meeting", "2026-11-28");
    RenderedSite after = RenderedSite.of(content);
    List<Engagement> byNumber = oldestFirst(new Archive(after.site()).engagements());
    int number = byNumber.size() - 1;
    assertEquals(
        "2026-qatar-somalia-security-follow-up-meeting",
        byNumber.get(number).id(),
        "the added record is the newest, so it takes the last number");
    for (Lang lang : Lang.values()) {
      int per = manifest(before, lang).path("recordsPerShard").asInt();
      int full = number / per; // the shards the old records filled
      assertTrue(full >= 1, "at least one full shard to compare");
      for (int k = 0; k < full; k++) {
        assertEquals(
            before.text(Routes.searchShard(lang, "records", k)),
            after.text(Routes.searchShard(lang, "records", k)),
            lang + ": record shard " + k + " is untouched");
      }
      int shards = manifest(before, lang).path("termShards").asInt();
      assertEquals(shards, manifest(after, lang).path("termShards").asInt());
      int kept = 0;
      int grown = 0;
      for (int k = 0; k < shards; k++) {
        JsonNode was = shard(before, lang, "terms", k);
        JsonNode is = shard(after, lang, "terms", k);
        for (Iterator<String> terms = was.fieldNames(); terms.hasNext(); ) {
          String term = terms.next();
          String old = was.path(term).asText();
          String now = is.path(term).asText();
          if (postings(after, lang, term).containsKey(number)) {
            assertTrue(now.startsWith(old) && now.length() > old.length(), lang + " " + term);
            grown++;
          } else {
            assertEquals(old, now, lang + ": " + term + " is not in the new record");
            kept++;
          }
        }
      }
      assertTrue(grown >= 10 && kept >= 100, lang + ": " + grown + " grown, " + kept + " kept");
    }
  }

  @Test
  void addingTheNewestRecordsTouchesExactlyTheSearchFilesThatChange(@TempDir Path dir)
      throws IOException {
    Path content = RenderedSite.copyOfSeedContent(dir);
    RenderedSite before = RenderedSite.of(content);
    Set<String> added = addTwoNewest(content);
    RenderedSite after = RenderedSite.of(content);

    Set<String> differ = searchFilesThatDiffer(before, after);
    Set<String> touched = new TreeSet<>();
    SearchIndex index = new SearchIndex(new Archive(after.site()), new RenderCache());
    for (Lang lang : Lang.values()) {
      touched.addAll(index.touchedByAdding(lang, added).orElseThrow());
    }
    assertEquals(differ, touched, "the files said to change are those that do");
    for (Lang lang : Lang.values()) {
      assertTrue(touched.contains(Routes.searchIndex(lang)), "the record count changed");
      assertTrue(touched.contains(Routes.searchShard(lang, "records", 1)), "the last shard grew");
      assertFalse(touched.contains(Routes.searchShard(lang, "records", 0)), "a full shard");
    }

    assertTrue(
        index.touchedByAdding(Lang.AR, Set.of("2026-qatar-somalia-follow-up-call")).isEmpty(),
        "a record counted as there before, yet newer than one added, had another number");

    addRecord(content, "2019-qatar-somalia-earlier-call", "2019-02-03");
    Set<String> withAnOlder = Set.of("2019-qatar-somalia-earlier-call");
    SearchIndex renumbered =
        new SearchIndex(new Archive(RenderedSite.of(content).site()), new RenderCache());
    assertTrue(
        renumbered.touchedByAdding(Lang.EN, withAnOlder).isEmpty(),
        "an older record moves every newer one up a number: every file changes");
  }

  /**
   * Each term is in the shard the manifest and the hash say, the common words placed away from
   * their hash's shard included, and holds exactly the records whose words have it: on a generated
   * archive, where some hundred words are found in nearly every record.
   */
  @Test
  void everyTermIsInTheShardTheBrowserLooksInCommonWordsPlacedElsewhereIncluded(@TempDir Path dir)
      throws IOException {
    Path content = dir.resolve("corpus");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(150), content);
    RenderedSite site = RenderedSite.of(content);
    List<Engagement> byNumber = oldestFirst(new Archive(site.site()).engagements());
    for (Lang lang : Lang.values()) {
      JsonNode placed = manifest(site, lang).path("placed");
      assertTrue(placed.size() > 0, lang + ": some common word is placed away from its hash");
      int shards = manifest(site, lang).path("termShards").asInt();
      int terms = 0;
      for (int k = 0; k < shards; k++) {
        for (Iterator<String> in = shard(site, lang, "terms", k).fieldNames(); in.hasNext(); ) {
          String term = in.next();
          assertEquals(k, shardOf(site, lang, term), lang + ": " + term);
          terms++;
        }
      }
      assertTrue(terms > 100, lang + ": " + terms + " terms");
      for (Iterator<String> common = placed.fieldNames(); common.hasNext(); ) {
        String term = common.next();
        Set<Integer> expected = new TreeSet<>();
        for (int n = 0; n < byNumber.size(); n++) {
          Engagement e = byNumber.get(n);
          String body = new PlainText().of(e.textFor(lang).body().text());
          if (List.of(SearchIndex.terms(e, lang, body).words()).contains(term)) {
            expected.add(n);
          }
        }
        assertTrue(expected.size() >= byNumber.size() / 4, lang + ": " + term + " is common");
        assertEquals(expected, postings(site, lang, term).keySet(), lang + ": " + term);
      }
    }
  }

  /**
   * An edit that leaves every record its number rewrites the manifest, the edited record's
   * result-data shard and the term shards of its words, old and new: every search file that changes
   * is among them, and no other record's result data. An edit that moves a record in time renumbers
   * the records after it: every file changes.
   */
  @Test
  void anEditTouchesItsResultShardAndTheShardsOfItsWords(@TempDir Path dir) throws IOException {
    Path content = RenderedSite.copyOfSeedContent(dir);
    RenderedSite before = RenderedSite.of(content);
    Archive was = new Archive(before.site());
    List<Engagement> byNumber = oldestFirst(was.engagements());
    int number = byNumber.size() - 3; // in the last result-data shard but one
    String id = byNumber.get(number).id();
    Path en = content.resolve("engagements").resolve(id).resolve("en.md");
    Files.writeString(en, Files.readString(en) + "\nA word no record has: quillwort.\n");
    RenderedSite after = RenderedSite.of(content);
    Set<String> touched = new TreeSet<>();
    SearchIndex index = new SearchIndex(new Archive(after.site()), new RenderCache());
    for (Lang lang : Lang.values()) {
      touched.addAll(index.touchedByEditing(lang, was, Set.of(id)).orElseThrow());
    }
    Set<String> differ = searchFilesThatDiffer(before, after);
    assertTrue(differ.size() >= 2, "the English result data and a term shard: " + differ);
    assertTrue(touched.containsAll(differ), touched + " holds " + differ);
    int per = SearchIndex.RECORDS_PER_SHARD;
    for (int k = 0; k * per < byNumber.size(); k++) {
      assertEquals(
          k == number / per,
          touched.contains(Routes.searchShard(Lang.EN, "records", k)),
          "result-data shard " + k + " of records " + k * per + " on");
    }

    Path facts = content.resolve("engagements").resolve(id).resolve("engagement.yaml");
    Files.writeString(
        facts, Files.readString(facts).replaceFirst("(?m)^date: .*$", "date: 2001-02-03"));
    SearchIndex moved = new SearchIndex(checked(content), new RenderCache());
    assertTrue(moved.touchedByEditing(Lang.EN, was, Set.of(id)).isEmpty(), "renumbered");
  }

  /**
   * The oldest records say which words are common, and each common word has a term shard of its
   * own; an edit to one of them may change which, and so move words in shards the record's words
   * are not in: then every search file is said to change. An edit to a newer record moves no word.
   */
  @Test
  void anEditThatChangesWhichWordsAreCommonTouchesEverySearchFile(@TempDir Path dir)
      throws IOException {
    Path content = dir.resolve("corpus");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(150), content);
    Archive before = checked(content);
    List<Engagement> byNumber = oldestFirst(before.engagements());
    String oldest = byNumber.get(0).id();
    String newest = byNumber.get(byNumber.size() - 1).id();
    Archive newerEdited = checked(edit(content, newest));
    Optional<Set<String>> newer =
        new SearchIndex(newerEdited, new RenderCache())
            .touchedByEditing(Lang.EN, before, Set.of(newest));
    assertTrue(newer.isPresent(), "the newest record does not judge: no word moves");
    Archive bothEdited = checked(edit(content, oldest));
    SearchIndex index = new SearchIndex(bothEdited, new RenderCache());
    assertTrue(
        index.touchedByEditing(Lang.EN, before, Set.of(oldest, newest)).isEmpty(),
        "the oldest record lost every common word of its text: some move");
    assertTrue(
        index.touchedByEditing(Lang.AR, before, Set.of(oldest, newest)).isPresent(),
        "the Arabic text is as it was");
  }

  /** The search files of {@code after} that {@code before} lacks or holds otherwise. */
  private static Set<String> searchFilesThatDiffer(RenderedSite before, RenderedSite after) {
    Set<String> differ = new TreeSet<>();
    after
        .files()
        .forEach(
            (path, bytes) -> {
              if (path.contains("/search/")
                  && !java.util.Arrays.equals(bytes, before.files().get(path))) {
                differ.add(path);
              }
            });
    return differ;
  }

  /**
   * Gives the record {@code id} an English text of one word of its own; returns {@code content}.
   */
  private static Path edit(Path content, String id) throws IOException {
    Files.writeString(
        content.resolve("engagements").resolve(id).resolve("en.md"),
        "---\ntitle: \"Quillwort\"\nsummary: \"Quillwort.\"\n---\nQuillwort.\n");
    return content;
  }

  /** The archive of {@code content}, checked as a build checks it. */
  private static Archive checked(Path content) {
    SiteBuilder.Options options =
        new SiteBuilder.Options(
            content,
            RenderedSite.TEMPLATES,
            Path.of("unused-output"),
            Optional.empty(),
            false,
            false);
    return new Archive(new SiteBuilder().check(options).site().orElseThrow());
  }

  @Test
  void addingRecordsThatDoubleTheTermShardsTouchesEverySearchFile(@TempDir Path dir)
      throws IOException {
    Path content = RenderedSite.copyOfSeedContent(dir);
    int shards = manifest(RenderedSite.of(content), Lang.EN).path("termShards").asInt();
    Set<String> added = new TreeSet<>();
    for (int day = 1; day <= 12; day++) {
      added.add(addRecord(content, "2026-qatar-somalia-call-" + day, "2026-12-" + (10 + day)));
    }
    RenderedSite after = RenderedSite.of(content);
    assertTrue(
        manifest(after, Lang.EN).path("termShards").asInt() > shards,
        "twelve more records need more term shards");
    SearchIndex index = new SearchIndex(new Archive(after.site()), new RenderCache());
    assertTrue(index.touchedByAdding(Lang.EN, added).isEmpty(), "every term moves to a new shard");
  }

  @Test
  void aTermShardOfTheLastBuildGetsTheNewestRecordsPostingsAddedAsAWholeIndexWouldHaveThem(
      @TempDir Path dir) throws IOException {
    Path content = RenderedSite.copyOfSeedContent(dir);
    RenderedSite before = RenderedSite.of(content);
    Set<String> added = addTwoNewest(content);
    RenderedSite after = RenderedSite.of(content);
    Archive archive = new Archive(after.site());
    Set<String> touched = new TreeSet<>();
    for (Lang lang : Lang.values()) {
      touched.addAll(
          new SearchIndex(archive, new RenderCache()).touchedByAdding(lang, added).orElseThrow());
    }
    touched.removeIf(path -> !path.contains("/search/terms/"));
    assertTrue(touched.size() >= 4, "the new records' words are in shards: " + touched);

    // The last build's shards, one of them with a term dropped: a shard made from it shows that it
    // was; a shard read from garbage is made from every record instead.
    String marked = touched.iterator().next();
    String dropped = firstTermNotIn(marked, after, added.size());
    String garbled = touched.stream().skip(1).findFirst().orElseThrow();
    Map<String, byte[]> earlier = new TreeMap<>(before.files());
    earlier.put(
        marked, utf8(before.text(marked).replaceFirst("\"" + dropped + "\":\"[^\"]*\",?", "")));
    earlier.put(garbled, utf8("briefingSearchShard(\"terms\",0,{\"x\":\"0\"});\n"));
    RenderCache cache =
        new RenderCache(
            org.briefing.files.RecordPieces.none(),
            org.briefing.files.RecordTerms.none(),
            new org.briefing.files.EarlierFiles(
                added, path -> java.util.Optional.ofNullable(earlier.get(path))));
    Map<String, String> made = new TreeMap<>();
    for (PlannedFile file :
        new org.briefing.build.SiteRenderer(RenderedSite.TEMPLATES, cache)
            .plan(archive, touched::contains)) {
      if (touched.contains(file.path())) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        file.body().writeTo(bytes);
        made.put(file.path(), bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    assertEquals(touched, made.keySet());
    for (String path : touched) {
      String whole = after.text(path);
      if (path.equals(marked)) {
        assertTrue(whole.contains("\"" + dropped + "\":"), dropped + " is in " + path);
        assertFalse(made.get(path).contains("\"" + dropped + "\":"), "made from the earlier shard");
        assertEquals(
            whole.replaceFirst("\"" + dropped + "\":\"[^\"]*\",?", ""),
            made.get(path),
            "the earlier shard with the new postings");
      } else {
        assertEquals(whole, made.get(path), path + " as the whole index makes it");
      }
    }
  }

  /** The first term of the shard at {@code path} that none of the {@code added} newest holds. */
  private static String firstTermNotIn(String path, RenderedSite after, int added)
      throws IOException {
    Lang lang = path.startsWith("ar/") ? Lang.AR : Lang.EN;
    int first = manifest(after, lang).path("records").asInt() - added;
    String text = after.text(path);
    String json = text.substring(text.indexOf('{'), text.length() - 3);
    for (Iterator<String> terms = JSON.readTree(json).fieldNames(); terms.hasNext(); ) {
      String term = terms.next();
      if (postings(after, lang, term).keySet().stream().allMatch(n -> n < first)) {
        return term;
      }
    }
    throw new AssertionError("every term of " + path + " is in the new records");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Adds two records newer than any of the seed's, as the next days' would be; their ids. */
  private static Set<String> addTwoNewest(Path content) throws IOException {
    return Set.of(
        addRecord(content, "2026-qatar-somalia-follow-up-call", "2026-11-28"),
        addRecord(content, "2026-qatar-somalia-second-follow-up-call", "2026-11-29"));
  }

  /**
   * Adds a copy of the seed's newest record as {@code id}, dated {@code date} and listing no
   * related records; returns its id.
   */
  private static String addRecord(Path content, String id, String date) throws IOException {
    Path newest =
        content.resolve("engagements/2026-qatar-somalia-interior-security-ministers-meeting");
    Path added = content.resolve("engagements").resolve(id);
    TestFiles.copyTree(newest, added);
    Path facts = added.resolve("engagement.yaml");
    Files.writeString(
        facts,
        Files.readString(facts)
            .replaceFirst("(?m)^date: 2026$", "date: " + date)
            .replaceAll("(?s)\nrelated:.*", "\n"));
    return id;
  }

  @Test
  void aTermShardWrittenAloneHoldsWhatTheWholeIndexHoldsThere() throws IOException {
    RenderedSite seed = RenderedSite.seed();
    for (Lang lang : Lang.values()) {
      int shards = manifest(seed, lang).path("termShards").asInt();
      for (int k = 0; k < shards; k++) {
        String path = Routes.searchShard(lang, "terms", k);
        assertTrue(shard(seed, lang, "terms", k).size() > 50, path + " holds the seed's terms");
        PlannedFile alone =
            new org.briefing.build.SiteRenderer(RenderedSite.TEMPLATES)
                .plan(new Archive(seed.site()), path::equals).stream()
                    .filter(f -> f.path().equals(path))
                    .findFirst()
                    .orElseThrow();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        alone.body().writeTo(bytes);
        assertEquals(seed.text(path), bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void theSearchFilesAreTheSameOnEveryBuild() {
    RenderedSite again = RenderedSite.of(RenderedSite.SEED_CONTENT);
    Map<String, byte[]> first = RenderedSite.seed().files();
    int compared = 0;
    for (String path : first.keySet()) {
      if (path.contains("/search/") && path.endsWith(".js") || path.equals(SearchAnalysis.SCRIPT)) {
        assertArrayEquals(first.get(path), again.files().get(path), path);
        compared++;
      }
    }
    assertTrue(compared >= 2 * 3 + 1, "manifests, shards and the analysis table: " + compared);
  }

  @Test
  void plainTextKeepsTheWordsReadersSeeAndDropsTheMarkup() {
    // Whitespace is left as the body has it: the index reads only the words, in this order.
    PlainText plain = new PlainText();
    UnaryOperator<String> words = markdown -> plain.of(markdown).replaceAll("\\s+", " ").strip();
    assertEquals(
        "Qatar and Syria signed an agreement in Doha.",
        words.apply(
            "**Qatar** and [Syria](https://example.org/sy) signed\nan _agreement_ in `Doha`."));
    assertEquals(
        "Heading First paragraph. Second paragraph.",
        words.apply("# Heading\n\nFirst paragraph.\n\nSecond paragraph.\n"));
    assertEquals(
        "Country Partner Qatar Syria",
        words.apply("| Country | Partner |\n|---|---|\n| Qatar | Syria |\n"));
    assertEquals(
        "Shown <b>as text</b> here.", words.apply("Shown <b>as text</b> <!-- not shown -->here."));
    assertEquals(
        "Before. <div>A block shown as text</div> After.",
        words.apply(
            "Before.\n\n<div>A block shown as text</div>\n\n<!-- a block not shown -->\n\nAfter."));
    assertEquals(
        "وقّعت قطر والصومال اتفاقية «التعاون الدفاعي».",
        words.apply("وقّعت قطر والصومال اتفاقية «*التعاون الدفاعي*»."));
  }

  private static JsonNode find(List<JsonNode> records, String id) {
    for (JsonNode r : records) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no record " + id + " in the search data");
  }

  /** The records in the order of their numbers in the index: the timeline's, reversed. */
  static List<Engagement> oldestFirst(List<Engagement> newestFirst) {
    List<Engagement> out = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(out);
    return out;
  }

  private static Set<Integer> numbers(List<Engagement> all, List<Engagement> some) {
    Set<Integer> out = new TreeSet<>();
    some.forEach(e -> out.add(all.indexOf(e)));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
