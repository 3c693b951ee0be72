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
}
