package org.briefing.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person running the build finds in and beside the output folder: the new files and only
 * them, a folder that is not a site never replaced, and folders left by a killed build cleaned up
 * while a running build's are left alone.
 */
class OutputFolderTest {

  private static Publisher.SiteWriter pages(String... namesAndTexts) {
    return sink -> {
      for (int i = 0; i < namesAndTexts.length; i += 2) {
        byte[] text = namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8);
        sink.write(namesAndTexts[i], stream -> stream.write(text));
      }
    };
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(p -> !p.equals(folder))
          .map(p -> folder.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void theNewSiteReplacesTheOldOneWholeAndKeepsTheGitPlaceholder(@TempDir Path tmp)
      throws IOException {
    Path out = tmp.resolve("site");
    Files.createDirectories(out);
    Files.writeString(out.resolve(".gitkeep"), "");

    int first =
        new Publisher().publish(out, pages("index.html", "one", "en/old.html", "gone soon"));
    assertEquals(2, first);
    assertEquals(List.of(".gitkeep", "en", "en/old.html", "index.html"), names(out));

    int second = new Publisher().publish(out, pages("index.html", "two", "ar/index.html", "٢"));
    assertEquals(2, second);
    assertEquals(List.of(".gitkeep", "ar", "ar/index.html", "index.html"), names(out));
    assertEquals("two", Files.readString(out.resolve("index.html")));
    assertEquals("٢", Files.readString(out.resolve("ar/index.html")));
  }

  /**
   * A web server runs as a user of its own: the site's folder must be as readable as any folder the
   * user makes, whether it is published first, replaced whole, or patched in place.
   */
  @Test
  void theSiteFolderHasThePermissionsOfAnyFolderTheUserMakes(@TempDir Path tmp) throws IOException {
    assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Set<PosixFilePermission> usual =
        Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("made-by-hand")));
    assumeTrue(usual.contains(PosixFilePermission.OTHERS_READ), "a umask that hides folders");
    Path out = tmp.resolve("site");

    new Publisher().publish(out, pages("index.html", "one"));
    assertEquals(usual, Files.getPosixFilePermissions(out));

    new Publisher().publish(out, pages("index.html", "two", "en/a.html", "a"));
    assertEquals(usual, Files.getPosixFilePermissions(out));
    assertEquals(usual, Files.getPosixFilePermissions(out.resolve("en")));

    new Publisher().publish(out, pages("en/b.html", "b"), Set.of("index.html", "en/a.html"));
    assertEquals(usual, Files.getPosixFilePermissions(out));
    assertEquals("two", Files.readString(out.resolve("index.html")));
  }

  @Test
  void keptFilesOfTheLastSiteAreTakenOverUnchangedBesideTheNewOnes(@TempDir Path tmp)
      throws IOException {
    Path out = tmp.resolve("site");
    new Publisher().publish(out, pages("index.html", "home", "en/a.html", "page a"));

    int count = new Publisher().publish(out, pages("index.html", "new home"), Set.of("en/a.html"));

    assertEquals(2, count);
    assertEquals("page a", Files.readString(out.resolve("en/a.html")));
    assertEquals("new home", Files.readString(out.resolve("index.html")));
  }

  @Test
  void aFolderThatIsNotASiteIsNeverReplaced(@TempDir Path tmp) throws IOException {
    Path notes = tmp.resolve("notes");
    Files.createDirectories(notes);
    Files.writeString(notes.resolve("todo.txt"), "my notes");

    IOException refused =
        assertThrows(
            IOException.class, () -> new Publisher().publish(notes, pages("index.html", "x")));

    assertTrue(refused.getMessage().contains("is not a folder this program built"));
    assertTrue(refused.getMessage().contains("--out"));
    assertEquals(List.of("todo.txt"), names(notes));
    assertEquals("my notes", Files.readString(notes.resolve("todo.txt")));
    assertEquals(List.of("notes"), names(tmp).stream().filter(n -> !n.contains("/")).toList());
  }

  @Test
  void anEmptyFolderOrAFileNamedLikeTheSiteIsHandledAsExpected(@TempDir Path tmp)
      throws IOException {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    new Publisher().publish(empty, pages("index.html", "x"));
    assertEquals(List.of("index.html"), names(empty));

    Path file = tmp.resolve("a-file");
    Files.writeString(file, "not a folder");
    assertThrows(IOException.class, () -> new Publisher().publish(file, pages("index.html", "x")));
    assertEquals("not a folder", Files.readString(file));
  }

  @Test
  void twoFilesToOnePathOrAPathOutsideTheSiteStopThePublishAndKeepTheOldSite(@TempDir Path tmp)
      throws IOException {
    Path out = tmp.resolve("site");
    new Publisher().publish(out, pages("index.html", "old"));

    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Publisher().publish(out, pages("en/a.html", "1", "en/a.html", "2")));
    assertTrue(twice.getMessage().contains("two files would be written to en/a.html"));

    for (String bad :
        List.of("../x.html", "/abs.html", "en//a.html", "en/./a.html", "a\\b", "\\x.html", "")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new Publisher().publish(out, pages(bad, "escape")),
          bad);
    }
    assertEquals("old", Files.readString(out.resolve("index.html")));
    assertEquals(List.of("index.html"), names(out));
    assertFalse(Files.exists(tmp.resolve("x.html")));
    try (Stream<Path> beside = Files.list(tmp)) {
      assertEquals(List.of("site"), beside.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void foldersLeftByAKilledBuildAreRemovedThoseOfARunningBuildAreLeft(@TempDir Path tmp)
      throws Exception {
    Path out = tmp.resolve("site");
    new Publisher().publish(out, pages("index.html", "old"));

    Process finished = new ProcessBuilder("true").start();
    long finishedPid = finished.pid();
    finished.waitFor(30, TimeUnit.SECONDS);
    Process running = new ProcessBuilder("sleep", "60").start();
    try {
      long runningStart = running.info().startInstant().orElseThrow().toEpochMilli();
      String killedNew = ".site.new-" + finishedPid + "-1700000000000-123";
      String killedOld = ".site.old-" + finishedPid + "-0-456";
      String reusedPid = ".site.new-" + running.pid() + "-" + (runningStart - 5000) + "-789";
      String alive = ".site.new-" + running.pid() + "-" + runningStart + "-999";
      String olderVersion = ".site.new-abc";
      String unrelated = ".site.backup";
      for (String name : List.of(killedNew, killedOld, reusedPid, alive, olderVersion, unrelated)) {
        Files.createDirectories(tmp.resolve(name).resolve("en"));
        Files.writeString(tmp.resolve(name).resolve("en/index.html"), "half a site");
      }

      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream saved = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        new Publisher().publish(out, pages("index.html", "new"));
      } finally {
        System.setErr(saved);
      }
      String notices = err.toString(StandardCharsets.UTF_8);

      try (Stream<Path> beside = Files.list(tmp)) {
        assertEquals(
            List.of(unrelated, alive, olderVersion, "site"),
            beside.map(p -> p.getFileName().toString()).sorted().toList());
      }
      assertEquals("new", Files.readString(out.resolve("index.html")));
      assertTrue(notices.contains("removed " + tmp.resolve(killedNew)), notices);
      assertTrue(notices.contains("removed " + tmp.resolve(killedOld)), notices);
      assertTrue(notices.contains("removed " + tmp.resolve(reusedPid)), notices);
      assertTrue(notices.contains(tmp.resolve(olderVersion) + " was left by an older build"));
      assertFalse(notices.contains(alive), notices);
      assertFalse(notices.contains(unrelated), notices);
    } finally {
      running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
