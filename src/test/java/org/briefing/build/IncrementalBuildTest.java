package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.briefing.bench.CorpusGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faster must never mean different: a parallel build, and the preview's incremental rebuilds after
 * each kind of edit, write exactly the bytes a clean single-threaded build writes.
 */
@Tag("slow") // seconds per run, several JVMs or a generated archive: left out of mutation runs
class IncrementalBuildTest {

  private static final String CALL = "2025-syria-turkey-interior-ministers-call";
  private static final String EMBASSY = "2024-12-turkey-reopens-embassy-damascus";
  private static final String EMIR = "2025-01-30-qatar-emir-visits-damascus";
  private static final String SOMALIA = "2026-qatar-somalia-interior-security-ministers-meeting";

  @TempDir Path tmp;

  @Test
  void aParallelBuildWritesWhatASingleThreadedBuildWrites() throws IOException {
    Path content = generatedCorpus();

    Map<String, byte[]> parallel = build(content, tmp.resolve("parallel"), true);
    Map<String, byte[]> single = build(content, tmp.resolve("single"), false);

    assertTrue(parallel.size() > 300, "a site of 150 records has hundreds of files");
    assertSame(single, parallel, "parallel build");
  }

  @Test
  void eachIncrementalRebuildWritesWhatACleanBuildWrites() throws IOException {
    Path content = SeedSite.copyOfContent(tmp);
    Path preview = tmp.resolve("preview");
    IncrementalBuilder builder = previewOf(content, preview);
    IncrementalBuilder.Outcome first = builder.full();
    assertTrue(first.ok(), first.problems().toString());
    int siteFiles = first.files();

    // A title others show in their "related" lists and next/previous links.
    Path embassyEn = record(content, EMBASSY, "en.md");
    edit(embassyEn, "title: \"", "title: \"Edited: ");
    expectIncremental(builder.update(Set.of(embassyEn)), siteFiles);
    assertSameAsCleanBuild(content, preview, "after a title edit");

    // A date that moves the record among other neighbours, within its year and into a month
    // that has records: every page it was on still has records, and it joins April's brief (and
    // May's, had May any records, would compare against it), so the same files are rewritten.
    Path callFacts = record(content, CALL, "engagement.yaml");
    edit(callFacts, "date: 2025\n", "date: 2025-04\n");
    expectIncremental(builder.update(Set.of(callFacts)), siteFiles);
    assertSameAsCleanBuild(content, preview, "after moving a record in time");

    // To another year: its pair (Syria and Turkey) has no record left in 2025, so that year's
    // page goes; the site's files change, and the whole site is built again, the same bytes.
    edit(callFacts, "date: 2025-04\n", "date: 2024-06\n");
    IncrementalBuilder.Outcome otherYear = builder.update(Set.of(callFacts));
    assertTrue(otherYear.problems().isEmpty(), otherYear.problems().toString());
    assertFalse(otherYear.incremental(), "a page that goes away is a full build's job");
    assertSameAsCleanBuild(content, preview, "after moving a record to another year");

    // Another type that already has records (one record each way), and an Arabic body.
    Path emirFacts = record(content, EMIR, "engagement.yaml");
    edit(emirFacts, "type: visit\n", "type: meeting\n");
    Path callAr = record(content, CALL, "ar.md");
    Files.writeString(callAr, Files.readString(callAr) + "\nفقرة أضيفت للاختبار.\n");
    expectIncremental(builder.update(Set.of(emirFacts, callAr)), siteFiles);
    assertSameAsCleanBuild(content, preview, "after a type and a body edit");

    // A new related link.
    edit(emirFacts, "related:\n", "related:\n  - " + SOMALIA + "\n");
    expectIncremental(builder.update(Set.of(emirFacts)), siteFiles);
    assertSameAsCleanBuild(content, preview, "after adding a related record");

    // A mistake is reported and changes nothing; a later edit elsewhere does not forget it;
    // fixing it brings both edits in.
    String before = Files.readString(emirFacts);
    edit(emirFacts, "countries: [", "countries: [XX, ");
    assertFalse(builder.update(Set.of(emirFacts)).ok(), "an unknown country is a problem");
    edit(embassyEn, "title: \"Edited: ", "title: \"Edited twice: ");
    assertFalse(builder.update(Set.of(embassyEn)).ok(), "the problem is still there");
    Files.writeString(emirFacts, before);
    expectIncremental(builder.update(Set.of(emirFacts)), siteFiles);
    assertSameAsCleanBuild(content, preview, "after fixing a mistake");

    // What only a full build can do: a shared file, a new page (a new pair of countries).
    Path site = content.resolve("site.yaml");
    edit(site, "tagline:", "tagline:"); // touched, not changed
    IncrementalBuilder.Outcome shared = builder.update(Set.of(site));
    assertTrue(shared.ok() && !shared.incremental(), "a shared file rebuilds everything");
    assertSameAsCleanBuild(content, preview, "after touching site.yaml");
    edit(callFacts, "countries: [SY, TR]", "countries: [SO, SY, TR]");
    IncrementalBuilder.Outcome newPair = builder.update(Set.of(callFacts));
    assertTrue(newPair.ok() && !newPair.incremental(), "new pair pages need a full build");
    assertSameAsCleanBuild(content, preview, "after adding a country");
  }

  @Test
  void anEditRewritesOnlyTheFilesItTouches() throws IOException {
    Path content = generatedCorpus();
    Path preview = tmp.resolve("preview");
    IncrementalBuilder builder = previewOf(content, preview);
    int siteFiles = builder.full().files();

    Path en = recordFile(content, 75, "en.md");
    Files.writeString(en, Files.readString(en) + "\nA sentence added in the preview.\n");
    IncrementalBuilder.Outcome outcome = builder.update(Set.of(en));

    expectIncremental(outcome, siteFiles);
    // its two pages, its neighbours', its countries', pairs' and type's pages, the lists, feeds
    // and data: a few dozen of the site's hundreds
    assertTrue(outcome.files() < siteFiles / 10, outcome.files() + " of " + siteFiles);
    assertSameAsCleanBuild(content, preview, "after a body edit");
  }

  @Test
  void aBodyEditRewritesOnlyTheSearchShardsOfItsWords() throws IOException {
    Path content = generatedCorpus();
    Path preview = tmp.resolve("preview");
    IncrementalBuilder builder = previewOf(content, preview);
    int siteFiles = builder.full().files();
    List<Path> shards;
    try (Stream<Path> files = Files.walk(preview)) {
      shards =
          files
              .filter(
                  f ->
                      f.toString().contains("/search/terms/")
                          || f.toString().contains("/search/records/"))
              .toList();
    }
    // Every file the update writes is a new one moved into place, with the time of now.
    FileTime longAgo = FileTime.fromMillis(0);
    for (Path shard : shards) {
      Files.setLastModifiedTime(shard, longAgo);
    }

    Path en = recordFile(content, 75, "en.md");
    Files.writeString(en, Files.readString(en) + "\nA word no record has: quillwort.\n");
    IncrementalBuilder.Outcome outcome = builder.update(Set.of(en));

    expectIncremental(outcome, siteFiles);
    List<Path> rewritten = new ArrayList<>();
    for (Path shard : shards) {
      if (!Files.getLastModifiedTime(shard).equals(longAgo)) {
        rewritten.add(preview.relativize(shard));
      }
    }
    // Per language: the record's result-data shard and the shards of its words, the new one's
    // among them; not every shard of the index.
    assertTrue(rewritten.size() >= 2, "search shards rewritten: " + rewritten);
    assertTrue(
        rewritten.size() < shards.size() / 2,
        rewritten.size() + " of " + shards.size() + " search shards rewritten: " + rewritten);
    assertSameAsCleanBuild(content, preview, "after a body edit");
  }

  /**
   * The oldest records say which words are common, and each common word has a term shard of its own
   * (TermPlaces); an edit to one of them can change which, and so where words go. The preview must
   * then write the index a clean build writes, not only the shards of the record's words.
   */
  @Test
  void anEditThatChangesWhichWordsAreCommonWritesTheIndexACleanBuildWrites() throws IOException {
    Path content = generatedCorpus();
    Path preview = tmp.resolve("preview");
    IncrementalBuilder builder = previewOf(content, preview);
    assertTrue(builder.full().ok());
    Path manifest = preview.resolve("en/search/index.js");
    String before = Files.readString(manifest);

    // The oldest record keeps one word of its own: every common word of its text is found once
    // less among the records that judge.
    Path en = recordFile(content, 0, "en.md");
    Files.writeString(en, "---\ntitle: \"Quillwort\"\nsummary: \"Quillwort.\"\n---\nQuillwort.\n");
    IncrementalBuilder.Outcome outcome = builder.update(Set.of(en));

    assertTrue(outcome.ok(), outcome.problems().toString());
    String after = Files.readString(manifest);
    assertFalse(
        placed(before).equals(placed(after)),
        "the edit moves a common word: " + placed(before) + " then " + placed(after));
    assertSameAsCleanBuild(content, preview, "after an edit that changes the common words");
  }

  /** The words a search manifest lists as placed away from their hash's shard. */
  private static String placed(String manifest) {
    int at = manifest.indexOf("\"placed\":");
    assertTrue(at >= 0, manifest);
    return manifest.substring(at, manifest.indexOf('}', at) + 1);
  }

  @Test
  void randomEditsAcrossAGeneratedArchiveMatchCleanBuilds() throws IOException {
    Path content = generatedCorpus();
    Path preview = tmp.resolve("preview");
    IncrementalBuilder builder = previewOf(content, preview);
    assertTrue(builder.full().ok());
    List<Path> records;
    try (Stream<Path> folders = Files.list(content.resolve("engagements"))) {
      records = folders.sorted().toList();
    }
    java.util.Random random = new java.util.Random(20261125L);
    String[] types = {"agreement", "call", "joint-operation", "meeting", "visit"};
    int incremental = 0;
    int edits = 12;
    for (int k = 0; k < edits; k++) {
      Path record = records.get(random.nextInt(records.size()));
      Path changed;
      String what;
      switch (random.nextInt(5)) {
        case 0 -> {
          changed = record.resolve("en.md");
          replaceLine(changed, "title: ", "title: \"Edited " + k + "\"");
          what = "a title";
        }
        case 1 -> {
          changed = record.resolve("engagement.yaml");
          if (Files.readString(changed).contains("end_date:")) {
            replaceLine(changed, "type: ", "type: " + types[random.nextInt(types.length)]);
            what = "a type";
          } else {
            replaceLine(
                changed,
                "date: ",
                String.format(
                    java.util.Locale.ROOT,
                    "date: %04d-%02d-%02d",
                    2000 + random.nextInt(25),
                    1 + random.nextInt(12),
                    1 + random.nextInt(28)));
            what = "a date";
          }
        }
        case 2 -> {
          changed = record.resolve("engagement.yaml");
          replaceLine(changed, "type: ", "type: " + types[random.nextInt(types.length)]);
          what = "a type";
        }
        case 3 -> {
          changed = record.resolve("ar.md");
          Files.writeString(changed, Files.readString(changed) + "\nفقرة " + k + " أضيفت.\n");
          what = "an Arabic body";
        }
        default -> {
          changed = record.resolve("en.md");
          replaceLine(changed, "summary: ", "summary: \"A summary rewritten in edit " + k + ".\"");
          what = "a summary";
        }
      }
      IncrementalBuilder.Outcome outcome = builder.update(Set.of(changed));
      assertTrue(outcome.ok(), what + ": " + outcome.problems());
      incremental += outcome.incremental() ? 1 : 0;
      assertSameAsCleanBuild(
          content, preview, "edit " + k + " (" + what + " of " + record.getFileName() + ")");
    }
    assertTrue(incremental >= edits / 2, "most edits are incremental: " + incremental);
  }

  /** The file {@code name} of the record folder that sorts {@code k}th in {@code content}. */
  private static Path recordFile(Path content, int k, String name) throws IOException {
    try (Stream<Path> records = Files.list(content.resolve("engagements"))) {
      return records.sorted().skip(k).findFirst().orElseThrow().resolve(name);
    }
  }

  /** Replaces the first line starting with {@code prefix}. */
  private static void replaceLine(Path file, String prefix, String line) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        lines.set(i, line);
        Files.write(file, lines);
        return;
      }
    }
    fail(file + " has no line starting with " + prefix);
  }

  /** 150 generated records, the same every run. */
  private Path generatedCorpus() throws IOException {
    Path content = tmp.resolve("corpus");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(150), content);
    return content;
  }

  private static IncrementalBuilder previewOf(Path content, Path preview) {
    return new IncrementalBuilder(
        new SiteBuilder.Options(
            content, SeedSite.TEMPLATES, preview, Optional.empty(), false, false));
  }

  private static void expectIncremental(IncrementalBuilder.Outcome outcome, int siteFiles) {
    assertTrue(outcome.ok(), outcome.problems().toString());
    assertTrue(outcome.incremental(), "a record edit is rebuilt incrementally");
    assertTrue(
        outcome.files() > 0 && outcome.files() < siteFiles,
        "only the files the edit touches are written: " + outcome.files() + " of " + siteFiles);
  }

  private void assertSameAsCleanBuild(Path content, Path preview, String when) throws IOException {
    Path clean = Files.createTempDirectory(tmp, "clean-");
    assertSame(build(content, clean.resolve("site"), false), read(preview), when);
  }

  private static Map<String, byte[]> build(Path content, Path out, boolean parallel)
      throws IOException {
    SiteBuilder.Outcome outcome =
        new SiteBuilder()
            .build(
                new SiteBuilder.Options(
                    content, SeedSite.TEMPLATES, out, Optional.empty(), false, false),
                parallel);
    assertTrue(outcome.ok(), outcome.problems().toString());
    return read(out);
  }

  private static Map<String, byte[]> read(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }

  private static void assertSame(
      Map<String, byte[]> expected, Map<String, byte[]> actual, String when) {
    assertEquals(expected.keySet(), actual.keySet(), when + ": the same files");
    List<String> differ = new ArrayList<>();
    expected.forEach(
        (path, bytes) -> {
          if (!Arrays.equals(bytes, actual.get(path))) {
            differ.add(path);
          }
        });
    if (!differ.isEmpty()) {
      fail(
          when
              + ": "
              + differ.size()
              + " files differ from a clean single-threaded build: "
              + differ.subList(0, Math.min(10, differ.size())));
    }
  }

  private static Path record(Path content, String id, String file) {
    return content.resolve("engagements").resolve(id).resolve(file);
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(from), file + " holds " + from);
    Files.writeString(
        file,
        text.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }
}
