package org.briefing.content;

import static org.briefing.content.LoadedRecords.inMemory;
import static org.briefing.content.LoadedRecords.messages;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.briefing.TestFiles;
import org.briefing.model.Translation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that remembers the YAML it read takes unchanged files from memory, and reads exactly what
 * a build that parses everything reads: the same values at the same lines, every problem reported
 * again, every edit seen.
 */
class ParsedYamlTest {

  @TempDir Path temp;

  private Path content;
  private Path memory;

  @BeforeEach
  void copySeeds() throws IOException {
    content = TestFiles.copyTree(Path.of("content"), temp.resolve("content"));
    memory = temp.resolve("state").resolve("yaml.bin");
  }

  /** Loads the content with the memory of the last load, and keeps this load's for the next. */
  private LoadedContent loadRemembering(int[] parsed) throws IOException {
    ParsedYaml yaml = ParsedYaml.read(memory);
    LoadedContent loaded = new ContentLoader(yaml).load(content);
    parsed[0] = yaml.parsed();
    try (PendingFile kept = yaml.keepBeside(memory)) {
      kept.keep();
    }
    return loaded;
  }

  @Test
  void unchangedFilesAreTakenFromMemoryAndReadAsParsingThemWould() throws IOException {
    int[] parsed = {0};
    LoadedContent first = loadRemembering(parsed);
    int firstParsed = parsed[0];
    LoadedContent second = loadRemembering(parsed);

    // Every record has a facts file and two front matters; all were parsed once, then none.
    assertTrue(firstParsed >= 3 * first.records().size(), "parsed at first: " + firstParsed);
    assertEquals(0, parsed[0], "parsed again with nothing changed");
    assertEquals(inMemory(new ContentLoader().load(content)), inMemory(second));
    assertEquals(first.site(), second.site());
    assertEquals(first.countries(), second.countries());
    assertTrue(second.problems().isEmpty(), second.problems().toString());
  }

  @Test
  void anEditedFileIsParsedAgainAndItsNewValueRead() throws IOException {
    int[] parsed = {0};
    loadRemembering(parsed);
    Path record = firstRecord();
    Path facts = record.resolve("engagement.yaml");
    String before = Files.readString(facts);
    Files.writeString(facts, before.replaceFirst("(?m)^status: \\w+", "status: confirmed"));
    assertNotEquals(before, Files.readString(facts), "the seed record has a status to edit");

    LoadedContent loaded = loadRemembering(parsed);

    assertEquals(1, parsed[0]);
    YamlNode.Mapping read = (YamlNode.Mapping) facts(loaded, record).root();
    assertEquals("confirmed", ((YamlNode.Scalar) read.entries().get("status")).text());
    assertEquals(inMemory(new ContentLoader().load(content)), inMemory(loaded));
  }

  @Test
  void aProblemIsReportedAgainOnEveryLoad() throws IOException {
    int[] parsed = {0};
    loadRemembering(parsed);
    Path en = firstRecord().resolve("en.md");
    String text = Files.readString(en, StandardCharsets.UTF_8);
    Files.writeString(en, text.replaceFirst("\ntitle:", "\ntitle: one\ntitle:"));

    List<String> first = messages(loadRemembering(parsed));
    List<String> second = messages(loadRemembering(parsed));

    assertTrue(first.stream().anyMatch(m -> m.contains("duplicate key \"title\"")), "" + first);
    assertEquals(first, second);
    assertEquals(1, parsed[0], "the file with the problem is parsed each time");
  }

  @Test
  void bodiesOfFilesReadBeforeStayOnDiskUntilAPageNeedsThem() throws IOException {
    int[] parsed = {0};
    LoadedContent first = loadRemembering(parsed);
    LoadedContent second = loadRemembering(parsed);
    Path record = firstRecord();
    MarkdownFile before = text(first, record, "en");
    MarkdownFile after = text(second, record, "en");

    assertEquals(Translation.InMemory.class, before.body().getClass(), "a new file is held");
    assertEquals(MarkdownFile.OnDisk.class, after.body().getClass(), "a known one is left");
    assertEquals(before.body().text(), after.body().text());
    assertTrue(after.body().text().length() > 100, "a seed record's body");

    // The body edited, the front matter as it was: still left on disk, and read as it is now.
    Path ar = record.resolve("ar.md");
    Files.writeString(ar, Files.readString(ar) + "\nفقرة أضيفت.\n");
    LoadedContent third = loadRemembering(parsed);
    MarkdownFile edited = text(third, record, "ar");
    assertEquals(MarkdownFile.OnDisk.class, edited.body().getClass(), "its front matter known");
    assertTrue(edited.body().text().endsWith("\nفقرة أضيفت.\n"), edited.body().text());

    // Saved again before its page is made: the build stops rather than publish a stale page.
    Files.writeString(record.resolve("en.md"), "\nEdited.", StandardOpenOption.APPEND);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> after.body().text());
    assertTrue(e.getMessage().contains("changed while the site was being built"), e.getMessage());
  }

  @Test
  void filesReadWholeBeforeAreReadFromTheirFrontMatterAsReadingThemWholeWould() throws IOException {
    Path record = firstRecord();
    Path en = record.resolve("en.md");
    Path ar = record.resolve("ar.md");
    byte[] mark = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    Files.write(en, concat(mark, Files.readAllBytes(en))); // saved with a byte order mark
    Files.writeString(ar, Files.readString(ar).replace("\n", "\r\n")); // with Windows lines
    int[] parsed = {0};
    ParsedYaml yaml = ParsedYaml.read(memory);
    ContentLoader firstLoader = new ContentLoader(yaml);
    LoadedContent first = firstLoader.load(content);
    assertEquals(0, firstLoader.readFromFrontMatter(), "nothing known on a first load");
    try (PendingFile kept = yaml.keepBeside(memory)) {
      kept.keep();
    }
    ParsedYaml again = ParsedYaml.read(memory);
    ContentLoader secondLoader = new ContentLoader(again);
    LoadedContent second = secondLoader.load(content);
    int files = (int) second.records().stream().mapToLong(r -> r.texts().size()).sum();
    assertEquals(
        files - 1,
        secondLoader.readFromFrontMatter(),
        "every file, the one with a byte order mark too, but the one with carriage returns");
    assertEquals(inMemory(new ContentLoader().load(content)), inMemory(second));
    assertEquals(inMemory(first), inMemory(second));
    assertEquals(MarkdownFile.OnDisk.class, text(second, record, "en").body().getClass());
    assertTrue(text(second, record, "en").body().text().length() > 100);
    try (PendingFile kept = again.keepBeside(memory)) {
      kept.keep();
    }
    ContentLoader thirdLoader = new ContentLoader(ParsedYaml.read(memory));
    assertEquals(inMemory(second), inMemory(thirdLoader.load(content)));
    assertEquals(files - 1, thirdLoader.readFromFrontMatter(), "and noted again for the next");

    // The same front matter over a body no longer UTF-8: the body is decoded, and reported.
    byte[] bytes = Files.readAllBytes(en);
    Files.write(en, concat(bytes, new byte[] {(byte) 0xc3, '\n'}));
    LoadedContent broken = loadRemembering(parsed);
    assertTrue(
        messages(broken).stream().anyMatch(m -> m.contains("en.md") && m.contains("UTF-8")),
        messages(broken).toString());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Test
  void whatWasReadIsKeptOnlyWhenTheBuildSaysSo() throws IOException {
    Path fresh = temp.resolve("new-state").resolve("yaml.bin");
    ParsedYaml yaml = ParsedYaml.read(fresh);
    new ContentLoader(yaml).load(content);
    try (PendingFile read = yaml.keepBeside(fresh)) {
      assertFalse(Files.exists(fresh), "not in place before the build publishes");
    }
    assertFalse(Files.exists(fresh.getParent()), "a failed build leaves no folder behind");

    ParsedYaml again = ParsedYaml.read(fresh);
    new ContentLoader(again).load(content);
    try (PendingFile read = again.keepBeside(fresh)) {
      read.keep();
    }
    assertEquals(List.of(fresh), Files.list(fresh.getParent()).toList(), "kept, and only it");
  }

  /** A time no build writes: a memory file still at it was not written again. */
  private static final FileTime MARK = FileTime.fromMillis(86_400_000L);

  private boolean memoryWritten() throws IOException {
    boolean written = !MARK.equals(Files.getLastModifiedTime(memory));
    Files.setLastModifiedTime(memory, MARK);
    return written;
  }

  @Test
  void aLoadThatReadNothingNewLeavesTheMemoryFileAlone() throws IOException {
    int[] parsed = {0};
    loadRemembering(parsed); // files saved just now: their folders are not remembered
    assertTrue(memoryWritten());
    loadRemembering(parsed);
    assertFalse(memoryWritten(), "the same texts and files: nothing to write");
    try (var files = Files.list(memory.getParent())) {
      assertEquals(List.of(memory), files.toList(), "and nothing left beside it");
    }

    Path en = firstRecord().resolve("en.md");
    Files.writeString(en, "\nA paragraph added below.\n", StandardOpenOption.APPEND);
    loadRemembering(parsed);
    assertEquals(0, parsed[0], "the front matter is the same text");
    assertTrue(memoryWritten(), "but the file read whole is not the same");
  }

  @Test
  void aRecordFolderSeenAnewIsWrittenToTheMemory() throws IOException {
    FileTime hourAgo = TestFiles.settle(content);
    int[] parsed = {0};
    loadRemembering(parsed);
    assertTrue(memoryWritten());
    loadRemembering(parsed);
    assertFalse(memoryWritten(), "every folder taken unread: nothing to write");

    // Only the folder's time moves: its files and texts are as remembered, the folder is not.
    Files.setLastModifiedTime(firstRecord(), FileTime.fromMillis(hourAgo.toMillis() + 1_000));
    loadRemembering(parsed);
    assertEquals(0, parsed[0]);
    assertTrue(memoryWritten(), "the folder's new time is remembered");
  }

  @Test
  void theMemoryHasTheSameBytesWhateverMemoryItWasWrittenFrom() throws IOException {
    int[] parsed = {0};
    loadRemembering(parsed);
    // Records added before and after every other, and one removed, since the memory was written.
    Path records = content.resolve("engagements");
    List<Path> folders;
    try (var list = Files.list(records)) {
      folders = list.sorted().toList();
    }
    TestFiles.copyTree(folders.get(1), records.resolve("0000-first"));
    TestFiles.copyTree(folders.get(1), records.resolve("zzzz-last"));
    try (var files = Files.walk(folders.get(2))) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
    loadRemembering(parsed);
    byte[] fromMemory = Files.readAllBytes(memory);

    Files.delete(memory);
    loadRemembering(parsed);
    assertArrayEquals(Files.readAllBytes(memory), fromMemory);
  }

  @Test
  void aDamagedMemoryIsIgnored() throws IOException {
    int[] parsed = {0};
    loadRemembering(parsed);
    byte[] bytes = Files.readAllBytes(memory);
    // Cut off mid-entry, and then a length that claims more than the file holds.
    Files.write(memory, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    LoadedContent cut = loadRemembering(parsed);
    assertTrue(parsed[0] > 0);
    bytes[8] = (byte) 0x7f;
    Files.write(memory, bytes);
    LoadedContent garbled = loadRemembering(parsed);

    LoadedContent parsedAll = new ContentLoader().load(content);
    assertEquals(inMemory(parsedAll), inMemory(cut));
    assertEquals(inMemory(parsedAll), inMemory(garbled));
  }

  @Test
  void nodesComeBackWithTheirPositionsInTheFileAskedFor() {
    Path file = temp.resolve("x.yaml");
    List<Problem> problems = new ArrayList<>();
    String text = "a: [1, \"two\", ~]\nb:\n  c: ''\n  d:\n    - e: f\n";
    YamlNode node = new YamlReader().read(file, text, 4, problems).orElseThrow();
    Path elsewhere = temp.resolve("y.yaml");

    Optional<YamlNode> back = NodeCodec.decode(elsewhere, NodeCodec.encode(node));

    assertTrue(problems.isEmpty());
    assertEquals(
        new YamlReader().read(elsewhere, text, 4, new ArrayList<>()).orElseThrow(), back.get());
    assertEquals(Optional.empty(), NodeCodec.decode(file, new byte[] {3, 0, 0, 0, 9}));
  }

  @Test
  void mappingsComeBackInTheOrderWrittenAndCannotBeChanged() {
    Path file = temp.resolve("x.yaml");
    String text = "zeta: 1\nalpha:\n  q: x\n  b: y\nmid: [a]\n";
    YamlNode node = new YamlReader().read(file, text, 0, new ArrayList<>()).orElseThrow();

    YamlNode.Mapping back =
        (YamlNode.Mapping) NodeCodec.decode(file, NodeCodec.encode(node)).orElseThrow();

    assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(back.entries().keySet()));
    assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(back.keyPositions().keySet()));
    YamlNode.Mapping inner = (YamlNode.Mapping) back.entries().get("alpha");
    assertEquals(List.of("q", "b"), List.copyOf(inner.entries().keySet()));
    assertEquals("y", ((YamlNode.Scalar) inner.entries().get("b")).text());
    assertEquals(5, back.keyPositions().get("mid").line());
    assertTrue(back.entries().containsKey("mid"));
    assertTrue(back.entries().containsKey("zeta"), "the first key too");
    assertEquals(3, back.entries().entrySet().size());
    var entries = back.entries().entrySet().iterator();
    for (int i = 0; i < 3; i++) {
      entries.next();
    }
    assertFalse(entries.hasNext());
    assertThrows(java.util.NoSuchElementException.class, entries::next);
    assertFalse(back.entries().containsKey("b"));
    assertEquals(null, back.entries().get("b"));
    assertEquals(((YamlNode.Mapping) node).entries().toString(), back.entries().toString());
    assertThrows(UnsupportedOperationException.class, () -> back.entries().put("x", node));
    assertThrows(UnsupportedOperationException.class, () -> back.entries().remove("zeta"));
  }

  @Test
  void aMemoryGivingAMappingOneKeyTwiceIsNotBelieved() {
    Path file = temp.resolve("x.yaml");
    YamlNode node = new YamlReader().read(file, "a: x\nb: y\n", 0, new ArrayList<>()).orElseThrow();
    byte[] nodes = NodeCodec.encode(node);
    for (int i = 4; i < nodes.length; i++) { // the second key, "b", made an "a"
      if (nodes[i] == 'b' && nodes[i - 1] == 1 && nodes[i - 2] == 0) {
        nodes[i] = 'a';
      }
    }

    assertEquals(Optional.empty(), NodeCodec.decode(file, nodes));
  }

  @Test
  void aRecordsHashFollowsItsBytes() throws IOException {
    Path record = firstRecord();
    String id = record.getFileName().toString();
    String before = hash(id);
    assertEquals(before, hash(id));
    Files.writeString(record.resolve("ar.md"), " ", StandardOpenOption.APPEND);
    String appended = hash(id);
    assertNotEquals(before, appended);

    // One letter for another, the length unchanged.
    Path en = record.resolve("en.md");
    String text = Files.readString(en);
    int at = text.lastIndexOf('e');
    Files.writeString(en, text.substring(0, at) + "a" + text.substring(at + 1));
    String swapped = hash(id);
    assertNotEquals(appended, swapped);

    // The same bytes, one moved from the end of one file to the start of the next.
    Path ar = record.resolve("ar.md");
    byte[] arBytes = Files.readAllBytes(ar);
    Files.write(ar, java.util.Arrays.copyOf(arBytes, arBytes.length - 1));
    Files.write(en, concat(new byte[] {arBytes[arBytes.length - 1]}, Files.readAllBytes(en)));
    assertNotEquals(swapped, hash(id), "each file's length counts, not only the bytes in order");

    // Another record with the very same files.
    Path twin = TestFiles.copyTree(record, record.resolveSibling(id + "-twin"));
    assertNotEquals(hash(id), hash(twin.getFileName().toString()), "the id counts too");
  }

  private String hash(String id) {
    return new ContentLoader()
        .load(content).records().stream()
            .filter(folder -> folder.id().equals(id))
            .findFirst()
            .orElseThrow()
            .hash();
  }

  private Path firstRecord() throws IOException {
    try (var records = Files.list(content.resolve("engagements"))) {
      return records.sorted().findFirst().orElseThrow();
    }
  }

  private static MarkdownFile text(LoadedContent loaded, Path record, String lang) {
    return loaded.records().stream()
        .filter(folder -> folder.dir().equals(record))
        .findFirst()
        .orElseThrow()
        .texts()
        .get(lang);
  }

  private static YamlDocument facts(LoadedContent loaded, Path record) {
    return loaded.records().stream()
        .filter(folder -> folder.dir().equals(record))
        .findFirst()
        .orElseThrow()
        .facts()
        .orElseThrow();
  }
}
