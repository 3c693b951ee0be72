package org.briefing.content;

import static org.briefing.content.LoadedRecords.inMemory;
import static org.briefing.content.LoadedRecords.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record folders whose files have the sizes and times the last build saw are taken from its memory
 * without being read, and come out as reading them would; any file saved since, added, removed or
 * replaced is read again.
 */
class UnchangedRecordsTest {

  @TempDir Path temp;

  private Path content;
  private Path memory;

  @BeforeEach
  void copySeeds() throws IOException {
    content = TestFiles.copyTree(Path.of("content"), temp.resolve("content"));
    memory = temp.resolve("state").resolve("yaml.bin");
  }

  /** What one load that remembers did. */
  private record Load(LoadedContent content, int unread) {}

  private Load load() throws IOException {
    ParsedYaml yaml = ParsedYaml.read(memory);
    LoadedContent loaded = new ContentLoader(yaml).load(content);
    try (PendingFile kept = yaml.keepBeside(memory)) {
      kept.keep();
    }
    return new Load(loaded, yaml.unread());
  }

  private Path record(int index) throws IOException {
    try (Stream<Path> list = Files.list(content.resolve("engagements"))) {
      return list.sorted().toList().get(index);
    }
  }

  @Test
  void settledRecordsAreTakenUnreadAndComeOutAsReadingThemWould() throws IOException {
    TestFiles.settle(content);
    Load first = load();
    assertEquals(0, first.unread(), "nothing remembered yet");
    Load second = load();
    int records = first.content().records().size();
    assertTrue(records >= 10, "the seed records: " + records);
    assertEquals(records, second.unread(), "every record taken from memory");
    assertEquals(inMemory(new ContentLoader().load(content)), inMemory(second.content()));
    assertEquals(List.of(), second.content().problems());
    assertEquals(records, load().unread(), "and again the build after");
  }

  @Test
  void filesSavedTooRecentlyToTrustTheirTimesAreReadUntilTheyAre() throws IOException {
    load();
    assertEquals(0, load().unread(), "times a second old are not trusted");
    TestFiles.settle(content);
    load();
    assertEquals(load().content().records().size(), load().unread());
  }

  @Test
  void aRecordWithOneFileSavedJustNowIsReadUntilItsTimeIsOldEnough() throws IOException {
    TestFiles.settle(content);
    Files.setLastModifiedTime(record(4).resolve("en.md"), FileTime.from(Instant.now()));
    load();
    Load again = load();
    assertEquals(again.content().records().size() - 1, again.unread(), "all but that record");
  }

  @Test
  void aFileSavedAgainAtTheSameSizeIsReadAgain() throws IOException {
    TestFiles.settle(content);
    load();
    Path en = record(3).resolve("en.md");
    String text = Files.readString(en, StandardCharsets.UTF_8);
    String edited = text.substring(0, text.indexOf("title:")) + swapFirstTitleLetter(text);
    assertEquals(text.length(), edited.length());
    Files.writeString(en, edited, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(en, FileTime.from(Instant.now().minus(30, ChronoUnit.MINUTES)));

    Load again = load();
    assertEquals(again.content().records().size() - 1, again.unread(), "all but the one saved");
    assertEquals(inMemory(new ContentLoader().load(content)), inMemory(again.content()));
  }

  @Test
  void aFileAddedBesideARecordsFilesIsReported() throws IOException {
    TestFiles.settle(content);
    load();
    Files.writeString(record(1).resolve("notes.txt"), "a draft");
    Load again = load();
    assertEquals(again.content().records().size() - 1, again.unread());
    assertTrue(
        again.content().problems().stream()
            .anyMatch(p -> p.format().contains("notes.txt") && p.format().contains("not part")),
        again.content().problems().toString());
  }

  @Test
  void aFileRemovedOrReplacedByALinkIsReadAgain() throws IOException {
    TestFiles.settle(content);
    load();
    Files.delete(record(0).resolve("ar.md"));
    Path en = record(2).resolve("en.md");
    Path outside = Files.copy(en, temp.resolve("outside.md"));
    Files.setLastModifiedTime(outside, Files.getLastModifiedTime(en));
    Files.delete(en);
    Files.createSymbolicLink(en, outside);

    Load again = load();
    assertEquals(again.content().records().size() - 2, again.unread());
    assertEquals(inMemory(new ContentLoader().load(content)), inMemory(again.content()));
    assertEquals(
        messages(new ContentLoader().load(content)), messages(again.content()), "as reported");
    assertTrue(
        messages(again.content()).stream().anyMatch(m -> m.contains("outside")),
        "the link out of the content folder is refused: " + messages(again.content()));
  }

  /** The text with the first letter of its title swapped for another letter. */
  private static String swapFirstTitleLetter(String text) {
    int at = text.indexOf("title:") + "title:".length();
    while (!Character.isLetter(text.charAt(at))) {
      at++;
    }
    char swapped = text.charAt(at) == 'Q' ? 'Z' : 'Q';
    return text.substring(text.indexOf("title:"), at) + swapped + text.substring(at + 1);
  }
}
