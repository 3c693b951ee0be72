package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.bench.CorpusGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a change that renders every file again (the strings here, which any file may show; the
 * program or an option does the same), the build still patches the folder the last one left: the
 * files that come out as they are stay where they are, untouched, and only those whose bytes
 * changed are written. The result is a clean build's, byte for byte.
 */
@Tag("slow") // a few builds of 150 records: left out of mutation runs
class ChangedTemplateTest {

  @TempDir Path tmp;

  @Test
  void aChangeToTheStringsWritesOnlyTheFilesThatChanged() throws IOException {
    Path content = tmp.resolve("corpus");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(150), content);
    Path templates = TestFiles.copyTree(SeedSite.TEMPLATES, tmp.resolve("templates"));
    Path out = tmp.resolve("site-output");
    assertTrue(build(content, templates, out).ok());
    Map<String, byte[]> before = ReusedBuildTest.read(out);
    Map<String, Object> inodes = inodes(out, before);
    Object folder = Files.getAttribute(out, "unix:ino");
    Files.writeString(out.resolve("stray.html"), "dropped in by hand");

    // The label of a record's date, shown on its page only.
    Path strings = templates.resolve("strings.yaml");
    String words = Files.readString(strings);
    String label = "date: {en: Date, ar: التاريخ}";
    assertTrue(words.contains(label), "the strings name the date");
    Files.writeString(strings, words.replace(label, "date: {en: Dated, ar: تاريخه}"));
    SiteBuilder.Outcome changed = build(content, templates, out);

    assertTrue(changed.ok(), changed.problems().toString());
    assertEquals(changed.files(), changed.rendered(), "the strings render everything again");
    assertEquals(folder, Files.getAttribute(out, "unix:ino"), "the folder is patched in place");
    Path clean = tmp.resolve("clean");
    assertTrue(new SiteBuilder().build(options(content, templates, clean), false).ok());
    Map<String, byte[]> expected = ReusedBuildTest.read(clean);
    ReusedBuildTest.assertSame(expected, ReusedBuildTest.read(out), "after the template change");

    int differ = 0;
    int inPlace = 0;
    for (var file : expected.entrySet()) {
      String path = file.getKey();
      Object inode = Files.getAttribute(out.resolve(path), "unix:ino");
      if (!Arrays.equals(file.getValue(), before.get(path))) {
        differ++;
        assertNotEquals(inodes.get(path), inode, path + " is written anew");
      } else if (inode.equals(inodes.get(path))) {
        inPlace++;
      } else {
        assertFalse(path.endsWith(".bib") || path.endsWith(".ris"), path + " is left in place");
      }
    }
    assertTrue(differ >= 300, "each record's two pages changed: " + differ);
    assertTrue(inPlace > expected.size() / 2, "most files are left in place: " + inPlace);
    assertEquals(
        expected.size() - inPlace, changed.written(), "only the files not left are written");
    SiteBuilder.Outcome again = build(content, templates, out);
    assertEquals(0, again.rendered(), "the next build reuses this one");
    assertFalse(Files.exists(out.resolve("stray.html")), "a file dropped in by hand goes");

    // The state it left serves a record added next as well as a clean build's would.
    Path record;
    try (Stream<Path> records = Files.list(content.resolve("engagements"))) {
      record = records.sorted().findFirst().orElseThrow();
    }
    Path added = TestFiles.copyTree(record, record.resolveSibling(record.getFileName() + "-again"));
    Path en = added.resolve("en.md");
    Files.writeString(en, Files.readString(en).replaceFirst("title: .*", "title: \"Added\""));
    SiteBuilder.Outcome next = build(content, templates, out);
    assertTrue(next.rendered() < next.files() / 4, "a few files only: " + next.rendered());
    Path cleanAgain = tmp.resolve("clean-again");
    assertTrue(new SiteBuilder().build(options(content, templates, cleanAgain), false).ok());
    ReusedBuildTest.assertSame(
        ReusedBuildTest.read(cleanAgain), ReusedBuildTest.read(out), "after a record added");
  }

  @Test
  void aChangeThatRewritesMostFilesSwapsInANewFolderWithTheRestLinkedIn() throws IOException {
    Path content = tmp.resolve("corpus");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(40), content);
    Path out = tmp.resolve("site-output");
    assertTrue(build(options(content, out, "https://one.example/")).ok());
    Map<String, byte[]> before = ReusedBuildTest.read(out);
    Map<String, Object> inodes = inodes(out, before);
    Object folder = Files.getAttribute(out, "unix:ino");

    // Another base address changes every page's and citation's links.
    SiteBuilder.Outcome moved = build(options(content, out, "https://two.example/"));
    assertTrue(moved.ok(), moved.problems().toString());
    assertTrue(moved.written() > moved.files() / 2, "most files change: " + moved.written());
    assertNotEquals(folder, Files.getAttribute(out, "unix:ino"), "a new folder is swapped in");
    Path clean = tmp.resolve("clean");
    SiteBuilder.Options cleanOptions = options(content, clean, "https://two.example/");
    assertTrue(new SiteBuilder().build(cleanOptions, false).ok());
    Map<String, byte[]> expected = ReusedBuildTest.read(clean);
    ReusedBuildTest.assertSame(expected, ReusedBuildTest.read(out), "after the new address");
    int linked = 0;
    for (var file : expected.entrySet()) {
      if (Arrays.equals(file.getValue(), before.get(file.getKey()))) {
        assertEquals(
            inodes.get(file.getKey()),
            Files.getAttribute(out.resolve(file.getKey()), "unix:ino"),
            file.getKey() + " came out the same and is linked into the new folder");
        linked++;
      }
    }
    assertEquals(moved.files() - moved.written(), linked, "the files left are those linked in");
    assertEquals(0, build(options(content, out, "https://two.example/")).rendered());
  }

  private static SiteBuilder.Outcome build(Path content, Path templates, Path out)
      throws IOException {
    return build(options(content, templates, out));
  }

  private static SiteBuilder.Outcome build(SiteBuilder.Options options) throws IOException {
    return new SiteBuilder().buildReusing(options);
  }

  private static SiteBuilder.Options options(Path content, Path templates, Path out) {
    return new SiteBuilder.Options(content, templates, out, Optional.empty(), false, false);
  }

  private static SiteBuilder.Options options(Path content, Path out, String baseUrl) {
    return new SiteBuilder.Options(
        content, SeedSite.TEMPLATES, out, Optional.of(baseUrl), false, false);
  }

  private static Map<String, Object> inodes(Path out, Map<String, byte[]> files)
      throws IOException {
    Map<String, Object> inodes = new TreeMap<>();
    for (String path : files.keySet()) {
      inodes.put(path, Files.getAttribute(out.resolve(path), "unix:ino"));
    }
    return inodes;
  }
}
