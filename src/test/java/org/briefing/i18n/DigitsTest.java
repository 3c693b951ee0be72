package org.briefing.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers on Arabic pages, in Western (0–9) or Arabic-Indic (٠–٩) digits as the site chooses. */
class DigitsTest {

  @Test
  void arabicIndicDigitsReplaceEachWesternDigit() {
    assertEquals("٠١٢٣٤٥٦٧٨٩", new Digits(true).apply("0123456789"));
  }

  @Test
  void onlyDigitsChangeTheRestOfTheTextStaysAsWritten() {
    assertEquals(
        "٢٠–٢٢ يناير/كانون الثاني ٢٠٢٥", new Digits(true).apply("20–22 يناير/كانون الثاني 2025"));
  }

  @Test
  void westernDigitsLeaveTextUntouched() {
    assertEquals("20 يناير 2025", Digits.WESTERN.apply("20 يناير 2025"));
  }

  @Test
  void numbersAreWrittenInThePagesDigits() {
    assertEquals("١٤٤٦", new Digits(true).of(1446));
    assertEquals("1446", Digits.WESTERN.of(1446));
  }
}
