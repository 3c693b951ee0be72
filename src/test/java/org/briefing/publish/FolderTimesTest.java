package org.briefing.publish;

import static org.briefing.publish.PatchTest.pages;
import static org.briefing.publish.PatchTest.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A patch that knows when each folder last changed lists only the folders that changed since: the
 * files a reader would be served stay exactly those of the new site, whatever was added, removed or
 * dropped in by hand, as long as the folder's time shows it.
 */
class FolderTimesTest {

  @TempDir Path tmp;

  /** An hour ago, with milliseconds, as a file system keeps a folder's time. */
  private static final long AN_HOUR_AGO = System.currentTimeMillis() / 1000 * 1000 - 3_599_877;

  private static final List<String> LAST_FILES =
      List.of(
          "index.html",
          "en/kept.html",
          "en/list.html",
          "en/old/index.html",
          "en/old/cite.bib",
          "ar/kept.html");

  private static final Set<String> KEPT = Set.of("index.html", "en/kept.html", "ar/kept.html");

  /** A site published an hour ago: every folder's time is long settled. */
  private Path oldSite() throws IOException {
    Path out = tmp.resolve("site");
    new Publisher()
        .publish(
            out,
            pages(
                "index.html", "home",
                "en/kept.html", "kept",
                "en/list.html", "list of two",
                "en/old/index.html", "a removed record",
                "en/old/cite.bib", "its citation",
                "ar/kept.html", "محفوظ"));
    for (String folder : List.of("", "en", "en/old", "ar")) {
      setTime(out.resolve(folder), AN_HOUR_AGO);
    }
    return out;
  }

  private static void setTime(Path folder, long millis) throws IOException {
    Files.setLastModifiedTime(folder, FileTime.fromMillis(millis));
  }

  private static FolderTimes known(Path out) throws IOException {
    return new FolderTimes(FolderTimes.look(out, LAST_FILES), Set.copyOf(LAST_FILES));
  }

  private static Publisher.SiteWriter newSite() {
    return pages("en/list.html", "list of one", "en/new/index.html", "an added record");
  }

  private static final Map<String, String> NEW_SITE =
      new TreeMap<>(
          Map.of(
              "ar", "/",
              "ar/kept.html", "محفوظ",
              "en", "/",
              "en/kept.html", "kept",
              "en/list.html", "list of one",
              "en/new", "/",
              "en/new/index.html", "an added record",
              "index.html", "home"));

  @Test
  void foldersLongUnchangedAreTrustedAndRecentOnesAreNot() throws IOException {
    Path out = oldSite();
    Files.writeString(out.resolve("ar/new.html"), "just now");

    Map<String, Long> times = FolderTimes.look(out, LAST_FILES);

    assertEquals(Set.of("", "en", "en/old", "ar"), times.keySet(), "every folder, the top too");
    assertEquals(
        Map.of("", times.get(""), "a", FolderTimes.UNKNOWN, "a/b", FolderTimes.UNKNOWN),
        FolderTimes.look(out, List.of("a/b/page.html")),
        "a folder that holds only folders, and folders not there, whose time none can tell");
    assertEquals(AN_HOUR_AGO, times.get("en/old"));
    assertEquals(FolderTimes.UNKNOWN, times.get("ar"), "changed a moment ago: listed next time");
    assertEquals(FolderTimes.UNKNOWN, FolderTimes.settled(1_000_000, 1_001_999));
    assertEquals(1_000_000, FolderTimes.settled(1_000_000, 1_002_000));
  }

  @Test
  void filesDroppedInByHandAreFoundInTheFoldersTheyChanged() throws IOException {
    Path out = oldSite();
    FolderTimes times = known(out);
    Files.writeString(out.resolve("en/stray.txt"), "dropped in by hand");
    Files.createDirectories(out.resolve("ar/by-hand/deeper"));
    Files.writeString(out.resolve("ar/by-hand/deeper/page.html"), "a folder made by hand");

    new Publisher().patch(out, newSite(), KEPT, times);

    assertEquals(NEW_SITE, tree(out), "the stray and the folders it leaves empty go");
  }

  @Test
  void aFolderWhoseTimeIsAsRecordedIsNotListed() throws IOException {
    Path out = oldSite();
    FolderTimes times = known(out);
    // A change the folder's time does not show, as only a deliberate reset of it could make.
    Files.writeString(out.resolve("en/hidden.txt"), "hidden");
    setTime(out.resolve("en"), AN_HOUR_AGO / 1000 * 1000); // and cut to seconds, as tar keeps it

    new Publisher().patch(out, newSite(), KEPT, times);

    Map<String, String> expected = new TreeMap<>(NEW_SITE);
    expected.put("en/hidden.txt", "hidden");
    assertEquals(expected, tree(out), "the removed record's files go, found in the last site's");
  }

  @Test
  void aKeptFileRemovedByHandIsMissedAndNothingChanges() throws IOException {
    Path out = oldSite();
    FolderTimes times = known(out);
    Files.delete(out.resolve("ar/kept.html"));
    Map<String, String> before = tree(out);

    IOException missing =
        assertThrows(IOException.class, () -> new Publisher().patch(out, newSite(), KEPT, times));

    assertTrue(missing.getMessage().contains("1 of the 3 files"), missing.getMessage());
    assertEquals(before, tree(out));
  }

  @Test
  void theTimesAPatchRecordsFindWhatIsDroppedInAfterIt() throws IOException {
    Path out = oldSite();
    FolderTimes first = known(out);
    new Publisher().patch(out, newSite(), KEPT, first);
    Map<String, Long> next = first.next();
    assertEquals(AN_HOUR_AGO, next.get("ar"), "read before the patch, and long settled");
    assertEquals(AN_HOUR_AGO, next.get("en"), "read before the patch changed it");
    assertFalse(next.containsKey("en/new"), "made by the patch, which changed its parent");

    Files.writeString(out.resolve("en/new/stray.html"), "dropped into a folder the patch made");
    Files.writeString(out.resolve("en/stray.html"), "dropped into a folder the patch changed");
    Files.writeString(out.resolve("ar/hidden.html"), "behind a folder time set back");
    setTime(out.resolve("ar"), AN_HOUR_AGO);
    Set<String> files =
        Set.of("index.html", "en/kept.html", "en/list.html", "en/new/index.html", "ar/kept.html");
    new Publisher().patch(out, pages(), files, new FolderTimes(next, files)); // nothing rendered

    Map<String, String> expected = new TreeMap<>(NEW_SITE);
    expected.put("ar/hidden.html", "behind a folder time set back");
    assertEquals(expected, tree(out));
  }

  @Test
  void nothingKnownListsEveryFolderAndLearnsTheirTimes() throws IOException {
    Path out = oldSite();
    Files.writeString(out.resolve("en/old/stray.txt"), "dropped in by hand");
    setTime(out.resolve("en/old"), AN_HOUR_AGO);
    FolderTimes times = FolderTimes.none();

    new Publisher().patch(out, newSite(), KEPT, times);

    assertEquals(NEW_SITE, tree(out));
    assertEquals(AN_HOUR_AGO, times.next().get(""), "the top, listed first");
    assertEquals(AN_HOUR_AGO, times.next().get("ar"));
    assertTrue(Files.isDirectory(out.resolve("en/new"), LinkOption.NOFOLLOW_LINKS));
    assertEquals(List.of("site"), siblings());
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
