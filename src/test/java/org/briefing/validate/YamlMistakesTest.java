package org.briefing.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The YAML mistakes editors make, each reported in their words at the line and column they have to
 * change, never in the parser's ("while scanning", "expected <block end>"). Line and column numbers
 * are counted by hand from the fixture text.
 */
class YamlMistakesTest {

  private static final String ID = "2025-01-20-test-record";
  private static final String FACTS = FixtureContent.FACTS;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            "tab in indentation",
            FACTS.replace("  - publisher", "\t- publisher"),
            "6:1: YAML does not allow tabs in indentation; indent with spaces (press the space"
                + " bar, or set your editor to insert spaces for tabs)"),
        Arguments.of(
            "tab in a nested key's indentation",
            FACTS.replace("    title:", "  \ttitle:"),
            "7:3: YAML does not allow tabs in indentation; indent with spaces (press the space"
                + " bar, or set your editor to insert spaces for tabs)"),
        Arguments.of(
            "unclosed double quote",
            FACTS.replace("title: Example title", "title: \"Example title"),
            "7:12: this quote (\") is not closed; end the value with the same quote mark on this"
                + " line"),
        Arguments.of(
            "unclosed single quote",
            FACTS.replace("publisher: Example News", "publisher: 'Example News"),
            "6:16: this quote (') is not closed; end the value with the same quote mark on this"
                + " line"),
        Arguments.of(
            "unclosed bracket",
            FACTS.replace("[QA, SY]", "[QA, SY"),
            "3:12: this [ is not closed: end the list with ] on the same line, with a comma"
                + " between entries; put entries that contain \", \" or \": \" in quotes"),
        Arguments.of(
            "unclosed brace",
            FACTS + "organizations:\n  - {en: Civil Defence, ar: الدفاع\n",
            "10:5: this { is not closed: end the set of keys with } on the same line, with a comma"
                + " between entries; put entries that contain \", \" or \": \" in quotes"),
        Arguments.of(
            "colon in a value",
            FACTS.replace("title: Example title", "title: Example: a title"),
            "7:19: a colon followed by a space (\": \") inside a value: YAML reads it as a new"
                + " key; put the whole value in quotes: key: \"...\""),
        Arguments.of(
            "' #' in a value",
            FACTS.replace("title: Example title", "title: Example #1 title"),
            "7:12: \" #\" starts a comment in YAML, so this value ends at \"Example\" and \"#1"
                + " title\" is dropped; put the whole value in quotes: \"Example #1 title\""),
        Arguments.of(
            "a list where one value is expected",
            FACTS.replace("type: agreement", "type: [agreement, call]"),
            "2:7: \"type\" in engagement.yaml must be a single value, not a list; write one"
                + " value after the colon, without [ ] or `- `"),
        Arguments.of(
            "a value where a list of keys is expected",
            FACTS.replace(
                "sources:\n  - publisher: Example News\n    title: Example title\n    language: en\n",
                "sources: Example News\n"),
            "5:10: sources[1] must be a set of `key: value` lines, not a single value; write each of its keys ("),
        Arguments.of(
            "non-breaking space in a key",
            FACTS.replace("status:", "status\u00A0:"),
            "4:7: the key \"status\" contains a non-breaking space (U+00A0), which looks like a"
                + " space or nothing but is not one; delete the key and type it again, with"
                + " ordinary spaces before it"),
        Arguments.of(
            "non-breaking space as indentation",
            FACTS.replace("    title:", "  \u00A0 title:"),
            "7:3: this line is indented with a non-breaking space (U+00A0), which looks like a"
                + " space but is not one; indent with ordinary spaces"),
        Arguments.of(
            "zero-width space in a key",
            FACTS.replace("status:", "\u200Bstatus:"),
            "4:1: the key \"status\" contains a zero-width space (U+200B), which looks like a"
                + " space or nothing but is not one; delete the key and type it again, with"
                + " ordinary spaces before it"),
        Arguments.of(
            "Arabic-Indic digits in a date",
            FACTS.replace("2025-01-20", "٢٠٢٥-٠١-٢٠"),
            "1:7: \"٢٠٢٥-٠١-٢٠\" is written with Arabic-Indic or Persian digits; write the digits"
                + " 0-9 (YYYY-MM-DD): 2025-01-20"),
        Arguments.of(
            "Persian digits in a date",
            FACTS.replace("2025-01-20", "۲۰۲۵-۰۱"),
            "1:7: \"۲۰۲۵-۰۱\" is written with Arabic-Indic or Persian digits; write the digits"
                + " 0-9 (YYYY-MM-DD): 2025-01"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void eachMistakeIsNamedWhereItIs(String mistake, String facts, String expected, @TempDir Path tmp)
      throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path file =
        content.record(ID, facts, FixtureContent.EN, FixtureContent.AR).resolve("engagement.yaml");
    List<String> lines = content.lines(false);
    assertFalse(lines.isEmpty(), mistake);
    assertEquals(
        1,
        lines.stream().filter(l -> l.startsWith(file + ":" + expected)).count(),
        "expected\n  " + file + ":" + expected + "\nin\n  " + String.join("\n  ", lines));
    for (String line : lines) {
      for (String jargon :
          List.of(
              "while scanning",
              "while parsing",
              "<block",
              "token",
              "flow sequence",
              "simple key",
              "mapping values")) {
        assertFalse(line.contains(jargon), line);
      }
    }
  }

  @Test
  void aCommentAfterAValueStaysAComment(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    content.record(
        ID,
        FACTS
            .replace("status: confirmed", "status: confirmed  # by both")
            .replace("title: Example title", "title: Example title # checked"),
        FixtureContent.EN,
        FixtureContent.AR);
    assertEquals(List.of(), content.lines(false));
  }

  @Test
  void aColonOrHashInAFrontMatterTitleIsNamedAtTheMarkdownLine(@TempDir Path tmp)
      throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path en =
        content
            .record(
                ID,
                FACTS,
                FixtureContent.EN.replace("sign an agreement", "sign agreement #2"),
                FixtureContent.AR)
            .resolve("en.md");
    assertEquals(
        List.of(
            en
                + ":2:8: \" #\" starts a comment in YAML, so this value ends at"
                + " \"Qatar and Syria sign agreement\" and \"#2\" is dropped; put the whole value in"
                + " quotes: \"Qatar and Syria sign agreement #2\""),
        content.lines(false));
  }
}
