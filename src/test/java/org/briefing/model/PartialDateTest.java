package org.briefing.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dates as editors write them in {@code date:} and {@code end_date:}: to the day, the month or the
 * year, read strictly, and never completed with an invented day.
 */
class PartialDateTest {

  @Test
  void datesAreWrittenBackAsIsoWritesThemWithEveryZero() {
    assertAll(
        () -> assertEquals("2025-12-31", new PartialDate(2025, 12, 31).toString()),
        () -> assertEquals("2025-10-10", new PartialDate(2025, 10, 10).toString()),
        () -> assertEquals("2025-09-01", new PartialDate(2025, 9, 1).toString()),
        () -> assertEquals("0987-03", new PartialDate(987, 3, 0).toString()),
        () -> assertEquals("0042", new PartialDate(42, 0, 0).toString()),
        () -> assertEquals("12025", new PartialDate(12025, 0, 0).toString()));
  }

  @Test
  void paddedNumbersMatchTheFormatterTheyReplace() {
    int[] numbers = {
      Integer.MIN_VALUE, -1234, -5, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000
    };
    for (int n : numbers) {
      assertEquals(
          String.format(java.util.Locale.ROOT, "%02d", n), PartialDate.twoDigits(n), "two: " + n);
      assertEquals(
          String.format(java.util.Locale.ROOT, "%04d", n), PartialDate.fourDigits(n), "four: " + n);
    }
  }

  @Nested
  class Parsing {

    @Test
    void aFullDateIsKnownToTheDay() {
      PartialDate date = PartialDate.parse("2025-01-20");
      assertAll(
          () -> assertEquals(new PartialDate(2025, 1, 20), date),
          () -> assertEquals(PartialDate.Precision.DAY, date.precision()),
          () -> assertEquals("2025-01-20", date.toString()));
    }

    @Test
    void aYearAndMonthIsKnownToTheMonthAndKeepsNoDay() {
      PartialDate date = PartialDate.parse("2025-04");
      assertAll(
          () -> assertEquals(new PartialDate(2025, 4, 0), date),
          () -> assertEquals(PartialDate.Precision.MONTH, date.precision()),
          () -> assertEquals("2025-04", date.toString()));
    }

    @Test
    void aYearAloneIsKnownToTheYear() {
      PartialDate date = PartialDate.parse("2025");
      assertAll(
          () -> assertEquals(new PartialDate(2025, 0, 0), date),
          () -> assertEquals(PartialDate.Precision.YEAR, date.precision()),
          () -> assertEquals("2025", date.toString()));
    }

    @Test
    void theThirtiethOfFebruaryIsRefusedWithTheNumberOfDaysFebruaryHas() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2025-02-30"));
      assertAll(
          () -> assertTrue(e.getMessage().contains("2025-02-30"), e.getMessage()),
          () -> assertTrue(e.getMessage().contains("February 2025 has 28 days"), e.getMessage()));
    }

    @Test
    void theTwentyNinthOfFebruaryIsAcceptedOnlyInALeapYear() {
      assertEquals(new PartialDate(2024, 2, 29), PartialDate.parse("2024-02-29"));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2025-02-29"));
      assertTrue(e.getMessage().contains("February 2025 has 28 days"), e.getMessage());
    }

    @Test
    void theThirtyFirstOfAThirtyDayMonthIsRefused() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2025-04-31"));
      assertTrue(e.getMessage().contains("April 2025 has 30 days"), e.getMessage());
    }

    @Test
    void aThirteenthMonthIsRefusedWithTheRangeOfMonths() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2025-13"));
      assertAll(
          () -> assertTrue(e.getMessage().contains("month 13 does not exist"), e.getMessage()),
          () -> assertTrue(e.getMessage().contains("01–12"), e.getMessage()));
    }

    @Test
    void monthZeroIsRefusedRatherThanReadAsYearOnly() {
      assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2025-00"));
      assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2025-00-10"));
    }

    @Test
    void dayZeroIsRefusedRatherThanReadAsMonthOnly() {
      assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2025-02-00"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
        strings = {
          "2025-1-5", // month and day need two digits
          "2025-01-5",
          "25-01-01", // two-digit year
          "20250120", // no hyphens
          "2025/01/20",
          "20-01-2025", // day first
          "2025-01-20T10:00",
          "2025-01-20 ", // trailing text (the validator strips, the parser does not guess)
          "January 2025",
          "",
          "٢٠٢٥-٠١-٢٠" // Arabic-Indic digits: the contract is ASCII YYYY-MM-DD
        })
    void textThatIsNotExactlyYyyyMmDdIsRefusedWithTheFormToWrite(String text) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> PartialDate.parse(text));
      assertTrue(e.getMessage().contains("YYYY-MM-DD"), e.getMessage());
    }

    @Test
    void aYearOutsideTheRangeOfRecordsIsRefusedAsATypo() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("1025-01-20"));
      assertTrue(e.getMessage().contains("1025"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("2925"));
    }
  }

  @Nested
  class Ordering {

    @Test
    void mixedPrecisionsSortWithAPeriodBeforeTheDaysInsideIt() {
      PartialDate day = PartialDate.parse("2025-04-17");
      PartialDate month = PartialDate.parse("2025-04");
      PartialDate year = PartialDate.parse("2025");
      PartialDate laterMonth = PartialDate.parse("2025-05");
      PartialDate earlierYear = PartialDate.parse("2024-12-31");

      List<PartialDate> dates = new ArrayList<>(List.of(day, laterMonth, year, earlierYear, month));
      Collections.sort(dates);

      assertEquals(List.of(earlierYear, year, month, day, laterMonth), dates);
    }

    @Test
    void theFirstAndLastDayOfAVagueDateSpanThePeriodItNames() {
      assertAll(
          () -> assertEquals(LocalDate.of(2025, 2, 1), PartialDate.parse("2025-02").firstDay()),
          () -> assertEquals(LocalDate.of(2025, 2, 28), PartialDate.parse("2025-02").lastDay()),
          () -> assertEquals(LocalDate.of(2024, 2, 29), PartialDate.parse("2024-02").lastDay()),
          () -> assertEquals(LocalDate.of(2025, 1, 1), PartialDate.parse("2025").firstDay()),
          () -> assertEquals(LocalDate.of(2025, 12, 31), PartialDate.parse("2025").lastDay()),
          () -> assertEquals(LocalDate.of(2025, 1, 20), PartialDate.parse("2025-01-20").lastDay()));
    }
  }

  /** {@code end_date} must not be before {@code date}; a vague end may share its period. */
  @Nested
  class EndDateNotBeforeDate {

    @Test
    void anEndOnTheSameDayOrLaterIsAccepted() {
      PartialDate start = PartialDate.parse("2025-01-20");
      assertTrue(PartialDate.parse("2025-01-20").notBefore(start));
      assertTrue(PartialDate.parse("2025-01-22").notBefore(start));
      assertTrue(PartialDate.parse("2026").notBefore(start));
    }

    @Test
    void anEndTheDayBeforeIsRefused() {
      assertFalse(PartialDate.parse("2025-01-19").notBefore(PartialDate.parse("2025-01-20")));
    }

    @Test
    void anEndKnownOnlyToTheSameMonthOrYearIsAccepted() {
      PartialDate start = PartialDate.parse("2025-01-20");
      assertTrue(PartialDate.parse("2025-01").notBefore(start));
      assertTrue(PartialDate.parse("2025").notBefore(start));
    }

    @Test
    void anEndInAnEarlierPeriodIsRefused() {
      assertFalse(PartialDate.parse("2024-12").notBefore(PartialDate.parse("2025-01-20")));
      assertFalse(PartialDate.parse("2024").notBefore(PartialDate.parse("2025")));
      assertFalse(PartialDate.parse("2025-03-31").notBefore(PartialDate.parse("2025-04")));
    }
  }
}
