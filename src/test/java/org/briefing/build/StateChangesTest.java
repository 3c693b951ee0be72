package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.bench.CorpusGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changes a build that only added records writes beside the last manifest ({@link
 * StateChanges}): read back with the manifest, they describe the folder the build left, file by
 * file, as the state of a clean build of the same content does. An edit is not an addition: the
 * state is then written whole.
 */
class StateChangesTest {

  @TempDir Path tmp;

  private Path content;
  private Path out;
  private Path state;
  private int clean;

  /**
   * 60 generated records: on the 14 of the seed site, one record's changes are more than an eighth
   * of the manifest, which is then written whole.
   */
  @BeforeEach
  void generatedSite() throws IOException {
    content = tmp.resolve("corpus");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(60), content);
    TestFiles.settle(content);
    out = tmp.resolve("site-output");
    state = tmp.resolve(".site-output.state");
  }

  private SiteBuilder.Outcome build(Path into) throws IOException {
    SiteBuilder.Outcome outcome =
        new SiteBuilder()
            .buildReusing(
                new SiteBuilder.Options(
                    content, SeedSite.TEMPLATES, into, Optional.empty(), false, false));
    assertTrue(outcome.ok(), outcome.problems().toString());
    return outcome;
  }

  /**
   * Makes the output's folder times old enough to be trusted, and has a build with nothing else to
   * do record them, whole. A build trusts a folder's time only once it is two seconds old ({@code
   * FolderTimes}); how many a first build's state trusts depends on how long that build took, and
   * each one untrusted then and trusted by the next build is a change of its own. Left to chance,
   * the changes after one record added were sometimes more than the state writes as changes, and
   * the state was written whole.
   */
  private void settleFolders() throws IOException {
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
    try (Stream<Path> all = Files.walk(out)) {
      for (Path folder : all.filter(Files::isDirectory).toList()) {
        Files.setLastModifiedTime(folder, old);
      }
    }
    build(out);
    assertFalse(
        Files.exists(state.resolve("manifest.delta")),
        "every folder's time changed: written whole");
  }

  /** A copy of a record, dated {@code date}, after all others, as the record {@code name}. */
  private void addNewest(String name, String date) throws IOException {
    Path record;
    try (Stream<Path> records = Files.list(content.resolve("engagements"))) {
      record = records.sorted().findFirst().orElseThrow();
    }
    Path copy = TestFiles.copyTree(record, record.resolveSibling(name));
    replaceLine(copy.resolve("engagement.yaml"), "date: ", "date: " + date);
    replaceLine(copy.resolve("en.md"), "title: ", "title: \"Added as " + name + "\"");
  }

  private static void replaceLine(Path file, String prefix, String line) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        lines.set(i, line);
        break;
      }
    }
    Files.write(file, lines);
  }

  @Test
  void recordsAddedAsTheNewestAreWrittenAsChangesThatDescribeTheFolder() throws IOException {
    build(out);
    assertTrue(Files.exists(state.resolve("manifest.bin")));
    assertFalse(Files.exists(state.resolve("manifest.delta")), "a first build writes it whole");
    settleFolders();
    byte[] manifest = Files.readAllBytes(state.resolve("manifest.bin"));

    addNewest("zz-added-1", "2040-01-01");
    SiteBuilder.Outcome added = build(out);
    assertTrue(added.rendered() < added.files() / 2, "one record added: " + added.rendered());
    assertTrue(Files.exists(state.resolve("manifest.delta")), "its changes written as such");
    assertArrayEquals(
        manifest,
        Files.readAllBytes(state.resolve("manifest.bin")),
        "and the manifest left as written whole");
    assertDescribesTheFolder("one record added");

    // Builds seconds apart find most folder times still unsettled, which makes more changes:
    // whether these are written as changes or whole, the state read back is the same.
    addNewest("zz-added-2", "2040-01-02");
    build(out);
    assertDescribesTheFolder("a second record added");

    Path edited = content.resolve("engagements/zz-added-1/en.md");
    Files.writeString(edited, Files.readString(edited) + "\nA paragraph added later.\n");
    build(out);
    assertFalse(Files.exists(state.resolve("manifest.delta")), "an edit writes the state whole");
    assertDescribesTheFolder("after an edit");
  }

  /**
   * The state read back names every file of the folder with its size and time as they are, no
   * folder that is gone, and the records, footprints, file sizes and export pieces a clean build of
   * the same content keeps.
   */
  private void assertDescribesTheFolder(String when) throws IOException {
    BuildState read = BuildState.read(out).orElseThrow(() -> new AssertionError(when));
    Set<String> files = new TreeSet<>();
    Set<String> folders = new TreeSet<>();
    try (Stream<Path> all = Files.walk(out)) {
      all.forEach(p -> (Files.isDirectory(p) ? folders : files).add(out.relativize(p).toString()));
    }
    assertEquals(files, new TreeSet<>(read.files().keySet()), when + ": the files");
    for (String file : files) {
      assertTrue(
          read.files().get(file).same(BuildState.output(out.resolve(file))),
          when + ": the size and time of " + file);
    }
    assertTrue(folders.containsAll(read.folders().keySet()), when + ": no folder that is gone");

    Path other = tmp.resolve("clean-" + ++clean + "/site");
    build(other);
    BuildState whole = BuildState.read(other).orElseThrow();
    assertEquals(whole.key(), read.key(), when);
    assertEquals(whole.records(), read.records(), when + ": the records");
    assertEquals(sorted(whole.footprints()), sorted(read.footprints()), when + ": the footprints");
    assertEquals(sizes(whole), sizes(read), when + ": the files' sizes");
    assertEquals(whole.pieces(), read.pieces(), when + ": the export pieces");
  }

  private static Map<String, Set<String>> sorted(Map<String, Set<String>> footprints) {
    Map<String, Set<String>> sorted = new TreeMap<>();
    footprints.forEach((id, paths) -> sorted.put(id, new TreeSet<>(paths)));
    return sorted;
  }

  private static Map<String, Long> sizes(BuildState state) {
    Map<String, Long> sizes = new TreeMap<>();
    state.files().forEach((path, file) -> sizes.put(path, file.size()));
    return sizes;
  }
}
