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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.archive.Archive;
import org.briefing.bench.CorpusGenerator;
import org.briefing.model.Engagement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that reuses the last one ({@code build} on the command line) writes exactly the bytes a
 * clean single-threaded build of the same content writes, whatever changed in between: records
 * edited, added and removed at random, a template, a hand-edited output file.
 */
@Tag("slow") // a minute of builds per run: left out of mutation runs
class ReusedBuildTest {

  @TempDir Path tmp;

  @Test
  void randomEditsAdditionsAndDeletionsMatchCleanBuilds() throws IOException {
    Path content = generatedCorpus();
    Path out = tmp.resolve("site-output");
    SiteBuilder.Outcome first = reuse(content, out);
    assertEquals(first.files(), first.rendered(), "the first build renders everything");
    assertTrue(
        Files.isRegularFile(tmp.resolve(".site-output.state/manifest.bin")),
        "the state is kept beside the output");
    assertFalse(Files.exists(out.resolve(".site-output.state")), "and never published");
    assertSameAsCleanBuild(content, out, "the first build");
    var pieces = BuildState.read(out).orElseThrow().pieces();
    assertFalse(pieces.isEmpty(), "the exports' record parts are noted");

    SiteBuilder.Outcome again = reuse(content, out);
    assertEquals(0, again.rendered(), "nothing changed, nothing is rendered");
    assertEquals(first.files(), again.files());
    assertEquals(
        pieces,
        BuildState.read(out).orElseThrow().pieces(),
        "the parts of the exports it kept are still known, for the next build to copy");
    assertSameAsCleanBuild(content, out, "a build without changes");

    Random random = new Random(20261129L);
    String[] types = {"agreement", "call", "joint-operation", "meeting", "visit"};
    int narrowed = 0;
    int changes = 12;
    for (int k = 0; k < changes; k++) {
      List<Path> records = records(content);
      Path record = records.get(random.nextInt(records.size()));
      String what;
      switch (random.nextInt(7)) {
        case 0 -> {
          replaceLine(record.resolve("en.md"), "title: ", "title: \"Edited " + k + "\"");
          what = "a title";
        }
        case 1 -> {
          replaceLine(
              record.resolve("engagement.yaml"),
              "date: ",
              String.format(
                  Locale.ROOT,
                  "date: %04d-%02d-%02d",
                  2000 + random.nextInt(25),
                  1 + random.nextInt(12),
                  1 + random.nextInt(28)));
          what = "a date";
        }
        case 2 -> {
          replaceLine(
              record.resolve("engagement.yaml"),
              "type: ",
              "type: " + types[random.nextInt(types.length)]);
          what = "a type";
        }
        case 3 -> {
          Path ar = record.resolve("ar.md");
          Files.writeString(ar, Files.readString(ar) + "\nفقرة " + k + " أضيفت.\n");
          what = "an Arabic body";
        }
        case 4, 5 -> {
          Path copy = record.resolveSibling(record.getFileName() + "-added-" + k);
          TestFiles.copyTree(record, copy);
          replaceLine(copy.resolve("en.md"), "title: ", "title: \"Added " + k + "\"");
          what = "a record added";
        }
        default -> {
          Path unlisted =
              records.stream()
                  .filter(r -> !listedByOthers(records, r))
                  .skip(random.nextInt(10))
                  .findFirst()
                  .orElseThrow();
          org.briefing.publish.Publisher.deleteTree(unlisted);
          record = unlisted;
          what = "a record removed";
        }
      }
      SiteBuilder.Outcome outcome = reuse(content, out);
      String when = "change " + k + " (" + what + ": " + record.getFileName() + ")";
      narrowed += outcome.rendered() < outcome.files() / 4 ? 1 : 0;
      assertSameAsCleanBuild(content, out, when);
    }
    assertTrue(narrowed >= changes / 2, "most changes render a few files only: " + narrowed);

    // The same templates in another folder are the same; an edit to one renders its pages again
    // (EditedTemplatesTest), even where they come out the same.
    Path templates = TestFiles.copyTree(SeedSite.TEMPLATES, tmp.resolve("templates"));
    assertEquals(0, new SiteBuilder().buildReusing(options(content, templates, out)).rendered());
    Path engagement = templates.resolve("engagement.ftlh");
    Files.writeString(engagement, Files.readString(engagement) + "<#-- edited -->");
    SiteBuilder.Outcome template = new SiteBuilder().buildReusing(options(content, templates, out));
    assertTrue(template.ok());
    long recordPages =
        read(out).keySet().stream()
            .filter(path -> path.matches("(ar|en)/engagements/[^/]+/index\\.html"))
            .count();
    assertEquals(recordPages, template.rendered(), "the record pages are rendered again");
    assertEquals(0, template.written(), "and come out as they were");
  }

  @Test
  void aRecordInAYearNoListHadRendersThoseListsNotTheWholeSite() throws IOException {
    Path content = generatedCorpus();
    Path out = tmp.resolve("site-output");
    reuse(content, out);
    Path record = records(content).get(0);
    Path added = record.resolveSibling("added-in-1990");
    TestFiles.copyTree(record, added);
    replaceLine(added.resolve("engagement.yaml"), "date: ", "date: 1990-05-17");

    SiteBuilder.Outcome outcome = reuse(content, out);

    assertTrue(outcome.ok(), outcome.problems().toString());
    assertTrue(
        Files.isRegularFile(out.resolve("en/timeline/1990/index.html")),
        "the timeline gained a year");
    assertTrue(
        outcome.rendered() < outcome.files() / 4,
        "a new year re-renders its lists, not the site: "
            + outcome.rendered()
            + " of "
            + outcome.files());
    assertSameAsCleanBuild(content, out, "a record added in a new year");
    assertTrue(
        Files.size(tmp.resolve(".site-output.state/terms.bin")) > 1000,
        "the records' search terms are kept for the next build");

    org.briefing.publish.Publisher.deleteTree(added);
    SiteBuilder.Outcome removed = reuse(content, out);
    assertFalse(Files.exists(out.resolve("en/timeline/1990")), "and lost it again");
    assertTrue(removed.rendered() < removed.files() / 4, "without rendering the whole site");
    assertSameAsCleanBuild(content, out, "the record in the new year removed");
  }

  @Test
  void recordsAddedAsTheNewestMatchCleanBuilds() throws IOException {
    Path content = generatedCorpus();
    Path out = tmp.resolve("site-output");
    reuse(content, out);
    String latest =
        records(content).stream()
            .map(r -> line(r.resolve("engagement.yaml"), "date: "))
            .max(String::compareTo)
            .orElseThrow();
    Path record =
        records(content).stream()
            .filter(r -> line(r.resolve("engagement.yaml"), "date: ").equals(latest))
            .findFirst()
            .orElseThrow();

    addNewest(record, "zz-newest-1", "2031-01-01");
    SiteBuilder.Outcome one = reuse(content, out);
    assertTrue(one.rendered() < one.files() / 4, "one newest record: " + one.rendered());
    assertSameAsCleanBuild(content, out, "the newest record added");

    addNewest(record, "zz-newest-2", "2031-02-01");
    addNewest(record, "zz-newest-3", "2031-02-02");
    SiteBuilder.Outcome two = reuse(content, out);
    assertTrue(two.rendered() < two.files() / 4, "two newest records: " + two.rendered());
    assertSameAsCleanBuild(content, out, "two newest records added at once");

    addNewest(record, "zz-newest-4", "2031-03-01");
    addNewest(record, "added-older", "2001-03-01");
    reuse(content, out);
    assertSameAsCleanBuild(content, out, "a newest record and an older one added at once");
  }

  /**
   * A build that only adds records writes its state as changes beside the manifest last written
   * whole, each build's on top of the last ones', until they grow too many and the manifest is
   * written whole again. Read back, manifest and changes describe the folder as the state of a
   * clean build does.
   */
  @Test
  void theStateOfRecordsAddedOneByOneDescribesTheFolder() throws IOException {
    Path content = generatedCorpus();
    Path out = tmp.resolve("site-output");
    reuse(content, out);
    Path state = tmp.resolve(".site-output.state");
    Path record = records(content).get(0);
    int asChanges = 0;
    int whole = 0;
    for (int day = 1; day <= 12; day++) {
      byte[] manifest = Files.readAllBytes(state.resolve("manifest.bin"));
      addNewest(record, "zz-day-" + day, String.format(Locale.ROOT, "2031-01-%02d", day));
      SiteBuilder.Outcome one = reuse(content, out);
      assertTrue(one.rendered() < one.files() / 4, "day " + day + ": " + one.rendered());
      boolean sameManifest =
          Arrays.equals(manifest, Files.readAllBytes(state.resolve("manifest.bin")));
      assertEquals(sameManifest, Files.exists(state.resolve("manifest.delta")), "day " + day);
      asChanges += sameManifest ? 1 : 0;
      whole += sameManifest ? 0 : 1;
      assertStateDescribesTheFolder(content, out, "day " + day);
    }
    // How many days write their changes only depends on how many folder times had settled by
    // then (builds seconds apart leave most unsettled, which makes more changes): at least the
    // first does, and every day's state, written either way, describes the folder.
    assertTrue(asChanges >= 1, "changes written as such: " + asChanges + ", whole: " + whole);
    assertSameAsCleanBuild(content, out, "twelve records added one by one");
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> left = new java.util.TreeSet<>(a);
    left.removeAll(b);
    return left;
  }

  /**
   * The state read back (manifest and changes) names every file and folder of {@code out} with its
   * size and time as they are, and the records and export pieces a clean build's state has.
   */
  private void assertStateDescribesTheFolder(Path content, Path out, String when)
      throws IOException {
    BuildState state = BuildState.read(out).orElseThrow(() -> new AssertionError(when));
    Set<String> files = new java.util.TreeSet<>();
    Set<String> folders = new java.util.TreeSet<>();
    try (Stream<Path> all = Files.walk(out)) {
      all.forEach(p -> (Files.isDirectory(p) ? folders : files).add(out.relativize(p).toString()));
    }
    assertEquals(Set.of(), difference(files, state.files().keySet()), when + ": files not named");
    assertEquals(Set.of(), difference(state.files().keySet(), files), when + ": files named, gone");
    for (String file : files) {
      assertTrue(
          state.files().get(file).same(BuildState.output(out.resolve(file))),
          when + ": the size and time of " + file);
    }
    // A folder the patch made is found by listing its parent, changed too: it need not be named.
    assertEquals(
        Set.of(), difference(state.folders().keySet(), folders), when + ": folders named, gone");
    Path clean = Files.createTempDirectory(tmp, "clean-state-").resolve("site");
    reuse(content, clean);
    BuildState cleanState = BuildState.read(clean).orElseThrow();
    assertEquals(cleanState.records(), state.records(), when + ": records");
    assertEquals(cleanState.pieces(), state.pieces(), when + ": export pieces");
    assertEquals(cleanState.key(), state.key(), when + ": key");
  }

  private static void addNewest(Path record, String name, String date) throws IOException {
    Path copy = TestFiles.copyTree(record, record.resolveSibling(name));
    replaceLine(copy.resolve("engagement.yaml"), "date: ", "date: " + date);
    replaceLine(copy.resolve("en.md"), "title: ", "title: \"New " + name + "\"");
  }

  /** The first line of {@code file} starting with {@code prefix}, without it. */
  private static String line(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.startsWith(prefix))
          .findFirst()
          .orElseThrow()
          .substring(prefix.length());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aRemovedRecordTakesItsFoldersAlongAndAStrayFileGoes() throws IOException {
    Path content = generatedCorpus();
    Path out = tmp.resolve("site-output");
    Path record = records(content).get(0);
    Path added = TestFiles.copyTree(record, record.resolveSibling("added-then-removed"));
    replaceLine(added.resolve("en.md"), "title: ", "title: \"Added, then removed\"");
    reuse(content, out);
    assertFalse(named(out, "added-then-removed").isEmpty(), "the added record has pages");

    org.briefing.publish.Publisher.deleteTree(added);
    Files.writeString(out.resolve("stray.html"), "dropped in by hand");
    Files.createDirectories(out.resolve("notes/old"));
    Files.writeString(out.resolve("notes/old/stray.txt"), "and this too");
    SiteBuilder.Outcome outcome = reuse(content, out);

    assertTrue(outcome.rendered() < outcome.files() / 4, "the last build was reused");
    assertEquals(List.of(), named(out, "added-then-removed"), "its pages and folders are gone");
    assertFalse(Files.exists(out.resolve("stray.html")), "a stray file is removed");
    assertFalse(Files.exists(out.resolve("notes")), "with the folders it leaves empty");
    assertSameAsCleanBuild(content, out, "a record removed, stray files dropped in");
    Path clean = Files.createTempDirectory(tmp, "clean-").resolve("site");
    new SiteBuilder().build(options(content, SeedSite.TEMPLATES, clean), false);
    assertEquals(folders(clean), folders(out), "the same folders as a clean build");
  }

  @Test
  void foldersLongUnchangedAreNotListedAndAStrayInAChangedOneGoes() throws IOException {
    Path content = generatedCorpus();
    Path out = tmp.resolve("site-output");
    reuse(content, out);
    // As a site restored from last week's cache: every folder's time long settled.
    FileTime lastWeek = FileTime.fromMillis(System.currentTimeMillis() - 7 * 24 * 3_600_000L);
    for (String folder : folders(out)) {
      Files.setLastModifiedTime(out.resolve(folder), lastWeek);
    }
    reuse(content, out); // lists every folder once, and records their times
    List<String> records =
        named(out, "engagements").stream()
            .filter(p -> p.startsWith("en/engagements/") && p.split("/").length == 3)
            .toList();
    Files.writeString(out.resolve(records.get(0)).resolve("stray.html"), "dropped in by hand");
    Path quiet = out.resolve(records.get(1));
    Files.writeString(quiet.resolve("hidden.html"), "its folder's time set back");
    Files.setLastModifiedTime(quiet, lastWeek);

    SiteBuilder.Outcome outcome = reuse(content, out);

    assertEquals(0, outcome.rendered(), "nothing changed in the content");
    assertFalse(Files.exists(out.resolve(records.get(0)).resolve("stray.html")), "found and gone");
    assertTrue(Files.exists(quiet.resolve("hidden.html")), "a folder as it was is not listed");
    Files.delete(quiet.resolve("hidden.html"));
    assertSameAsCleanBuild(content, out, "a stray dropped into a record's folder");
  }

  /** The paths under {@code root} with {@code name} as one of their names. */
  private static List<String> named(Path root, String name) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.map(p -> root.relativize(p).toString())
          .filter(p -> Arrays.asList(p.split("/")).contains(name))
          .sorted()
          .toList();
    }
  }

  private static List<String> folders(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isDirectory)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void aFileWrittenSinceTheLastBuildIsNotKept() throws IOException {
    Path content = generatedCorpus();
    Path out = tmp.resolve("site-output");
    reuse(content, out);
    Path page;
    try (Stream<Path> pages = Files.walk(out.resolve("en/engagements"))) {
      page = pages.filter(p -> p.toString().endsWith(".html")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(page, "written by hand");
    SiteBuilder.Outcome outcome = reuse(content, out);
    assertEquals(outcome.files(), outcome.rendered(), "a changed output renders everything");
    assertSameAsCleanBuild(content, out, "after a hand edit of " + page.getFileName());
  }

  @Test
  void aBuildWithProblemsChangesNeitherTheSiteNorItsState() throws IOException {
    Path content = generatedCorpus();
    Path out = tmp.resolve("site-output");
    reuse(content, out);
    Map<String, byte[]> site = read(out);
    Path manifest = tmp.resolve(".site-output.state/manifest.bin");
    byte[] state = Files.readAllBytes(manifest);

    Path facts = records(content).get(7).resolve("engagement.yaml");
    String before = Files.readString(facts);
    Files.writeString(facts, before.replace("countries: [", "countries: [XX, "));
    SiteBuilder.Outcome broken = reuse(content, out);
    assertFalse(broken.ok(), "an unknown country is a problem");
    assertSame(site, read(out), "after a build with problems");
    assertTrue(Arrays.equals(state, Files.readAllBytes(manifest)), "the state is as it was");

    Files.writeString(facts, before);
    replaceLine(records(content).get(7).resolve("en.md"), "title: ", "title: \"Fixed\"");
    SiteBuilder.Outcome fixed = reuse(content, out);
    assertTrue(
        fixed.rendered() < fixed.files() / 4,
        "the fix reuses the build before it: " + fixed.rendered() + " of " + fixed.files());
    assertSameAsCleanBuild(content, out, "after fixing the problem");
  }

  private static boolean listedByOthers(List<Path> records, Path record) {
    String id = record.getFileName().toString();
    for (Path other : records) {
      try {
        if (!other.equals(record)
            && Files.readString(other.resolve("engagement.yaml")).contains(id)) {
          return true;
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return false;
  }

  private static List<Path> records(Path content) throws IOException {
    try (Stream<Path> folders = Files.list(content.resolve("engagements"))) {
      return folders.sorted().toList();
    }
  }

  private SiteBuilder.Outcome reuse(Path content, Path out) throws IOException {
    return new SiteBuilder().buildReusing(options(content, SeedSite.TEMPLATES, out));
  }

  private static SiteBuilder.Options options(Path content, Path templates, Path out) {
    return new SiteBuilder.Options(content, templates, out, Optional.empty(), false, false);
  }

  /** 150 generated records, the same every run. */
  private Path generatedCorpus() throws IOException {
    Path content = tmp.resolve("corpus");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(150), content);
    return content;
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

  private void assertSameAsCleanBuild(Path content, Path out, String when) throws IOException {
    Path clean = Files.createTempDirectory(tmp, "clean-").resolve("site");
    SiteBuilder.Outcome outcome =
        new SiteBuilder().build(options(content, SeedSite.TEMPLATES, clean), false);
    assertTrue(outcome.ok(), when + ": " + outcome.problems());
    assertSame(read(clean), read(out), when);
    assertFootprintsAsMadeAnew(content, out, when);
  }

  /**
   * The footprints the state keeps for the next build are those the content would give made anew: a
   * build that took some from the last state, records having only been added, took none that an
   * addition changed.
   */
  private static void assertFootprintsAsMadeAnew(Path content, Path out, String when)
      throws IOException {
    SiteBuilder.Options options = options(content, SeedSite.TEMPLATES, out);
    Archive archive =
        SiteBuilder.archive(new SiteBuilder().check(options).site().orElseThrow(), options);
    Map<String, Set<String>> kept = BuildState.read(out).orElseThrow().footprints();
    assertEquals(archive.engagements().size(), kept.size(), when + ": a footprint per record");
    for (Engagement e : archive.engagements()) {
      assertEquals(
          AffectedFiles.footprint(archive, e.id()),
          kept.get(e.id()),
          when + ": the footprint of " + e.id());
    }
  }

  static Map<String, byte[]> read(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }

  static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String when) {
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
}
