package org.briefing.content;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading the YAML editors write. Every value comes back as the text written (YAML's implicit
 * typing never changes what an editor meant), and the constructs that let a file mean something
 * other than it reads as are refused with the file, line and column.
 */
class YamlReaderTest {

  private static final Path FILE = Path.of("content", "engagements", "x", "engagement.yaml");

  private final YamlReader reader = new YamlReader();
  private final List<Problem> problems = new ArrayList<>();

  private Optional<YamlNode> read(String yaml) {
    return reader.read(FILE, yaml, 0, problems);
  }

  private YamlNode.Mapping readMapping(String yaml) {
    YamlNode root = read(yaml).orElseThrow(() -> new AssertionError("not read: " + problems));
    assertEquals(List.of(), problems);
    return assertInstanceOf(YamlNode.Mapping.class, root);
  }

  private static YamlNode.Scalar scalar(YamlNode.Mapping map, String key) {
    return assertInstanceOf(YamlNode.Scalar.class, map.entries().get(key), key);
  }

  private List<String> formatted() {
    return problems.stream().map(Problem::format).toList();
  }

  @Nested
  class ValuesStayTheTextWritten {

    @ParameterizedTest(name = "value: {0}")
    @ValueSource(
        strings = {
          "NO", // Norway's country code, YAML 1.1's false
          "no",
          "yes",
          "Yes",
          "off",
          "on",
          "y",
          "n",
          "true",
          "True",
          "false",
          "1.10", // not the number 1.1
          "0123", // not octal 83
          "0x1F",
          "1e3",
          "+1",
          "1_000",
          ".inf",
          ".NaN",
          "2025-01-20", // not a timestamp
          "2025-01",
          "2025",
          "12:30" // not YAML 1.1's sexagesimal 750
        })
    void aPlainValueIsTheExactTextWritten(String written) {
      YamlNode.Scalar value = scalar(readMapping("key: " + written + "\n"), "key");

      assertEquals(written, value.text());
      assertFalse(value.isNull());
    }

    @Test
    void keysStayTheTextWrittenToo() {
      YamlNode.Mapping countries =
          readMapping(
              """
          NO: {en: Norway, ar: النرويج}
          ON: {en: Ontario, ar: أونتاريو}
          """);

      assertEquals(List.of("NO", "ON"), List.copyOf(countries.entries().keySet()));
    }

    @Test
    void listItemsStayTheTextWritten() {
      YamlNode.Mapping map = readMapping("countries: [NO, SY, 'QA']\n");

      YamlNode.Sequence list =
          assertInstanceOf(YamlNode.Sequence.class, map.entries().get("countries"));
      assertEquals(
          List.of("NO", "SY", "QA"),
          list.items().stream().map(n -> ((YamlNode.Scalar) n).text()).toList());
    }

    @Test
    void quotedNullIsTheWordNull() {
      YamlNode.Scalar value = scalar(readMapping("key: 'null'\n"), "key");
      assertEquals("null", value.text());
      assertFalse(value.isNull());
    }

    @Test
    void quotedEmptyTextIsEmptyTextNotNothing() {
      YamlNode.Scalar value = scalar(readMapping("key: \"\"\n"), "key");
      assertEquals("", value.text());
      assertFalse(value.isNull());
    }

    @Test
    void tildeAndNullWithoutQuotesMeanNothingWritten() {
      YamlNode.Mapping map = readMapping("a: ~\nb: null\n");
      assertTrue(scalar(map, "a").isNull());
      assertTrue(scalar(map, "b").isNull());
    }

    @Test
    void aValueLeftEmptyMeansNothingWritten() {
      YamlNode.Mapping map = readMapping("end_date:\nstatus: confirmed\n");
      assertTrue(scalar(map, "end_date").isNull());
    }

    @Test
    void anEmptyListItemMeansNothingWritten() {
      YamlNode.Mapping map = readMapping("related:\n  -\n  - 2025-01-20-x\n");
      YamlNode.Sequence related =
          assertInstanceOf(YamlNode.Sequence.class, map.entries().get("related"));
      assertTrue(((YamlNode.Scalar) related.items().get(0)).isNull());
    }

    @Test
    void anEmptyFileHasNothingToReadAndNoProblem() {
      assertEquals(Optional.empty(), read(""));
      assertEquals(Optional.empty(), read("# only a comment\n"));
      assertEquals(List.of(), problems);
    }
  }

  @Nested
  class Positions {

    private static final String RECORD =
        """
        date: 2025-01-20
        countries: [QA, SY]
        sources:
          - publisher: Al-Khaleej Online
            title: Report
        """;

    @Test
    void aValueIsFoundAtItsLineAndColumn() {
      YamlNode.Mapping map = readMapping(RECORD);

      // "date: " is 6 characters, so the value starts in column 7 of line 1
      assertEquals(new Position(FILE, 1, 7), scalar(map, "date").position());
    }

    @Test
    void eachItemOfAFlowListHasItsOwnColumn() {
      YamlNode.Sequence countries =
          assertInstanceOf(YamlNode.Sequence.class, readMapping(RECORD).entries().get("countries"));

      // countries: [QA, SY]
      // 123456789012345678
      assertEquals(new Position(FILE, 2, 13), countries.items().get(0).position());
      assertEquals(new Position(FILE, 2, 17), countries.items().get(1).position());
    }

    @Test
    void valuesInsideABlockListPointIntoTheirOwnLines() {
      YamlNode.Sequence sources =
          assertInstanceOf(YamlNode.Sequence.class, readMapping(RECORD).entries().get("sources"));
      YamlNode.Mapping first = assertInstanceOf(YamlNode.Mapping.class, sources.items().get(0));

      // "  - publisher: " is 15 characters; "    title: " is 11
      assertEquals(new Position(FILE, 4, 16), scalar(first, "publisher").position());
      assertEquals(new Position(FILE, 5, 12), scalar(first, "title").position());
      assertEquals(new Position(FILE, 4, 5), first.keyPositions().get("publisher"));
    }

    @Test
    void keysAreFoundAtTheStartOfTheirLine() {
      YamlNode.Mapping map = readMapping(RECORD);

      assertEquals(new Position(FILE, 3, 1), map.keyPositions().get("sources"));
    }

    @Test
    void textThatStartsFurtherDownAFileIsReportedAtTheFilesLines() {
      // front matter: the YAML's first line is line 2 of en.md
      Path en = Path.of("en.md");
      YamlNode root = reader.read(en, "title: T\nsummary: S\n", 1, problems).orElseThrow();

      YamlNode.Mapping map = assertInstanceOf(YamlNode.Mapping.class, root);
      assertEquals(new Position(en, 3, 10), scalar(map, "summary").position());
    }
  }

  @Nested
  class DuplicateKeys {

    @Test
    void aRepeatedKeyIsReportedWithBothLines() {
      Optional<YamlNode> root =
          read(
              """
          title: First title
          summary: A summary
          title: Second title
          """);

      assertEquals(Optional.empty(), root);
      assertEquals(
          List.of(
              FILE
                  + ":3:1: duplicate key \"title\" (first written on line 1);"
                  + " keep one and delete the other"),
          formatted());
    }

    @Test
    void aRepeatedKeyInsideAListEntryIsReportedToo() {
      read(
          """
          sources:
            - publisher: A
              title: T
              publisher: B
          """);

      assertEquals(
          List.of(
              FILE
                  + ":4:5: duplicate key \"publisher\" (first written on line 2);"
                  + " keep one and delete the other"),
          formatted());
    }

    @Test
    void inFrontMatterBothLinesAreTheMarkdownFilesLines() {
      Path en = Path.of("en.md");
      reader.read(en, "title: One\nsummary: S\ntitle: Two\n", 1, problems);

      assertEquals(
          List.of(
              "en.md:4:1: duplicate key \"title\" (first written on line 2);"
                  + " keep one and delete the other"),
          formatted());
    }
  }

  @Nested
  class RefusedConstructs {

    @Test
    void anAliasIsRefusedWhereItIsUsed() {
      Optional<YamlNode> root = read("a: &name Qatar\nb: *name\n");

      assertEquals(Optional.empty(), root);
      assertTrue(
          formatted()
              .contains(
                  FILE
                      + ":2:4: YAML aliases (*name) are not allowed;"
                      + " write the value out in full"),
          formatted().toString());
    }

    @Test
    void anAnchorOnAListIsRefusedWhereItIsWritten() {
      assertEquals(Optional.empty(), read("countries: &c [QA, SY]\n"));
      assertEquals(
          List.of(
              FILE
                  + ":1:12: YAML anchors (&c) are not allowed; remove it and"
                  + " write values out in full"),
          formatted());
    }

    @Test
    void anAnchorOnAMappingIsRefused() {
      assertEquals(Optional.empty(), read("title: &t {en: Qatar, ar: قطر}\n"));
      assertEquals(1, problems.size(), problems::toString);
      assertTrue(problems.get(0).message().contains("&t"), problems::toString);
    }

    @Test
    void anAnchorOnASingleValueIsRefused() {
      assertEquals(Optional.empty(), read("title: &t Qatar\n"));
      assertEquals(1, problems.size(), problems::toString);
      assertTrue(problems.get(0).message().contains("&t"), problems::toString);
    }

    @Test
    void theBillionLaughsExpansionIsRefusedBeforeItGrows() {
      Optional<YamlNode> root =
          read(
              """
          a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
          b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
          c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
          d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
          """);

      assertEquals(Optional.empty(), root);
      assertFalse(problems.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "date: !!str 2025-01-20\n",
          "date: !!timestamp 2025-01-20\n",
          "countries: !custom [QA]\n"
        })
    void anExplicitTagIsRefusedAtItsValue(String yaml) {
      Optional<YamlNode> root = read(yaml);

      assertEquals(Optional.empty(), root);
      assertEquals(1, problems.size(), problems::toString);
      Problem problem = problems.get(0);
      assertAll(
          () -> assertEquals(1, problem.line()),
          () -> assertEquals(yaml.indexOf('!') + 1, problem.column()),
          () -> assertTrue(problem.message().startsWith("YAML tags ("), problem.message()));
    }

    @Test
    void nestingUpToTheLimitIsRead() {
      int depth = YamlReader.MAX_DEPTH;
      Optional<YamlNode> root = read("[".repeat(depth) + "]".repeat(depth) + "\n");

      assertTrue(root.isPresent(), problems::toString);
      assertEquals(List.of(), problems);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
      int depth = YamlReader.MAX_DEPTH + 1;
      Optional<YamlNode> root = read("[".repeat(depth) + "]".repeat(depth) + "\n");

      assertEquals(Optional.empty(), root);
      assertEquals(1, problems.size(), problems::toString);
      assertTrue(
          problems
              .get(0)
              .message()
              .contains("nested more than " + YamlReader.MAX_DEPTH + " levels deep"),
          problems::toString);
    }

    @Test
    void veryDeepNestingIsRefusedWithoutCrashing() {
      Optional<YamlNode> root = read("[".repeat(500) + "]".repeat(500) + "\n");

      assertEquals(Optional.empty(), root);
      assertFalse(problems.isEmpty());
    }

    @Test
    void nestingPastTheParsersOwnLimitIsStillOneProblemWithItsLine() {
      Optional<YamlNode> root = read("x: 1\ny: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n");

      assertEquals(Optional.empty(), root);
      assertEquals(1, problems.size(), problems::toString);
      assertEquals(2, problems.get(0).line(), problems::toString);
      assertTrue(problems.get(0).message().contains("levels deep"), problems::toString);
    }

    @Test
    void aSecondDocumentInOneFileIsRefusedWhereItStarts() {
      read("date: 2025-01-20\n---\ndate: 2025-01-21\n");

      assertEquals(1, problems.size(), problems::toString);
      assertEquals(3, problems.get(0).line());
      assertTrue(problems.get(0).message().contains("second YAML document"), problems::toString);
    }
  }

  @Nested
  class SyntaxErrors {

    @Test
    void anUnquotedColonInAValueIsReportedOnItsLine() {
      Optional<YamlNode> root =
          read(
              """
          date: 2025-01-20
          type: agreement
          title: Qatar: a new partner
          status: confirmed
          """);

      assertEquals(Optional.empty(), root);
      assertEquals(1, problems.size(), problems::toString);
      Problem problem = problems.get(0);
      assertAll(
          () -> assertEquals(FILE, problem.file()),
          () -> assertEquals(3, problem.line()),
          () -> assertTrue(problem.column() > 0),
          () ->
              assertTrue(
                  problem
                      .message()
                      .startsWith("a colon followed by a space (\": \")" + " inside a value"),
                  problem.message()),
          () ->
              assertTrue(
                  problem.message().contains("put the whole value in quotes"), problem.message()));
    }

    @Test
    void aWronglyIndentedKeyIsReportedOnItsLine() {
      read("date: 2025-01-20\ntype: agreement\n  status: confirmed\n");

      assertEquals(1, problems.size(), problems::toString);
      assertEquals(3, problems.get(0).line());
    }

    @Test
    void anUnclosedQuoteIsReportedOnTheLineItOpens() {
      read("date: 2025-01-20\ntype: agreement\ntitle: \"Qatar and Syria\nstatus: confirmed\n");

      assertEquals(1, problems.size(), problems::toString);
      assertEquals(3, problems.get(0).line());
    }

    @Test
    void aTabUsedForIndentationIsReportedWithALine() {
      read("date: 2025-01-20\nsources:\n\t- publisher: X\n");

      assertEquals(1, problems.size(), problems::toString);
      assertTrue(problems.get(0).line() > 0, problems::toString);
      assertTrue(problems.get(0).format().startsWith(FILE + ":"), problems::toString);
    }

    @Test
    void aSyntaxErrorInFrontMatterIsReportedAtTheMarkdownFilesLine() {
      Path en = Path.of("en.md");
      reader.read(en, "title: ok\nsummary: Qatar: a new partner\n", 1, problems);

      assertEquals(1, problems.size(), problems::toString);
      assertEquals(en, problems.get(0).file());
      assertEquals(3, problems.get(0).line());
    }
  }
}
