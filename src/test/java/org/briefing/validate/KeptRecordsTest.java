package org.briefing.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.briefing.TestFiles;
import org.briefing.content.ContentLoader;
import org.briefing.content.LoadedContent;
import org.briefing.content.ParsedYaml;
import org.briefing.content.PendingFile;
import org.briefing.content.Problem;
import org.briefing.content.RecordFolder;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Source;
import org.briefing.model.Translation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that reuses the last one takes each record the last build found valid as it was, without
 * its YAML, and only while everything it was checked against is the same: the records it takes are
 * those a full validation reads, and every problem a full validation finds is found.
 */
class KeptRecordsTest {

  private static final Validator.Options OPTIONS = new Validator.Options(false, true);

  @TempDir Path temp;

  private Path content;
  private Path memory;
  private LoadedContent loaded;

  @BeforeEach
  void copySeeds() throws IOException {
    content = TestFiles.copyTree(Path.of("content"), temp.resolve("content"));
    memory = temp.resolve("state").resolve("yaml.bin");
    TestFiles.settle(content); // times old enough to be trusted, as after a checkout an hour ago
  }

  /** Loads and validates as a reusing build of {@code program} does, keeping what it read. */
  private Validator.Result validateRemembering(String program) throws IOException {
    ParsedYaml yaml = ParsedYaml.read(memory, program);
    loaded = new ContentLoader(yaml).load(content);
    Validator.Result result = new Validator().validate(loaded, OPTIONS, yaml.validated());
    if (result.ok()) {
      try (PendingFile kept = yaml.keepBeside(memory)) {
        kept.keep();
      }
    }
    return result;
  }

  /** Loads and validates everything from the files, as {@code check} does. */
  private Validator.Result validateAll() {
    return new Validator().validate(new ContentLoader().load(content), OPTIONS);
  }

  private long taken() {
    return loaded.records().stream().filter(folder -> folder.validated().isPresent()).count();
  }

  @Test
  void unchangedRecordsAreTakenAsAFullValidationReadsThem() throws IOException {
    validateRemembering("p");
    assertEquals(0, taken(), "nothing to take at first");
    Validator.Result second = validateRemembering("p");

    assertEquals(loaded.records().size(), taken(), "every record taken as it was");
    for (RecordFolder folder : loaded.records()) {
      assertTrue(folder.facts().isEmpty(), "and its YAML left undecoded: " + folder.id());
    }
    assertEquals(
        withBodiesRead(validateAll().site().orElseThrow().engagements()),
        withBodiesRead(second.site().orElseThrow().engagements()));
    assertFalse(second.site().orElseThrow().engagements().isEmpty());

    validateRemembering("p");
    assertEquals(loaded.records().size(), taken(), "and again from the memory it wrote");
  }

  @Test
  void everyFieldARecordMayHaveIsKeptAsWritten() throws IOException {
    Path facts =
        content.resolve("engagements/2025-01-30-qatar-emir-visits-damascus/engagement.yaml");
    Files.writeString(
        facts,
        Files.readString(facts)
            .replace("date: 2025-01-30\n", "date: 2025-01-30\nend_date: 2025-02\ndraft: true\n")
            .replace(
                "    date: 2025-02\n",
                "    date: 2025-02\n    url: https://example.org/a\n"
                    + "    archive_url: https://web.archive.org/web/2025/https://example.org/a\n"));
    TestFiles.settle(content);
    validateRemembering("p");
    Validator.Result second = validateRemembering("p");

    assertEquals(loaded.records().size(), taken());
    Engagement kept =
        second.site().orElseThrow().engagements().stream()
            .filter(e -> e.id().equals("2025-01-30-qatar-emir-visits-damascus"))
            .findFirst()
            .orElseThrow();
    assertTrue(kept.draft() && kept.endDate().isPresent(), kept.toString());
    assertTrue(kept.sources().stream().anyMatch(s -> s.archiveUrl().isPresent()), kept.toString());
    assertEquals(
        withBodiesRead(validateAll().site().orElseThrow().engagements()),
        withBodiesRead(second.site().orElseThrow().engagements()));
  }

  @Test
  void anotherProgramChecksEveryRecordAgain() throws IOException {
    validateRemembering("p");
    validateRemembering("q");
    assertEquals(0, taken(), "checked by another program");
    validateRemembering("q");
    assertEquals(loaded.records().size(), taken());
  }

  @Test
  void aChangedSharedFileChecksEveryRecordAgainAndItsNewValuesShow() throws IOException {
    validateRemembering("p");
    validateRemembering("p");
    Path publishers = content.resolve("publishers.yaml");
    Files.writeString(
        publishers,
        Files.readString(publishers)
            .replace("{en: Al-Khaleej Online,", "{en: Al-Khaleej Online (Doha),"));

    Validator.Result after = validateRemembering("p");

    assertEquals(0, taken(), "every record checked against the new publishers");
    List<String> names =
        after.site().orElseThrow().engagements().stream()
            .flatMap(e -> e.sources().stream())
            .filter(s -> s.publisher().equals("al-khaleej-online"))
            .map(Source::publisherName)
            .map(name -> name.en())
            .distinct()
            .toList();
    assertEquals(List.of("Al-Khaleej Online (Doha)"), names);
    validateRemembering("p");
    assertEquals(loaded.records().size(), taken(), "then taken again");
  }

  @Test
  void aRecordWhoseRelatedRecordIsGoneIsCheckedAgainAndReported() throws IOException {
    validateRemembering("p");
    validateRemembering("p");
    Path gone = content.resolve("engagements/2024-12-turkey-reopens-embassy-damascus");
    try (var files = Files.list(gone)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(gone);

    Validator.Result after = validateRemembering("p");

    List<Problem> expected = validateAll().problems();
    assertEquals(2, expected.size(), "the two records that name it: " + expected);
    assertEquals(expected, after.problems());
    assertEquals(loaded.records().size() - 2, taken(), "the others taken as they were");
  }

  @Test
  void anAliasOfARecordTakenAsItWasIsReportedWhereItIsWritten() throws IOException {
    validateRemembering("p");
    validateRemembering("p");
    // A copy that sorts first claims the same former address: the problem is the kept record's.
    TestFiles.copyTree(
        content.resolve("engagements/2025-04-al-sharaa-first-visit-doha"),
        content.resolve("engagements/2000-01-01-copy-of-a-record-with-an-alias"));

    Validator.Result after = validateRemembering("p");

    List<Problem> expected = validateAll().problems();
    assertEquals(1, expected.size(), expected.toString());
    assertTrue(expected.get(0).line() > 1, "at the alias's line: " + expected);
    assertEquals(expected, after.problems());
    assertEquals(loaded.records().size() - 1, taken(), "the copy read, the others taken");
  }

  /** The records with each body read, where it may have been left in its file. */
  private static List<Engagement> withBodiesRead(List<Engagement> records) {
    return records.stream()
        .map(
            e -> {
              Map<Lang, Translation> read = new EnumMap<>(Lang.class);
              e.translations()
                  .forEach(
                      (lang, t) ->
                          read.put(
                              lang,
                              new Translation(lang, t.title(), t.summary(), t.body().text())));
              return new Engagement(
                  e.id(),
                  e.date(),
                  e.endDate(),
                  e.type(),
                  e.countries(),
                  e.actors(),
                  e.topics(),
                  e.status(),
                  e.sources(),
                  e.related(),
                  e.corrections(),
                  e.draft(),
                  read,
                  e.aliases());
            })
        .toList();
  }
}
