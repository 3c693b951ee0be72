package org.briefing.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.briefing.TestFiles;
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
    yaml.write(memory);
    parsed[0] = yaml.parsed();
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
    assertEquals(new ContentLoader().load(content).records(), second.records());
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
    assertEquals(new ContentLoader().load(content).records(), loaded.records());
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
    assertEquals(parsedAll.records(), cut.records());
    assertEquals(parsedAll.records(), garbled.records());
  }

  @Test
  void nodesComeBackWithTheirPositionsInTheFileAskedFor() {
    Path file = temp.resolve("x.yaml");
    List<Problem> problems = new ArrayList<>();
    String text = "a: [1, \"two\", ~]\nb:\n  c: ''\n  d:\n    - e: f\n";
    YamlNode node = new YamlReader().read(file, text, 4, problems).orElseThrow();
    Path elsewhere = temp.resolve("y.yaml");

    Optional<YamlNode> back = ParsedYaml.decode(elsewhere, ParsedYaml.encode(node));

    assertTrue(problems.isEmpty());
    assertEquals(
        new YamlReader().read(elsewhere, text, 4, new ArrayList<>()).orElseThrow(), back.get());
    assertEquals(Optional.empty(), ParsedYaml.decode(file, new byte[] {3, 0, 0, 0, 9}));
  }

  @Test
  void aRecordsHashFollowsItsBytes() throws IOException {
    Path record = firstRecord();
    String id = record.getFileName().toString();
    String before = hash(id);
    assertEquals(before, hash(id));
    Files.writeString(record.resolve("ar.md"), " ", java.nio.file.StandardOpenOption.APPEND);
    assertNotEquals(before, hash(id));
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

  private static YamlDocument facts(LoadedContent loaded, Path record) {
    return loaded.records().stream()
        .filter(folder -> folder.dir().equals(record))
        .findFirst()
        .orElseThrow()
        .facts()
        .orElseThrow();
  }

  private static List<String> messages(LoadedContent loaded) {
    return loaded.problems().stream().map(Problem::format).toList();
  }
}
