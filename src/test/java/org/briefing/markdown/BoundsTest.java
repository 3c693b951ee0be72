package org.briefing.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What the bounds escape and what they leave, character by character: the caps count runs of
 * delimiters and unclosed brackets, and a letter between two of them ends the run, or the
 * backslashes, before it. (MarkdownBoundsTest holds the parser to the time these caps buy.)
 */
class BoundsTest {

  @Test
  void aRunLongerThanTheCapHasItsNextDelimiterEscaped() {
    String stars = "*".repeat(Bounds.MAX_DELIMITER_RUN);
    assertEquals("a" + stars + "\\*a", Bounds.apply("a" + stars + "*a"));
    String lines = "_".repeat(Bounds.MAX_DELIMITER_RUN);
    assertEquals("a" + lines + "\\_a", Bounds.apply("a" + lines + "_a"));
  }

  @Test
  void delimitersWithLettersBetweenThemAreRunsOfOneEach() {
    String spread = "*a".repeat(2 * Bounds.MAX_DELIMITER_RUN) + "_b".repeat(40);
    assertEquals(spread, Bounds.apply(spread));
  }

  @Test
  void aBracketPastTheCapIsEscapedUnlessABackslashBeforeItMakesItText() {
    // "\a" escapes the letter, not the bracket after it: every bracket is counted
    String counted = "\\a[".repeat(Bounds.MAX_OPEN_BRACKETS);
    assertEquals(counted + "\\a\\[", Bounds.apply(counted + "\\a["));
    // "\[" is a bracket as text: never counted, never escaped again
    String literal = "\\[".repeat(2 * Bounds.MAX_OPEN_BRACKETS);
    assertEquals(literal, Bounds.apply(literal));
  }

  @Test
  void lineEndsOfAnyKindBecomeNewlinesAndTextWithoutThemIsReturnedAsItIs() {
    assertEquals("a\nb\nc\n", Bounds.apply("a\r\nb\rc\n"));
    String plain = "مرحبا *بكم* في [الموقع](https://example.org)\n\n| a | b |";
    assertEquals(plain, Bounds.apply(plain));
  }

  @Test
  void theMarkerPastTheCapAtALinesStartIsEscapedAndTheRestOfTheLineIsText() {
    int cap = Bounds.MAX_MARKERS_PER_LINE;
    assertEquals("> ".repeat(cap) + "\\> x", Bounds.apply("> ".repeat(cap + 1) + "x"));
    assertEquals("- ".repeat(cap) + "\\- x", Bounds.apply("- ".repeat(cap + 1) + "x"));
    assertEquals("+ ".repeat(cap) + "\\+ x", Bounds.apply("+ ".repeat(cap + 1) + "x"));
    assertEquals("1. ".repeat(cap) + "1\\. x", Bounds.apply("1. ".repeat(cap + 1) + "x"));
    assertEquals("2) ".repeat(cap) + "2\\) x", Bounds.apply("2) ".repeat(cap + 1) + "x"));
    assertEquals("[^a]: ".repeat(cap) + "\\[^a]: x", Bounds.apply("[^a]: ".repeat(cap + 1) + "x"));
    // as many as the cap, markers that are not (no space after, a number too long, a break),
    // and markers later in the line are left alone
    for (String kept :
        new String[] {
          "> ".repeat(cap) + "x",
          "-".repeat(cap + 1) + "x",
          "1234567890. ".repeat(cap + 1),
          "1.".repeat(cap + 1),
          "[^]: ".repeat(cap + 1),
          "[^a b]: ".repeat(cap + 1),
          "[^a] ".repeat(cap + 1),
          "* ".repeat(cap + 8),
          "x " + "> ".repeat(cap + 1)
        }) {
      assertEquals(kept, Bounds.apply(kept));
    }
  }

  @Test
  void aTableTooWideLosesItsDelimiterRowAndOnePastTheCellBudgetIsEnded() {
    int columns = Bounds.MAX_TABLE_COLUMNS;
    String wide = "-|".repeat(columns) + "-";
    assertEquals("a|b\n\\" + wide, Bounds.apply("a|b\n" + wide));
    String widest = "-|".repeat(columns - 1) + "-";
    assertEquals("a|b\n" + widest, Bounds.apply("a|b\n" + widest));
    assertEquals("ab\n" + wide, Bounds.apply("ab\n" + wide), "no pipe above: not a table");
    assertEquals("> a|b\n> \\" + wide, Bounds.apply("> a|b\n> " + wide), "in a block quote");
    // two columns: the header and each row count 2 cells, so the budget ends at the 5,000th row
    int rows = (Bounds.MAX_TABLE_CELLS - 2) / 2;
    String table = "a|b\n-|-\n" + "x|y\n".repeat(rows);
    assertEquals(table, Bounds.apply(table));
    assertEquals(table + "\nx|y\n", Bounds.apply(table + "x|y\n"));
  }

  @Test
  void aLongParagraphOfLinesThatDoNotStartWithALetterIsBrokenByABlankLine() {
    int cap = Bounds.MAX_BLOCK_LINES;
    assertEquals("1 x\n".repeat(cap) + "\n1 x\n", Bounds.apply("1 x\n".repeat(cap + 1)), "digits");
    String prose = "a x\n".repeat(cap + 100);
    assertEquals(prose, Bounds.apply(prose), "lines that start with letters");
    String paragraphs = ("1 x\n".repeat(cap) + "\n").repeat(3);
    assertEquals(paragraphs, Bounds.apply(paragraphs), "blank lines between");
  }

  @Test
  void theCapsOnRunsAndBracketsCountOneParagraph() {
    int runs = Bounds.MAX_DELIMITER_RUNS;
    assertEquals("*a".repeat(runs) + "\\*a", Bounds.apply("*a".repeat(runs + 1)));
    String apart = "*a".repeat(runs / 2 + 1) + "\n\n" + "*a".repeat(runs / 2 + 1);
    assertEquals(apart, Bounds.apply(apart));
    String brackets = "a[".repeat(Bounds.MAX_OPEN_BRACKETS - 1);
    String closed = "[a]".repeat(3 * Bounds.MAX_OPEN_BRACKETS) + brackets;
    assertEquals(closed, Bounds.apply(closed), "closed brackets are not open");
    String twoParagraphs = brackets + "\n \n" + brackets + "a[";
    assertEquals(twoParagraphs, Bounds.apply(twoParagraphs));
    String escapedRun = "a" + "\\*".repeat(3 * Bounds.MAX_DELIMITER_RUN);
    assertEquals(escapedRun, Bounds.apply(escapedRun), "escaped delimiters are text");
    String rule = "*".repeat(3 * Bounds.MAX_DELIMITER_RUN);
    assertEquals(rule, Bounds.apply(rule), "a thematic break");
  }

  @Test
  void thematicBreaksAreLeavesAndNotMarkers() {
    int cap = Bounds.MAX_MARKERS_PER_LINE;
    String quotes = "> ".repeat(cap - 1);
    // "* * *" and "- - -" are breaks: nothing nests in them, so no marker past the cap
    assertEquals(quotes + "* * *", Bounds.apply(quotes + "* * *"));
    assertEquals(quotes + "- - -", Bounds.apply(quotes + "- - -"));
    // "+ + +" is no break (only -, * and _ make one): three more markers, the second one too many
    assertEquals(quotes + "+ \\+ +", Bounds.apply(quotes + "+ + +"));
    // "* *" is no break either: two markers
    assertEquals(quotes + "* \\*", Bounds.apply(quotes + "* *"));
    // a marker at the very end of the line is followed by nothing, which counts as a space
    assertEquals("> ".repeat(cap) + "\\-", Bounds.apply("> ".repeat(cap) + "-"));
    // a break of underscores is no run of emphasis
    String underscores = "_ ".repeat(3 * Bounds.MAX_DELIMITER_RUN);
    assertEquals(underscores, Bounds.apply(underscores));
  }

  @Test
  void orderedMarkersHaveOneToNineDigitsOfAnyValue() {
    int cap = Bounds.MAX_MARKERS_PER_LINE;
    for (String number : new String[] {"0", "9", "90", "123456789"}) {
      String marker = number + ". ";
      assertEquals(
          marker.repeat(cap) + number + "\\. x",
          Bounds.apply(marker.repeat(cap + 1) + "x"),
          number);
    }
    for (String kept : new String[] {"/. ".repeat(cap + 1), ":. ".repeat(cap + 1)}) {
      assertEquals(kept, Bounds.apply(kept), "not a digit: " + kept);
    }
    String footnotes = "[^a]: ".repeat(cap) + "[^a]";
    assertEquals(footnotes, Bounds.apply(footnotes), "no colon after the last: no marker");
  }

  @Test
  void delimiterRowsAreOnlyPipesDashesColonsAndSpacesInsideAnyQuotes() {
    int columns = Bounds.MAX_TABLE_COLUMNS;
    String aligned = ":-|".repeat(columns) + ":-:";
    assertEquals("a|b\n\\" + aligned, Bounds.apply("a|b\n" + aligned), "colons align");
    String wide = "-|".repeat(columns) + "-";
    assertEquals("a|b\n  \\" + wide, Bounds.apply("a|b\n  " + wide), "indented");
    assertEquals(">> a|b\n>> \\" + wide, Bounds.apply(">> a|b\n>> " + wide), "quote in quote");
    assertEquals("> a|b\n>\t\\" + wide, Bounds.apply("> a|b\n>\t" + wide), "a tab after >");
    for (String row :
        new String[] {
          "-|".repeat(columns) + "x", // a letter: a line of text
          "|".repeat(columns + 1), // no dash
          "x:|".repeat(columns) + "x" // colons among letters
        }) {
      assertEquals("a|b\n" + row, Bounds.apply("a|b\n" + row), row);
    }
  }

  @Test
  void linesIndentedAsCodeDoNotStartWithALetter() {
    int cap = Bounds.MAX_BLOCK_LINES;
    for (String indent : new String[] {"    ", "\t", " \t", "  \t"}) {
      String line = indent + "a x\n";
      assertEquals(
          line.repeat(cap) + "\n" + line,
          Bounds.apply(line.repeat(cap + 1)),
          "indented " + indent.replace("\t", "\\t"));
    }
    String prose = "   a x\n".repeat(cap + 1);
    assertEquals(prose, Bounds.apply(prose), "three spaces: still prose");
  }

  @Test
  void aCarriageReturnFirstIsALineEndToo() {
    assertEquals("\na", Bounds.apply("\ra"));
  }
}
