package org.briefing.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patching a small site by hand, as a reusing build patches its output folder: what is kept stays
 * the same file, what is written replaces the old, what the new site lacks goes with the folders it
 * leaves empty, and a failure at any step leaves every folder and byte as it was.
 */
class PatchTest {

  @TempDir Path tmp;

  static Publisher.SiteWriter pages(String... namesAndTexts) {
    return sink -> {
      for (int i = 0; i < namesAndTexts.length; i += 2) {
        byte[] text = namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8);
        sink.write(namesAndTexts[i], stream -> stream.write(text));
      }
    };
  }

  /** Every folder (as "/") and file (with its text) under {@code root}, but the root. */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
        all.put(
            root.relativize(path).toString(),
            Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "/" : Files.readString(path));
      }
    }
    return all;
  }

  private Path lastSite() throws IOException {
    Path out = tmp.resolve("site");
    Files.createDirectories(out);
    Files.writeString(out.resolve(".gitkeep"), "");
    new Publisher()
        .publish(
            out,
            pages(
                "index.html", "home",
                "en/kept.html", "kept",
                "en/old/index.html", "a removed record",
                "en/old/cite.bib", "its citation",
                "en/list.html", "list of two",
                "en/was-a-folder/index.html", "a page that becomes a file"));
    Files.writeString(out.resolve("stray.txt"), "dropped in by hand");
    return out;
  }

  private static final Set<String> KEPT = Set.of("index.html", "en/kept.html");

  private static Publisher.SiteWriter newSite() {
    return pages(
        "en/list.html", "list of one",
        "en/new/index.html", "an added record",
        "en/was-a-folder", "now a file");
  }

  /**
   * The last site as the new pages leave it: the kept page, the new list, the added record and
   * {@code home}, with {@code more} (path, text, ...) besides.
   */
  private static Map<String, String> expectedSite(String home, String... more) {
    Map<String, String> site =
        new TreeMap<>(
            Map.of(
                ".gitkeep", "",
                "en", "/",
                "en/kept.html", "kept",
                "en/list.html", "list of one",
                "en/new", "/",
                "en/new/index.html", "an added record",
                "index.html", home));
    for (int i = 0; i < more.length; i += 2) {
      site.put(more[i], more[i + 1]);
    }
    return site;
  }

  @Test
  void keptFilesStayWrittenOnesReplaceAndTheRestGoes() throws IOException {
    Path out = lastSite();
    Object kept = Files.getAttribute(out.resolve("en/kept.html"), "unix:ino");
    Object list = Files.getAttribute(out.resolve("en/list.html"), "unix:ino");

    int files = new Publisher().patch(out, newSite(), KEPT, FolderTimes.none());

    assertEquals(5, files);
    assertEquals(expectedSite("home", "en/was-a-folder", "now a file"), tree(out));
    assertEquals(kept, Files.getAttribute(out.resolve("en/kept.html"), "unix:ino"));
    assertTrue(!list.equals(Files.getAttribute(out.resolve("en/list.html"), "unix:ino")));
    assertEquals(List.of("site"), siblings(), "no staging or backup folder is left");
  }

  /**
   * The site an update writes: {@code left} files kept as they are, then {@code more} (path, text,
   * ...), the new list and the added record written.
   */
  private static Publisher.SiteWriter update(List<String> left, String... more) {
    return sink -> {
      for (String path : left) {
        sink.keepAsIs(path);
      }
      pages(more).writeAll(sink);
      pages("en/list.html", "list of one", "en/new/index.html", "an added record").writeAll(sink);
    };
  }

  @Test
  void anUpdateThatLeavesHalfTheFilesOrMorePatchesInPlace() throws IOException {
    Path out = lastSite();
    Object folder = Files.getAttribute(out, "unix:ino");
    Publisher publisher = new Publisher();
    int files =
        publisher.update(out, update(List.of("index.html", "en/kept.html")), FolderTimes.none());
    assertEquals(4, files);
    assertTrue(publisher.patchedInPlace(), "two left, two written: patched");
    assertEquals(folder, Files.getAttribute(out, "unix:ino"));
    assertEquals(expectedSite("home"), tree(out));
    assertEquals(List.of("site"), siblings(), "no staging or backup folder is left");
  }

  @Test
  void anUpdateThatWritesMostFilesAnewSwapsWithTheOthersLinkedIn() throws IOException {
    Path out = lastSite();
    Object folder = Files.getAttribute(out, "unix:ino");
    Object kept = Files.getAttribute(out.resolve("en/kept.html"), "unix:ino");
    Publisher publisher = new Publisher();
    int files =
        publisher.update(
            out, update(List.of("en/kept.html"), "index.html", "a new home"), FolderTimes.none());
    assertEquals(4, files);
    assertFalse(publisher.patchedInPlace(), "one left, three written: swapped");
    assertTrue(!folder.equals(Files.getAttribute(out, "unix:ino")), "a new folder");
    assertEquals(kept, Files.getAttribute(out.resolve("en/kept.html"), "unix:ino"), "linked in");
    assertEquals(expectedSite("a new home"), tree(out));
    assertEquals(List.of("site"), siblings(), "the old folder is removed");
  }

  @Test
  void aFailureAtAnyStepLeavesTheSiteAsItWas() throws IOException {
    Path out = lastSite();
    Map<String, String> before = tree(out);
    Path key = out.toAbsolutePath().normalize();
    AtomicInteger moves = new AtomicInteger();
    int failures = 0;
    try {
      for (int allowed = 0; ; allowed++) {
        int limit = allowed;
        moves.set(0);
        Patch.MOVERS.put(
            key,
            (from, to) -> {
              if (moves.incrementAndGet() > limit) {
                throw new IOException("refused (test)");
              }
              Patch.RENAME.move(from, to);
            });
        try {
          new Publisher().patch(out, newSite(), KEPT, FolderTimes.none());
          break;
        } catch (IOException e) {
          failures++;
          assertEquals(before, tree(out), "failing after " + limit + " moves");
          assertEquals(List.of("site"), siblings(), "failing after " + limit + " moves");
        }
      }
    } finally {
      Patch.MOVERS.remove(key);
    }
    // Four files moved aside, three moved in, one of them over an old file.
    assertEquals(7, failures, "a failure before each move");
    assertEquals("list of one", Files.readString(out.resolve("en/list.html")));
  }

  @Test
  void aFileInFoldersThatDoNotExistYetGetsThemAll() throws IOException {
    Path out = lastSite();

    new Publisher()
        .patch(
            out,
            pages("en/list.html", "list of one", "ar/countries/zz/2025/index.html", "a new year"),
            KEPT,
            FolderTimes.none());

    assertEquals("a new year", Files.readString(out.resolve("ar/countries/zz/2025/index.html")));
    assertEquals("list of one", Files.readString(out.resolve("en/list.html")));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void aFileWhereAnEmptyFolderWasTakesItsPlace() throws IOException {
    Path out = lastSite();
    Files.createDirectories(out.resolve("en/made-by-hand/empty"));

    new Publisher().patch(out, pages("en/made-by-hand", "a page now"), KEPT, FolderTimes.none());

    assertEquals("a page now", Files.readString(out.resolve("en/made-by-hand")));
    assertEquals(List.of("site"), siblings(), "the folder went with the backup");
  }

  @Test
  void anInterruptWhileFilesAreWrittenLeavesTheLastSiteAndNoStagingFolder() throws Exception {
    Path out = lastSite();
    Map<String, String> before = tree(out);
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread build =
        new Thread(
            () -> {
              try {
                new Publisher()
                    .patch(
                        out,
                        sink -> {
                          sink.write("en/list.html", stream -> stream.write('1'));
                          written.countDown();
                          try {
                            interrupted.await();
                          } catch (InterruptedException e) {
                            throw new IOException(e);
                          }
                          // the interrupt holds every sink from here on: this waits for good
                          sink.write("en/new/index.html", stream -> stream.write('2'));
                        },
                        KEPT,
                        FolderTimes.none());
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    build.setDaemon(true);
    build.start();
    assertTrue(written.await(30, TimeUnit.SECONDS), "the first file is written");

    assertFalse(Publisher.interruptAll(), "nothing was published");
    interrupted.countDown();

    assertEquals(before, tree(out));
    assertEquals(List.of("site"), siblings(), "the staging folder is gone");
    // the lock is free again: another build into the folder goes ahead
    new Publisher().patch(out, newSite(), KEPT, FolderTimes.none());
    assertEquals("list of one", Files.readString(out.resolve("en/list.html")));
    assertEquals(null, failure.get());
  }

  @Test
  void aKeptFileThatIsMissingStopsThePatchBeforeItChangesAnything() throws IOException {
    Path out = lastSite();
    Map<String, String> before = tree(out);
    IOException missing =
        assertThrows(
            IOException.class,
            () ->
                new Publisher()
                    .patch(
                        out, newSite(), Set.of("index.html", "en/gone.html"), FolderTimes.none()));
    assertTrue(missing.getMessage().contains("1 of the 2 files"), missing.getMessage());
    assertEquals(before, tree(out));
    assertEquals(List.of("site"), siblings());
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
