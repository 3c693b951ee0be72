package org.briefing.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editors' introductions to monthly briefs, {@code briefs/<yyyy-mm>/en.md} and {@code ar.md},
 * as the loader reads them: with or without front matter, and every misplaced file or folder named
 * with what to do.
 */
class BriefIntroductionsTest {

  @TempDir Path content;
  private Path briefs;

  @BeforeEach
  void sharedFiles() throws IOException {
    Files.writeString(content.resolve("site.yaml"), "base_url: https://example.org/\n");
    Files.writeString(content.resolve("countries.yaml"), "QA: {en: Qatar, ar: قطر}\n");
    Files.writeString(content.resolve("vocabulary.yaml"), "types: {}\n");
    Files.createDirectories(content.resolve("engagements"));
    briefs = Files.createDirectories(content.resolve("briefs"));
  }

  private void write(String relative, String text) throws IOException {
    Path file = briefs.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static List<String> formatted(LoadedContent loaded) {
    return loaded.problems().stream().map(Problem::format).toList();
  }

  @Test
  void aMonthsIntroductionIsReadInEachLanguageWithOrWithoutFrontMatter() throws IOException {
    write("2025-04/en.md", "---\ntitle: A busy April\n---\nApril saw three visits.\n");
    write("2025-04/ar.md", "شهد أبريل ثلاث زيارات.\n");
    write("2025-04/.DS_Store", "");
    write(".hidden/en.md", "ignored");

    LoadedContent loaded = new ContentLoader().load(content);

    assertEquals(List.of(), formatted(loaded));
    assertEquals(List.of("2025-04"), List.copyOf(loaded.briefs().keySet()));
    Map<String, MarkdownFile> april = loaded.briefs().get("2025-04");
    assertEquals("April saw three visits.\n", april.get("en").body().text());
    YamlNode.Mapping front = (YamlNode.Mapping) april.get("en").frontMatter().orElseThrow();
    assertEquals("A busy April", ((YamlNode.Scalar) front.entries().get("title")).text());
    assertEquals("شهد أبريل ثلاث زيارات.\n", april.get("ar").body().text());
    assertTrue(april.get("ar").frontMatter().isEmpty());
  }

  @Test
  void filesAndFoldersThatAreNotIntroductionsAreNamedWithWhatToDo() throws IOException {
    write("2025-04/eng.md", "x");
    write("2025-04/notes.txt", "x");
    write("April/en.md", "x");
    write("readme.md", "x");

    LoadedContent loaded = new ContentLoader().load(content);

    Path b = content.resolve("briefs");
    assertEquals(
        List.of(
            b.resolve("2025-04/eng.md")
                + ": is not part of a brief's introduction; its folder holds only ar.md and en.md"
                + " (did you mean en.md?)",
            b.resolve("2025-04/notes.txt")
                + ": is not part of a brief's introduction; its folder holds only ar.md and en.md",
            b.resolve("April")
                + ": is not a month; name a brief's folder by its month as yyyy-mm, such as"
                + " 2025-04",
            b.resolve("readme.md")
                + ": is not a brief's folder; an introduction to a monthly brief goes in"
                + " briefs/<yyyy-mm>/en.md or ar.md"),
        formatted(loaded));
  }

  @Test
  void noBriefsFolderIsFine() throws IOException {
    Files.delete(briefs);
    LoadedContent loaded = new ContentLoader().load(content);
    assertEquals(List.of(), formatted(loaded));
    assertEquals(Map.of(), loaded.briefs());
  }

  @Test
  void aMissingContentFolderIsNamedWithWhereToRunFrom(@TempDir Path elsewhere) {
    Path missing = elsewhere.resolve("content");
    LoadedContent loaded = new ContentLoader().load(missing);
    assertEquals(
        List.of(
            missing
                + ": content folder not found; run from the repository's top folder or pass"
                + " --content DIR"),
        formatted(loaded));
  }
}
