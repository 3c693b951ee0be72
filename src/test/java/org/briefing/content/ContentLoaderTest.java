package org.briefing.content;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a content folder from disk, before any rule is checked: language files split into front
 * matter and body, files saved by any editor read alike, and stray or unreadable files named so the
 * editor can fix them.
 */
class ContentLoaderTest {

  private static final String ID = "2025-01-20-qatar-syria-civil-defence-agreement";

  private static final String EN =
      """
      ---
      title: Syrian Civil Defence and Qatar sign an agreement
      summary: Training and equipment.
      ---
      On 20 January 2025 the agreement was announced.
      """;

  @TempDir Path content;

  private Path recordDir;

  @BeforeEach
  void sharedFiles() throws IOException {
    Files.writeString(content.resolve("site.yaml"), "base_url: https://example.org/\n");
    Files.writeString(content.resolve("countries.yaml"), "QA: {en: Qatar, ar: قطر}\n");
    Files.writeString(content.resolve("vocabulary.yaml"), "types: {}\n");
    recordDir = Files.createDirectories(content.resolve("engagements").resolve(ID));
    Files.writeString(recordDir.resolve("engagement.yaml"), "date: 2025-01-20\n");
  }

  private LoadedContent load() {
    return new ContentLoader().load(content);
  }

  private static List<String> formatted(LoadedContent loaded) {
    return loaded.problems().stream().map(Problem::format).toList();
  }

  @Test
  void recordsMadeOutOfNameOrderAreStillReadInNameOrder() throws IOException {
    // Made newest name first, so the file system keeps them in the reverse of their names' order:
    // the loader reads them in its own order and must still hand them on by name.
    List<String> ids = new java.util.ArrayList<>();
    for (int day = 29; day >= 21; day--) {
      String id = "2025-01-" + day + "-qatar-syria-visit";
      Path dir = Files.createDirectories(content.resolve("engagements").resolve(id));
      Files.writeString(dir.resolve("engagement.yaml"), "date: 2025-01-" + day + "\n");
      ids.add(0, id);
    }
    ids.add(0, ID);

    LoadedContent loaded = load();

    assertEquals(ids, loaded.records().stream().map(RecordFolder::id).toList());
    assertEquals(
        List.of(), formatted(loaded).stream().filter(p -> p.contains("could not")).toList());
  }

  @Test
  void aLanguageFileIsSplitIntoFrontMatterAndBody() throws IOException {
    Files.writeString(recordDir.resolve("en.md"), EN, StandardCharsets.UTF_8);

    LoadedContent loaded = load();

    assertEquals(List.of(), formatted(loaded));
    MarkdownFile en = loaded.records().get(0).texts().get("en");
    YamlNode.Mapping front =
        assertInstanceOf(YamlNode.Mapping.class, en.frontMatter().orElseThrow());
    YamlNode.Scalar title = (YamlNode.Scalar) front.entries().get("title");
    assertAll(
        () -> assertEquals("Syrian Civil Defence and Qatar sign an agreement", title.text()),
        // the title is on line 2 of en.md, after the opening fence; "title: " is 7 characters
        () -> assertEquals(new Position(recordDir.resolve("en.md"), 2, 8), title.position()),
        () -> assertEquals("On 20 January 2025 the agreement was announced.\n", en.body().text()));
  }

  @Test
  void aFileSavedWithAByteOrderMarkAndWindowsLineEndsReadsTheSame() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = EN.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(text, 0, bytes, bom.length, text.length);
    Files.write(recordDir.resolve("en.md"), bytes);

    LoadedContent loaded = load();

    assertEquals(List.of(), formatted(loaded));
    MarkdownFile en = loaded.records().get(0).texts().get("en");
    YamlNode.Mapping front = (YamlNode.Mapping) en.frontMatter().orElseThrow();
    assertEquals(
        "Syrian Civil Defence and Qatar sign an agreement",
        ((YamlNode.Scalar) front.entries().get("title")).text());
    assertEquals("On 20 January 2025 the agreement was announced.\n", en.body().text());
  }

  @Test
  void aLanguageFileLinkedToAFileInsideTheContentFolderReadsAsThatFile() throws IOException {
    // Long enough that reading through the link, whose own size says nothing, takes several reads.
    String body = "On 20 January 2025 the agreement was announced.\n".repeat(200);
    Path shared = Files.writeString(content.resolve("shared-en.md"), EN + body);
    Files.createSymbolicLink(recordDir.resolve("en.md"), shared);

    LoadedContent loaded = load();

    assertEquals(List.of(), formatted(loaded));
    MarkdownFile en = loaded.records().get(0).texts().get("en");
    assertEquals("On 20 January 2025 the agreement was announced.\n" + body, en.body().text());
  }

  @Test
  void aLanguageFileWithoutFrontMatterIsReportedAtItsFirstLine() throws IOException {
    Files.writeString(recordDir.resolve("en.md"), "Just a body.\n");

    assertEquals(
        List.of(
            recordDir.resolve("en.md")
                + ":1:1: must start with a front matter"
                + " block: a line `---`, then `title:` and `summary:`, then another `---`"),
        formatted(load()));
  }

  @Test
  void anUnclosedFrontMatterIsReported() throws IOException {
    Files.writeString(recordDir.resolve("en.md"), "---\ntitle: T\nsummary: S\nBody\n");

    List<String> problems = formatted(load());

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(recordDir.resolve("en.md") + ":1:1: the front matter is" + " never closed"),
        problems.toString());
  }

  @Test
  void aMisnamedFileInARecordSuggestsTheNameItResembles() throws IOException {
    Files.writeString(recordDir.resolve("eng.md"), EN);

    assertEquals(
        List.of(
            recordDir.resolve("eng.md")
                + ": is not part of a record; a record"
                + " folder holds only engagement.yaml, ar.md and en.md (did you mean en.md?)"),
        formatted(load()));
  }

  @Test
  void aFactsFileOfOnlyCommentsIsReportedNotSkipped() throws IOException {
    Files.writeString(recordDir.resolve("engagement.yaml"), "# date: 2025-01-20\n\n# to do\n");
    Files.writeString(recordDir.resolve("en.md"), EN);

    assertEquals(
        List.of(
            recordDir.resolve("engagement.yaml")
                + ": holds no `key: value` lines, only comments or blank lines;"
                + " see CONTRIBUTING.md for what it holds"),
        formatted(load()));
  }

  @Test
  void aRecordWithoutItsFactsFileIsNamed() throws IOException {
    Files.delete(recordDir.resolve("engagement.yaml"));
    Files.writeString(recordDir.resolve("en.md"), EN);

    assertEquals(
        List.of(
            recordDir.resolve("engagement.yaml")
                + ": is missing; every record"
                + " needs its facts file (run `new` to scaffold one)"),
        formatted(load()));
  }

  @Test
  void aFileThatIsNotUtf8IsReportedRatherThanMisread() throws IOException {
    // "قطر" in Windows-1256, a common Arabic legacy encoding
    Files.write(
        recordDir.resolve("en.md"),
        new byte[] {
          '-',
          '-',
          '-',
          '\n',
          't',
          ':',
          ' ',
          (byte) 0xE2,
          (byte) 0xD8,
          (byte) 0xD1,
          '\n',
          '-',
          '-',
          '-',
          '\n'
        });

    assertEquals(
        List.of(
            recordDir.resolve("en.md")
                + ": is not valid UTF-8 text; save it as"
                + " UTF-8 in your editor"),
        formatted(load()));
  }

  @Test
  void aReplacementCharacterWrittenInValidUtf8IsTextNotAnError() throws IOException {
    // U+FFFD is what a lenient decoder puts for bad bytes; written on purpose, it is valid text.
    Files.writeString(recordDir.resolve("en.md"), EN.replace("announced", "announced \uFFFD"));

    LoadedContent loaded = load();

    assertEquals(List.of(), formatted(loaded));
    assertEquals(
        "On 20 January 2025 the agreement was announced \uFFFD.\n",
        loaded.records().get(0).texts().get("en").body().text());
  }

  @Test
  void aSyntaxErrorInAnyFileIsReportedAndTheOtherFilesAreStillRead() throws IOException {
    Files.writeString(content.resolve("countries.yaml"), "QA: {en: Qatar, ar: قطر\n");
    Files.writeString(recordDir.resolve("en.md"), EN);

    LoadedContent loaded = load();

    assertEquals(1, loaded.problems().size(), formatted(loaded).toString());
    assertEquals(content.resolve("countries.yaml"), loaded.problems().get(0).file());
    assertTrue(loaded.site().isPresent());
    assertTrue(loaded.records().get(0).texts().containsKey("en"));
  }
}
