package org.briefing.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.briefing.RandomTexts;
import org.junit.jupiter.api.Test;

/**
 * Citation files hold each field on one line: whatever blanks a title holds (line breaks, tabs,
 * runs of spaces, Unicode line separators, control characters), a reference manager reads it as
 * words separated by single spaces, and a title already so is passed through as it is.
 */
class OneLineTest {

  private static final String[] PIECES = {
    "Qatar", "قطر", "وزير", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\u2029", "\u0085",
    "\u0007", "\u007f", "\u0080", "\u009f", "\u200b", "😀", "-", "«", "»", "1"
  };

  @Test
  void everyRunOfBlanksBecomesOneSpaceAndNoneIsLeftAtTheEnds() {
    for (String t : RandomTexts.of(20261130L, 20_000, 12, PIECES)) {
      assertEquals(
          plainly(t), Citation.oneLine(t), () -> "text: " + t.codePoints().boxed().toList());
    }
  }

  @Test
  void aTitleOnOneLineAlreadyIsTheSameText() {
    String title = "Qatar and Somalia sign a training agreement «اتفاقية تدريب»";
    assertSame(title, Citation.oneLine(title));
  }

  /** Blanks to spaces, runs of spaces to one, none at either end. */
  private static String plainly(String text) {
    StringBuilder spaced = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              boolean blank =
                  Character.isWhitespace(c)
                      || Character.isISOControl(c)
                      || c == 0x2028
                      || c == 0x2029
                      || c == 0x85;
              spaced.appendCodePoint(blank ? ' ' : c);
            });
    return spaced.toString().replaceAll(" +", " ").replaceAll("^ | $", "");
  }
}
