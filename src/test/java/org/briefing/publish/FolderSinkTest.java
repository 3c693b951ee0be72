package org.briefing.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staging folder's sink: a file a build finds unchanged is kept from the current site, in place
 * for a patch or by a link for a swap, and is then claimed like a written one.
 */
class FolderSinkTest {

  @TempDir Path tmp;

  private Path current() throws IOException {
    Path current = tmp.resolve("site-output");
    Files.createDirectories(current.resolve("en/search"));
    Files.writeString(current.resolve("en/search/index.js"), "kept", StandardCharsets.UTF_8);
    return current;
  }

  @Test
  void aSinkWithoutACurrentSiteCannotKeepAFile() throws IOException {
    FolderSink sink = new FolderSink(Files.createDirectories(tmp.resolve("staging")));
    assertThrows(UnsupportedOperationException.class, () -> sink.keepAsIs("en/search/index.js"));
    assertEquals(0, sink.count());
  }

  @Test
  void aPatchLeavesAKeptFileInPlaceAndCountsIt() throws IOException {
    Path current = current();
    Path staging = Files.createDirectories(tmp.resolve("staging"));
    FolderSink sink = new FolderSink(staging).over(current, true);
    sink.keepAsIs("en/search/index.js");
    assertEquals(Set.of("en/search/index.js"), sink.keptAsIs());
    assertEquals(1, sink.count());
    assertFalse(Files.exists(staging.resolve("en/search/index.js")), "nothing staged for it");
    assertThrows(
        IllegalArgumentException.class,
        () -> sink.write("en/search/index.js", out -> out.write(1)),
        "a kept file is not written as well");
    assertThrows(IllegalArgumentException.class, () -> sink.reserve("en/search/index.js"));
  }

  @Test
  void aSwapLinksAKeptFileIntoTheNewSite() throws IOException {
    Path current = current();
    Path staging = Files.createDirectories(tmp.resolve("staging"));
    FolderSink sink = new FolderSink(staging).over(current, false);
    sink.keepAsIs("en/search/index.js");
    Path kept = staging.resolve("en/search/index.js");
    assertTrue(Files.isRegularFile(kept));
    assertEquals("kept", Files.readString(kept));
    assertEquals(
        Files.getAttribute(current.resolve("en/search/index.js"), "unix:ino"),
        Files.getAttribute(kept, "unix:ino"),
        "the same file, linked");
    assertEquals(Set.of(), sink.keptAsIs(), "the swap takes it with the new folder");
    assertEquals(1, sink.count());
  }

  @Test
  void aPatchsFilesAreWrittenSideBySideWithoutFolders() throws IOException {
    Path current = current();
    Path staging = Files.createDirectories(tmp.resolve("staging"));
    FolderSink sink = FolderSink.flat(staging, new ReentrantReadWriteLock()).over(current, true);
    sink.write("en/engagements/a/index.html", out -> out.write('a'));
    sink.write("ar/engagements/b/index.html", out -> out.write('b'));
    sink.keepAsIs("en/search/index.js");
    try (var entries = Files.list(staging)) {
      assertTrue(entries.allMatch(Files::isRegularFile), "no folder is made for the site's tree");
    }
    var staged = sink.staged();
    assertEquals(
        List.of("ar/engagements/b/index.html", "en/engagements/a/index.html"),
        List.copyOf(staged.keySet()),
        "each file by its path in the site, in order");
    assertEquals("a", Files.readString(staged.get("en/engagements/a/index.html")));
    assertEquals("b", Files.readString(staged.get("ar/engagements/b/index.html")));
    assertEquals(staging, staged.get("en/engagements/a/index.html").getParent());
    assertEquals(3, sink.count());
    assertThrows(
        IllegalArgumentException.class,
        () -> sink.write("en/engagements/a/index.html", out -> out.write('c')),
        "each path once only");
    assertThrows(
        IllegalArgumentException.class,
        () -> sink.write("../outside.html", out -> out.write('c')),
        "nor outside the site");
    assertThrows(
        IllegalStateException.class,
        () -> sink.keep("en/x.html", current.resolve("en/search/index.js")),
        "a patch's sink writes files; it takes none over");
    assertThrows(
        IllegalStateException.class,
        () -> new FolderSink(staging).staged(),
        "a tree is walked, not listed");
  }
}
