package org.briefing.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.bench.CorpusGenerator;
import org.briefing.build.SiteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that reuses the last one changes the output folder in place: the files it keeps are the
 * very same files on disk, never linked or copied again, and a commit that fails at any step puts
 * back everything it had done, so the folder and the state beside it are as they were.
 */
@Tag("slow") // some twenty builds of 120 records
class PatchedBuildTest {

  private static final Path TEMPLATES = Path.of("templates");

  @TempDir Path tmp;

  private Path out;

  @AfterEach
  void removeTheFailingMover() {
    if (out != null) {
      Patch.MOVERS.remove(out.toAbsolutePath().normalize());
    }
  }

  @Test
  void aCommitThatFailsHalfwayLeavesTheSiteAndTheStateAsTheyWere() throws IOException {
    Path content = corpus();
    out = tmp.resolve("site-output");
    Path state = tmp.resolve(".site-output.state");
    assertTrue(reuse(content).ok());
    Path gone = addRecord(content, "to-be-removed", "Removed later");
    assertTrue(reuse(content).ok());
    String goneId = gone.getFileName().toString();
    assertFalse(paths(out, goneId).isEmpty(), "the record to remove has pages");

    // The next build removes a record, adds one, edits one and finds a stray file: its commit
    // moves files aside, replaces some, creates folders and removes others.
    Publisher.deleteTree(gone);
    Path added = addRecord(content, "added-now", "Added now");
    Path edited = records(content).get(3).resolve("en.md");
    Files.writeString(edited, Files.readString(edited).replaceFirst("title: .*", "title: Edited"));
    Files.writeString(out.resolve("stray.txt"), "dropped in by hand");
    Map<String, String> siteBefore = snapshot(out);
    Map<String, String> stateBefore = snapshot(state);

    AtomicInteger moves = new AtomicInteger();
    int failures = 0;
    SiteBuilder.Outcome done = null;
    for (int allowed = 0; done == null; allowed = allowed * 2 + 1) {
      int limit = allowed;
      moves.set(0);
      Patch.MOVERS.put(
          out.toAbsolutePath().normalize(),
          (from, to) -> {
            if (moves.incrementAndGet() > limit) {
              throw new IOException("disk refused move " + moves.get() + " (test)");
            }
            Patch.RENAME.move(from, to);
          });
      try {
        done = reuse(content);
      } catch (IOException e) {
        assertTrue(e.getMessage().contains("(test)"), e.toString());
        failures++;
        String when = "a commit failing after " + limit + " moves";
        assertSnapshot(siteBefore, snapshot(out), when + ": the site");
        assertSnapshot(stateBefore, snapshot(state), when + ": the state");
        assertEquals(
            List.of(".site-output.state", "content", "site-output"),
            siblings(),
            when + ": no staging or backup folder is left");
      }
    }
    assertTrue(failures >= 5, "the commit failed at several steps: " + failures);
    assertTrue(done.ok());
    assertTrue(done.rendered() < done.files() / 4, "the build reused the last one");
    assertTrue(moves.get() > 10, "a commit of several moves: " + moves.get());
    assertEquals(List.of(), paths(out, goneId), "the removed record's pages and folders are gone");
    assertFalse(paths(out, added.getFileName().toString()).isEmpty(), "the added one has pages");
    assertFalse(Files.exists(out.resolve("stray.txt")), "the stray file is gone");
    assertEquals(List.of(".site-output.state", "content", "site-output"), siblings());

    Path clean = tmp.resolve("clean");
    assertTrue(new SiteBuilder().build(options(content, clean), false).ok());
    assertSnapshot(snapshot(clean), snapshot(out), "the patched site against a clean build");
  }

  @Test
  void keptFilesAndFoldersAreTheSameOnDiskAfterABuildThatRenderedOthers() throws IOException {
    Path content = corpus();
    out = tmp.resolve("site-output");
    assertTrue(reuse(content).ok());
    Map<String, Object> before = identities(out);
    Map<String, Object> changedBefore = ctimes(out);

    Path edited = records(content).get(5).resolve("en.md");
    Files.writeString(edited, Files.readString(edited).replaceFirst("title: .*", "title: Edited"));
    SiteBuilder.Outcome outcome = reuse(content);
    assertTrue(outcome.ok());
    assertTrue(outcome.rendered() > 0, "some files were rendered");
    assertTrue(outcome.rendered() < outcome.files() / 4, "most were kept: " + outcome.rendered());

    Map<String, Object> after = identities(out);
    Map<String, Object> changedAfter = ctimes(out);
    assertEquals(before.get(""), after.get(""), "the output folder is the same folder");
    List<String> same = new ArrayList<>();
    List<String> untouched = new ArrayList<>();
    before.forEach(
        (path, id) -> {
          if (!path.isEmpty() && id.equals(after.get(path))) {
            same.add(path);
            if (changedBefore.get(path).equals(changedAfter.get(path))) {
              untouched.add(path);
            }
          }
        });
    long files = same.stream().filter(p -> Files.isRegularFile(out.resolve(p))).count();
    long untouchedFiles =
        untouched.stream().filter(p -> Files.isRegularFile(out.resolve(p))).count();
    // Every kept file is the same inode, never linked again (a link changes its ctime), and so is
    // every file rendered again into the same bytes; the files that changed are new ones.
    assertTrue(outcome.written() < outcome.rendered(), "some came out the same");
    assertTrue(outcome.written() > 0, "the edited record's pages did not");
    assertEquals(outcome.files() - outcome.written(), files, "kept files keep their inodes");
    assertEquals(files, untouchedFiles, "and no link or copy touched them");
  }

  private SiteBuilder.Outcome reuse(Path content) throws IOException {
    return new SiteBuilder().buildReusing(options(content, out));
  }

  private static SiteBuilder.Options options(Path content, Path out) {
    return new SiteBuilder.Options(content, TEMPLATES, out, Optional.empty(), false, false);
  }

  private Path corpus() throws IOException {
    Path content = tmp.resolve("content");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(120), content);
    return content;
  }

  private static List<Path> records(Path content) throws IOException {
    try (Stream<Path> folders = Files.list(content.resolve("engagements"))) {
      return folders.sorted().toList();
    }
  }

  /** A copy of the first record under the id {@code id}, with its own English title. */
  private static Path addRecord(Path content, String id, String title) throws IOException {
    Path copy = content.resolve("engagements").resolve(id);
    TestFiles.copyTree(records(content).get(0), copy);
    Path en = copy.resolve("en.md");
    Files.writeString(en, Files.readString(en).replaceFirst("title: .*", "title: " + title));
    return copy;
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The paths under {@code root} with {@code name} as one of their names. */
  private static List<String> paths(Path root, String name) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.map(p -> root.relativize(p).toString())
          .filter(p -> Arrays.asList(p.split("/")).contains(name))
          .sorted()
          .toList();
    }
  }

  /** Every folder and file under {@code root}, files with a digest of their bytes. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        String relative = root.relativize(path).toString();
        all.put(
            relative,
            Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                ? "folder"
                : Arrays.toString(sha256(Files.readAllBytes(path))));
      }
    }
    return all;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertSnapshot(
      Map<String, String> expected, Map<String, String> actual, String when) {
    List<String> missing = new ArrayList<>(expected.keySet());
    missing.removeAll(actual.keySet());
    List<String> extra = new ArrayList<>(actual.keySet());
    extra.removeAll(expected.keySet());
    List<String> differ = new ArrayList<>();
    expected.forEach(
        (path, digest) -> {
          if (actual.containsKey(path) && !digest.equals(actual.get(path))) {
            differ.add(path);
          }
        });
    if (!missing.isEmpty() || !extra.isEmpty() || !differ.isEmpty()) {
      fail(
          when
              + ": missing "
              + head(missing)
              + ", extra "
              + head(extra)
              + ", differ "
              + head(differ));
    }
    assertArrayEquals(expected.keySet().toArray(), actual.keySet().toArray());
  }

  private static List<String> head(List<String> paths) {
    return paths.subList(0, Math.min(8, paths.size()));
  }

  private static Map<String, Object> identities(Path root) throws IOException {
    return attributes(root, "unix:ino");
  }

  private static Map<String, Object> ctimes(Path root) throws IOException {
    return attributes(root, "unix:ctime");
  }

  private static Map<String, Object> attributes(Path root, String attribute) throws IOException {
    Map<String, Object> all = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        all.put(
            root.relativize(path).toString(),
            Files.getAttribute(path, attribute, LinkOption.NOFOLLOW_LINKS));
      }
    }
    return all;
  }
}
