package org.briefing.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.briefing.model.Engagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture per rule of the content contract, each with the exact line an editor reads. Line and
 * column numbers are counted by hand from the fixture text.
 */
class RuleMessagesTest {

  private static final String ID = "2025-01-20-test-record";

  static Stream<Arguments> factsRules() {
    return Stream.of(
        Arguments.of(
            "misspelt key",
            FixtureContent.FACTS.replace("countries:", "countires:"),
            "3:1: unknown key \"countires\" in engagement.yaml; did you mean \"countries\"?"),
        Arguments.of(
            "unknown country",
            FixtureContent.FACTS.replace("[QA, SY]", "[QA, QQ]"),
            "3:17: unknown country code \"QQ\" (known: NO, QA, SY; add it to countries.yaml first)"),
        Arguments.of(
            "lowercase country",
            FixtureContent.FACTS.replace("[QA, SY]", "[QA, sy]"),
            "3:17: unknown country code \"sy\" (write it in capitals: SY)"),
        Arguments.of(
            "no country",
            FixtureContent.FACTS.replace("countries: [QA, SY]", "countries: []"),
            "3:1: a record needs at least one country; write countries: [QA, SY] with codes from countries.yaml"),
        Arguments.of(
            "country twice",
            FixtureContent.FACTS.replace("[QA, SY]", "[QA, QA]"),
            "3:17: country \"QA\" is listed twice; remove one"),
        Arguments.of(
            "impossible day",
            FixtureContent.FACTS.replace("2025-01-20", "2025-02-30"),
            "1:7: 2025-02-30 is not a real calendar date (February 2025 has 28 days)"),
        Arguments.of(
            "date in another form",
            FixtureContent.FACTS.replace("2025-01-20", "\"20/01/2025\""),
            "1:7: \"20/01/2025\" is not a date; write YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known"),
        Arguments.of(
            "month 13",
            FixtureContent.FACTS.replace("2025-01-20", "2025-13"),
            "1:7: month 13 does not exist; months are 01–12"),
        Arguments.of(
            "end before start",
            FixtureContent.FACTS.replace("type:", "end_date: 2024-12\ntype:"),
            "2:1: end_date 2024-12 is before date 2025-01-20; swap them or correct one"),
        Arguments.of(
            "unknown type",
            FixtureContent.FACTS.replace("type: agreement", "type: agreemnt"),
            "2:7: unknown engagement type \"agreemnt\"; did you mean \"agreement\"?"),
        Arguments.of(
            "missing type",
            FixtureContent.FACTS.replace("type: agreement\n", ""),
            "1:1: missing \"type\" in engagement.yaml; use one of: agreement, call"),
        Arguments.of(
            "unknown topic",
            FixtureContent.FACTS + "topics: [cooking]\n",
            "9:10: unknown topic \"cooking\"; known: training; add it to vocabulary.yaml `topics` first"),
        Arguments.of(
            "status as a YAML boolean",
            FixtureContent.FACTS.replace("status: confirmed", "status: yes"),
            "4:9: status \"yes\" is not one of confirmed (official statement), reported (media or think-tank report), unverified"),
        Arguments.of(
            "no sources",
            FixtureContent.FACTS.substring(0, FixtureContent.FACTS.indexOf("sources:")),
            "1:1: a record needs at least one source; add sources: with a publisher, title and language"),
        Arguments.of(
            "source without publisher",
            FixtureContent.FACTS.replace("  - publisher: Example News\n    title", "  - title"),
            "6:5: missing \"publisher\" in sources[1]; name who published it"),
        Arguments.of(
            "script address",
            FixtureContent.FACTS + "    url: javascript:alert(1)\n",
            "9:10: url \"javascript:alert(1)\" is not a web address; write the full address starting with https:// or http://, or leave url out"),
        Arguments.of(
            "missing related record",
            FixtureContent.FACTS + "related: [2025-01-21-nope]\n",
            "9:11: related id \"2025-01-21-nope\" does not exist; no record folder has that name"),
        Arguments.of(
            "related to itself",
            FixtureContent.FACTS + "related: [" + ID + "]\n",
            "9:11: a record cannot be related to itself; remove \"" + ID + "\""),
        Arguments.of(
            "draft as yes",
            FixtureContent.FACTS + "draft: yes\n",
            "9:8: draft must be true or false, not \"yes\""),
        Arguments.of(
            "duplicate key",
            FixtureContent.FACTS + "date: 2025-01-21\n",
            "9:1: duplicate key \"date\" (first written on line 1); keep one and delete the other"),
        Arguments.of(
            "anchor",
            FixtureContent.FACTS.replace("countries: [QA, SY]", "countries: &c [QA, SY]"),
            "3:12: YAML anchors (&c) are not allowed; remove it and write values out in full"),
        Arguments.of(
            "alias",
            FixtureContent.FACTS + "topics: *c\n",
            "9:9: YAML aliases (*c) are not allowed; write the value out in full"),
        Arguments.of(
            "tag",
            FixtureContent.FACTS.replace("status: confirmed", "status: !!str confirmed"),
            "4:9: YAML tags (tag:yaml.org,2002:str) are not allowed; remove the tag, and quote the value if it must stay text"),
        Arguments.of(
            "bidi override in a publisher",
            FixtureContent.FACTS.replace("Example News", "Example \u202ENews"),
            "6:16: the publisher contains the invisible control character U+202E at character 9; delete it (direction is handled by the site, and hidden controls can reorder what readers see)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("factsRules")
  void eachRuleOfTheFactsFileHasItsOwnLine(
      String rule, String facts, String expected, @TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir = content.record(ID, facts, FixtureContent.EN, FixtureContent.AR);
    List<String> lines = content.lines(false);
    assertTrue(
        lines.contains(dir.resolve("engagement.yaml") + ":" + expected),
        "expected\n  "
            + dir.resolve("engagement.yaml")
            + ":"
            + expected
            + "\nin\n  "
            + String.join("\n  ", lines));
  }

  static Stream<Arguments> textRules() {
    return Stream.of(
        Arguments.of(
            "no front matter",
            "Just a body.\n",
            "1:1: must start with a front matter block: a line `---`, then `title:` and `summary:`, then another `---`"),
        Arguments.of(
            "unclosed front matter",
            "---\ntitle: A\nsummary: B\nBody.\n",
            "1:1: the front matter is never closed; add a line `---` after `summary:`"),
        Arguments.of(
            "blank title",
            FixtureContent.EN.replace("Qatar and Syria sign an agreement", "\"\""),
            "2:8: \"title\" in the front matter is blank; write the record's headline"),
        Arguments.of(
            "missing summary",
            FixtureContent.EN.replace("summary: A short summary.\n", ""),
            "2:1: missing \"summary\" in the front matter; write one or two sentences for lists and the timeline"),
        Arguments.of(
            "unknown front matter key",
            FixtureContent.EN.replace("summary:", "date: 2025\nsummary:"),
            "3:1: unknown key \"date\" in the front matter; allowed: summary, title"),
        Arguments.of(
            "summary too long",
            FixtureContent.EN.replace("A short summary.", "x".repeat(301)),
            "3:1: summary is 301 characters; keep it under 300 and move the rest into the body"),
        Arguments.of(
            "right-to-left override in a title",
            FixtureContent.EN.replace("sign an", "sign \u202Ean"),
            "2:8: the title contains the invisible control character U+202E at character 22; delete it (direction is handled by the site, and hidden controls can reorder what readers see)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textRules")
  void eachRuleOfALanguageFileHasItsOwnLine(
      String rule, String en, String expected, @TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir = content.record(ID, FixtureContent.FACTS, en, FixtureContent.AR);
    List<String> lines = content.lines(false);
    assertTrue(
        lines.contains(dir.resolve("en.md") + ":" + expected),
        "expected\n  "
            + dir.resolve("en.md")
            + ":"
            + expected
            + "\nin\n  "
            + String.join("\n  ", lines));
  }

  @Test
  void everyProblemOfAFileIsReportedInOneRun(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    String facts =
        """
        date: 2025-02-30
        type: agreemnt
        countires: [QA, SY]
        status: yes
        sources:
          - title: Example title
            language: en
        """;
    Path file =
        content.record(ID, facts, FixtureContent.EN, FixtureContent.AR).resolve("engagement.yaml");
    assertEquals(
        List.of(
            file
                + ":1:1: a record needs at least one country; write countries: [QA, SY] with codes from countries.yaml",
            file + ":1:7: 2025-02-30 is not a real calendar date (February 2025 has 28 days)",
            file + ":2:7: unknown engagement type \"agreemnt\"; did you mean \"agreement\"?",
            file
                + ":3:1: unknown key \"countires\" in engagement.yaml; did you mean \"countries\"?",
            file
                + ":4:9: status \"yes\" is not one of confirmed (official statement), reported (media or think-tank report), unverified",
            file + ":6:5: missing \"publisher\" in sources[1]; name who published it"),
        content.lines(false));
  }

  @Test
  void problemsInSeveralRecordsAreAllReported(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    content.record(
        "2025-01-01-a", FixtureContent.FACTS.replace("[QA, SY]", "[QQ]"), FixtureContent.EN, null);
    content.record(
        "2025-01-02-b",
        FixtureContent.FACTS.replace("agreement", "treaty"),
        null,
        FixtureContent.AR);
    content.record("2025-01-03-c", FixtureContent.FACTS, FixtureContent.EN, FixtureContent.AR);
    List<String> lines = content.lines(false);
    assertEquals(2, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).contains("2025-01-01-a") && lines.get(0).contains("\"QQ\""));
    assertTrue(lines.get(1).contains("2025-01-02-b") && lines.get(1).contains("\"treaty\""));
  }

  @Test
  void norwayIsACountryNotFalse(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    content.record(
        ID,
        FixtureContent.FACTS.replace("[QA, SY]", "[NO, QA]"),
        FixtureContent.EN,
        FixtureContent.AR);
    Validator.Result result = content.validate(false);
    assertEquals(List.of(), result.problems());
    Engagement record = result.site().orElseThrow().engagements().get(0);
    assertEquals("Norway", record.countries().get(0).name().en());
    assertEquals("النرويج", record.countries().get(0).name().ar());
  }

  @Test
  void textThatLooksLikeNumbersOrBooleansStaysAsWritten(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    String en = "---\ntitle: 1.10\nsummary: off\n---\nBody.\n";
    content.record(ID, FixtureContent.FACTS.replace("Example News", "0123"), en, FixtureContent.AR);
    Engagement record = content.validate(false).site().orElseThrow().engagements().get(0);
    assertEquals("1.10", record.translations().get(org.briefing.model.Lang.EN).title());
    assertEquals("off", record.translations().get(org.briefing.model.Lang.EN).summary());
    assertEquals("0123", record.sources().get(0).publisher());
  }

  @Test
  void aByteOrderMarkAndWindowsLineEndsAreAccepted(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir = content.record(ID, null, null, FixtureContent.AR);
    Files.writeString(
        dir.resolve("engagement.yaml"), "\uFEFF" + FixtureContent.FACTS.replace("\n", "\r\n"));
    Files.writeString(dir.resolve("en.md"), "\uFEFF" + FixtureContent.EN.replace("\n", "\r\n"));
    Validator.Result result = content.validate(false);
    assertEquals(List.of(), result.problems());
    assertEquals(
        "Qatar and Syria sign an agreement",
        result
            .site()
            .orElseThrow()
            .engagements()
            .get(0)
            .translations()
            .get(org.briefing.model.Lang.EN)
            .title());
  }

  @Test
  void aFileThatIsNotUtf8IsNamed(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir = content.record(ID, FixtureContent.FACTS, null, FixtureContent.AR);
    Files.write(
        dir.resolve("en.md"), "---\ntitle: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(
        List.of(
            dir.resolve("en.md") + ": is not valid UTF-8 text; save it as UTF-8 in your editor"),
        content.lines(false));
  }

  @Test
  void aFolderNameThatCannotBeAnAddressIsRefused(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir = content.record("2025-01-20_Qatar", FixtureContent.FACTS, FixtureContent.EN, null);
    assertEquals(
        List.of(
            dir
                + ": folder name \"2025-01-20_Qatar\" cannot be a record id; use lowercase"
                + " ASCII letters, digits and single hyphens, at most 80 characters, starting with the date"
                + " (2025-01-20-qatar-syria-...)"),
        content.lines(false));
  }

  @Test
  void aRecordNeedsALanguageFile(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir = content.record(ID, FixtureContent.FACTS, null, null);
    assertEquals(
        List.of(dir + ": has no language file; add ar.md or en.md (or both)"),
        content.lines(false));
  }

  @Test
  void aMissingTranslationIsPendingUnlessStrict(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir = content.record(ID, FixtureContent.FACTS, FixtureContent.EN, null);
    assertEquals(List.of(), content.lines(false));
    assertEquals(
        List.of(
            dir.resolve("ar.md")
                + ": is missing; check --strict requires both languages"
                + " (write the translation, or build without --strict to publish it as pending)"),
        content.lines(true));
  }

  @Test
  void aMisspeltFileInARecordFolderIsNamed(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir = content.record(ID, FixtureContent.FACTS, FixtureContent.EN, FixtureContent.AR);
    Files.writeString(dir.resolve("engagment.yaml"), "date: 2025\n");
    assertEquals(
        List.of(
            dir.resolve("engagment.yaml")
                + ": is not part of a record; a record folder"
                + " holds only engagement.yaml, ar.md and en.md (did you mean engagement.yaml?)"),
        content.lines(false));
  }

  @Test
  void nestingBeyondTheLimitIsRefused(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    String deep = "x: " + "[".repeat(30) + "]".repeat(30) + "\n";
    Path dir =
        content.record(ID, FixtureContent.FACTS + deep, FixtureContent.EN, FixtureContent.AR);
    List<String> lines = content.lines(false);
    assertEquals(
        1, lines.stream().filter(l -> l.contains("nested more than")).count(), lines.toString());
    assertTrue(lines.get(0).startsWith(dir.resolve("engagement.yaml") + ":9:"), lines.get(0));
  }

  @Test
  void anOversizedFileIsRefusedWithoutReadingIt(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir = content.record(ID, FixtureContent.FACTS, null, FixtureContent.AR);
    Files.writeString(dir.resolve("en.md"), FixtureContent.EN + "word ".repeat(120_000));
    List<String> lines = content.lines(false);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                dir.resolve("en.md") + ": is 586 KiB; content files are limited to 512 KiB"),
        lines.get(0));
  }
}
