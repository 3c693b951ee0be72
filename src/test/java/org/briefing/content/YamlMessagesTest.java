package org.briefing.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The YAML mistakes that YamlMistakesTest does not make, each named in the editor's words at the
 * line and column to change. Lines and columns are counted by hand from the text; "|" stands for a
 * line break.
 */
class YamlMessagesTest {

  private static final Path FILE = Path.of("content", "site.yaml");

  private static List<String> problems(String yaml) {
    List<Problem> problems = new ArrayList<>();
    new YamlReader().read(FILE, yaml.replace("|", "\n"), 0, problems);
    return problems.stream().map(Problem::format).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " >> ",
      quoteCharacter = '~',
      value = {
        "a key without its colon >> date: 2025-01-20|type visit|countries: [QA]| >> 2:1: this line is"
            + " not `key: value`: a key needs a colon and a space after it; if the line continues"
            + " the value above, put that whole value in quotes on one line",
        "a line that is not a key after a value >> title: Visit|\"to Doha\"| >> 2:1: this line is not"
            + " `key: value`: a key needs a colon and a space after it; if the line continues the"
            + " value above, put that whole value in quotes on one line",
        "a list entry under no key >> date: 2025-01-20|type: visit|- QA| >> 3:1: a `- ` list entry"
            + " where a key was expected: indent the list under its key (`countries:` on one line,"
            + " then `  - SY`), or write it on the key's line as [SY, TR]",
        "a key indented one space too far >> sources:|  - publisher: X|   title: Y| >> 3:4: this line"
            + " is not indented like the keys or list entries above it; line it up with them (use"
            + " spaces, the same number as the lines above), or put the value in quotes if it"
            + " continues a value",
        "a key indented one space too little >> about:|  en: x| ar: y| >> 3:2: this line is not"
            + " indented like the keys or list entries above it; line it up with them (use spaces,"
            + " the same number as the lines above), or put the value in quotes if it continues a"
            + " value",
        "a value beginning with @ >> date: 2025-01-20|title: @home| >> 2:8: a value cannot begin with"
            + " @ in YAML; put the whole value in quotes",
        "a value beginning with a backquote >> title: `x`| >> 1:8: a value cannot begin with ` in"
            + " YAML; put the whole value in quotes",
        "a value beginning with % >> title: %x| >> 1:8: a value cannot begin with % in YAML; put the"
            + " whole value in quotes",
        "keys after a list on the first line >> [a, b]|key: c| >> 2:1: keys start here after a line"
            + " above that is not `key: value` (a key needs a colon and a space after it, `title:"
            + " ...`); correct that line, or put its whole value in quotes",
        "an unknown escape in double quotes >> title: \"a\\qb\"| >> 1:11: a backslash in double quotes"
            + " starts an escape YAML does not know; put the value in single quotes ('...')"
            + " instead, or write \\\\ for a backslash",
        "anything else >> %YAML 1.1|%YAML 1.1|---|a: b| >> 2:1: YAML cannot read this line (found"
            + " duplicate YAML directive); check the indentation, and put quotes around values that"
            + " contain \": \" or \" #\" or start with a special character",
        "a control character >> date: 2025|title: a\u0007b| >> 2:9: an invisible or control"
            + " character (U+0007) YAML cannot read; delete it and retype what is around it",
        "an ampersand with no name >> date: 2025|key: &| >> 2:6: a value cannot begin with & in"
            + " YAML (it would start an anchor, which is not allowed); put the whole value in"
            + " quotes",
        "an asterisk with no name >> key: *| >> 1:6: a value cannot begin with * in YAML (it would"
            + " start an alias, which is not allowed); put the whole value in quotes",
        "a binary tag on text that is not base64 >> date: 2025|key: !!binary x| >> 2:6: YAML tags"
            + " (!!binary) are not allowed; remove the tag, and quote the value if it must stay"
            + " text",
      })
  void eachMistakeIsNamedWhereItIs(String mistake, String yaml, String expected) {
    assertEquals(List.of(FILE + ":" + expected), problems(yaml), mistake);
  }

  /**
   * Each character YAML refuses is named at its own line and column, after characters at the edges
   * of what YAML allows (a space, ~, U+00A0, U+D7FF, U+E000, U+FFFD, U+10000), which are passed
   * over and each count as one column.
   */
  @ParameterizedTest(name = "U+{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"0008", "001F", "007F", "0084", "0086", "009F", "D800", "FFFE"})
  void everyCharacterYamlRefusesIsNamedWhereItIs(String hex) {
    String refused = String.valueOf((char) Integer.parseInt(hex, 16));
    String allowed = "~\u00A0\uD7FF\uE000\uFFFD" + new String(Character.toChars(0x10000));
    String yaml = "date: 2025|title: b" + allowed + refused + "c|";
    assertEquals(
        List.of(
            FILE
                + ":2:15: an invisible or control character (U+"
                + hex
                + ") YAML cannot read; delete it and retype what is around it"),
        problems(yaml));
    // in a record's front matter, the first line of the YAML is the file's second
    List<Problem> inRecord = new ArrayList<>();
    new YamlReader().read(FILE, yaml.replace("|", "\n"), 1, inRecord);
    assertEquals(3, inRecord.get(0).line(), "counted from the file's first line");
  }

  @org.junit.jupiter.api.Test
  void aCommentMarkWithNothingAfterItEndsTheValueSilently() {
    assertEquals(List.of(), problems("title: Kim #|date: 2025|"));
    assertEquals(List.of(), problems("title: Kim  #|date: 2025|"));
  }
}
