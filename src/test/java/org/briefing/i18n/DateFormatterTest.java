package org.briefing.i18n;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.util.Optional;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Dates as readers see them on each language's pages. The expected strings are written out in full:
 * they are what a reader sees, checked by hand, not what the formatter happened to return.
 */
class DateFormatterTest {

  private static final DateFormatter ENGLISH = new DateFormatter(Lang.EN, false);
  private static final DateFormatter ARABIC = new DateFormatter(Lang.AR, false);
  private static final DateFormatter ARABIC_INDIC = new DateFormatter(Lang.AR, true);

  private static PartialDate date(String text) {
    return PartialDate.parse(text);
  }

  @Nested
  class English {

    @Test
    void aDayIsWrittenDayMonthYear() {
      assertEquals("20 January 2025", ENGLISH.format(date("2025-01-20")));
    }

    @Test
    void aMonthIsWrittenWithoutAnInventedDay() {
      assertEquals("January 2025", ENGLISH.format(date("2025-01")));
    }

    @Test
    void aYearIsWrittenAlone() {
      assertEquals("2025", ENGLISH.format(date("2025")));
    }

    @Test
    void singleDigitDaysHaveNoLeadingZero() {
      assertEquals("5 December 2024", ENGLISH.format(date("2024-12-05")));
    }

    @Test
    void englishPagesNeverUseArabicIndicDigitsEvenWhenTheSiteEnablesThem() {
      assertEquals("20 January 2025", new DateFormatter(Lang.EN, true).format(date("2025-01-20")));
    }
  }

  @Nested
  class Arabic {

    @Test
    void aDayCarriesTheStandardAndTheLevantineMonthName() {
      assertEquals("20 يناير/كانون الثاني 2025", ARABIC.format(date("2025-01-20")));
    }

    @Test
    void aMonthIsWrittenWithBothNamesAndNoDay() {
      assertEquals("أبريل/نيسان 2025", ARABIC.format(date("2025-04")));
    }

    @Test
    void aYearIsWrittenAlone() {
      assertEquals("2025", ARABIC.format(date("2025")));
    }

    @Test
    void everyMonthHasItsPairOfNames() {
      String[] expected = {
        "يناير/كانون الثاني",
        "فبراير/شباط",
        "مارس/آذار",
        "أبريل/نيسان",
        "مايو/أيار",
        "يونيو/حزيران",
        "يوليو/تموز",
        "أغسطس/آب",
        "سبتمبر/أيلول",
        "أكتوبر/تشرين الأول",
        "نوفمبر/تشرين الثاني",
        "ديسمبر/كانون الأول"
      };
      for (int month = 1; month <= 12; month++) {
        assertEquals(
            expected[month - 1] + " 2025",
            ARABIC.format(new PartialDate(2025, month, 0)),
            "month " + month);
      }
    }

    @Test
    void arabicIndicDigitsReplaceEveryDigitWhenEnabled() {
      assertAll(
          () -> assertEquals("٢٠ يناير/كانون الثاني ٢٠٢٥", ARABIC_INDIC.format(date("2025-01-20"))),
          () -> assertEquals("أبريل/نيسان ٢٠٢٥", ARABIC_INDIC.format(date("2025-04"))),
          () -> assertEquals("٢٠٢٥", ARABIC_INDIC.format(date("2025"))));
    }
  }

  @Nested
  class Ranges {

    @Test
    void daysInOneMonthShareTheMonthAndYear() {
      assertEquals(
          "20–22 January 2025",
          ENGLISH.formatRange(date("2025-01-20"), Optional.of(date("2025-01-22"))));
      assertEquals(
          "20–22 يناير/كانون الثاني 2025",
          ARABIC.formatRange(date("2025-01-20"), Optional.of(date("2025-01-22"))));
    }

    @Test
    void daysInTwoMonthsOfOneYearShareTheYear() {
      assertEquals(
          "30 January – 2 February 2025",
          ENGLISH.formatRange(date("2025-01-30"), Optional.of(date("2025-02-02"))));
    }

    @Test
    void daysInTwoYearsAreWrittenInFull() {
      assertEquals(
          "30 December 2024 – 2 January 2025",
          ENGLISH.formatRange(date("2024-12-30"), Optional.of(date("2025-01-02"))));
    }

    @Test
    void vagueEndsAreWrittenAtTheirOwnPrecision() {
      assertEquals(
          "20 January 2025 – March 2025",
          ENGLISH.formatRange(date("2025-01-20"), Optional.of(date("2025-03"))));
      assertEquals("2024 – 2025", ENGLISH.formatRange(date("2024"), Optional.of(date("2025"))));
    }

    @Test
    void noEndOrAnEndOnTheSameDayIsASingleDate() {
      assertEquals("20 January 2025", ENGLISH.formatRange(date("2025-01-20"), Optional.empty()));
      assertEquals(
          "20 January 2025",
          ENGLISH.formatRange(date("2025-01-20"), Optional.of(date("2025-01-20"))));
    }

    @Test
    void arabicRangesAcrossMonthsAndYearsNameEachMonth() {
      assertEquals(
          "30 يناير/كانون الثاني – 2 فبراير/شباط 2025",
          ARABIC.formatRange(date("2025-01-30"), Optional.of(date("2025-02-02"))));
      assertEquals(
          "30 ديسمبر/كانون الأول 2024 – 2 يناير/كانون الثاني 2025",
          ARABIC.formatRange(date("2024-12-30"), Optional.of(date("2025-01-02"))));
      assertEquals(
          "ديسمبر/كانون الأول 2024 – يناير/كانون الثاني 2025",
          ARABIC.formatRange(date("2024-12"), Optional.of(date("2025-01"))));
    }

    @Test
    void monthsOfTwoYearsAreNotOneMonth() {
      assertEquals(
          "December 2024 – January 2025",
          ENGLISH.formatRange(date("2024-12"), Optional.of(date("2025-01"))));
      assertEquals(
          "January 2024 – January 2025",
          ENGLISH.formatRange(date("2024-01"), Optional.of(date("2025-01"))));
      assertEquals(
          "20 January 2024 – 22 January 2025",
          ENGLISH.formatRange(date("2024-01-20"), Optional.of(date("2025-01-22"))));
      assertEquals(
          "20 يناير/كانون الثاني 2024 – 22 يناير/كانون الثاني 2025",
          ARABIC.formatRange(date("2024-01-20"), Optional.of(date("2025-01-22"))));
    }

    @Test
    void arabicIndicDigitsApplyToRangesToo() {
      assertEquals(
          "٢٠–٢٢ يناير/كانون الثاني ٢٠٢٥",
          ARABIC_INDIC.formatRange(date("2025-01-20"), Optional.of(date("2025-01-22"))));
    }
  }

  @Nested
  class TimelineHeadings {

    @Test
    void aMonthHeadingIsTheMonthAndYear() {
      assertEquals("April 2025", ENGLISH.monthHeading(2025, 4));
      assertEquals("أبريل/نيسان 2025", ARABIC.monthHeading(2025, 4));
    }

    @Test
    void theMonthZeroGroupIsHeadedByTheYearAlone() {
      assertEquals("2025", ENGLISH.monthHeading(2025, 0));
    }
  }

  /**
   * The Umm al-Qura calendar as java.time has it. These checks pin the calendar data to dates
   * announced publicly (the start of Ramadan 1446 and of the year 1447), so the golden strings
   * below rest on something other than the formatter itself.
   */
  @Nested
  class HijriCalendarData {

    @Test
    void ramadan1446BeganOnTheFirstOfMarch2025() {
      assertEquals(LocalDate.of(2025, 3, 1), LocalDate.from(HijrahDate.of(1446, 9, 1)));
    }

    @Test
    void theYear1447BeganOnTheTwentySixthOfJune2025() {
      assertEquals(LocalDate.of(2025, 6, 26), LocalDate.from(HijrahDate.of(1447, 1, 1)));
    }

    @Test
    void theTwentiethOfJanuary2025WasTheTwentiethOfRajab1446() {
      assertEquals(HijrahDate.of(1446, 7, 20), DateFormatter.toHijri(LocalDate.of(2025, 1, 20)));
    }
  }

  @Nested
  class Hijri {

    @Test
    void aDayIsWrittenAsItsUmmAlQuraDay() {
      assertEquals(Optional.of("20 رجب 1446 هـ"), ARABIC.hijri(date("2025-01-20")));
      assertEquals(Optional.of("1 رمضان 1446 هـ"), ARABIC.hijri(date("2025-03-01")));
      assertEquals(Optional.of("1 محرم 1447 هـ"), ARABIC.hijri(date("2025-06-26")));
    }

    @Test
    void aGregorianMonthIsWrittenAsTheTwoHijriMonthsItSpans() {
      // 1 January 2025 = 1 Rajab 1446; 31 January 2025 = 1 Sha'ban 1446
      assertEquals(Optional.of("رجب – شعبان 1446 هـ"), ARABIC.hijri(date("2025-01")));
      // 1 April 2025 = 3 Shawwal; 30 April 2025 = 2 Dhu al-Qa'dah
      assertEquals(Optional.of("شوال – ذو القعدة 1446 هـ"), ARABIC.hijri(date("2025-04")));
    }

    @Test
    void aGregorianMonthInsideOneHijriMonthNamesItOnce() {
      // 1 September 2008 = 1 Ramadan 1429; 30 September 2008 = 30 Ramadan 1429
      assertEquals(Optional.of("رمضان 1429 هـ"), ARABIC.hijri(date("2008-09")));
    }

    @Test
    void aMonthAcrossTheHijriNewYearNamesBothYears() {
      // 1 June 2025 = 5 Dhu al-Hijjah 1446; 30 June 2025 = 5 Muharram 1447
      assertEquals(Optional.of("ذو الحجة 1446 – محرم 1447 هـ"), ARABIC.hijri(date("2025-06")));
    }

    @Test
    void aGregorianYearIsWrittenAsTheTwoHijriYearsItSpans() {
      assertEquals(Optional.of("1446 – 1447 هـ"), ARABIC.hijri(date("2025")));
    }

    @Test
    void hijriDatesUseArabicIndicDigitsWhenEnabled() {
      assertEquals(Optional.of("٢٠ رجب ١٤٤٦ هـ"), ARABIC_INDIC.hijri(date("2025-01-20")));
      assertEquals(Optional.of("١٤٤٦ – ١٤٤٧ هـ"), ARABIC_INDIC.hijri(date("2025")));
    }

    @Test
    void aDateBeyondTheCalendarsTablesHasNoHijriDateRatherThanAWrongOne() {
      // java.time's Umm al-Qura data ends in November 2174 (the end of 1600 AH)
      assertEquals(Optional.empty(), ARABIC.hijri(date("2180-01-01")));
      assertEquals(Optional.empty(), ARABIC.hijri(date("2174")));
    }
  }

  @Test
  void theMachineReadableFormIsIsoAtTheDatesOwnPrecision() {
    assertAll(
        () -> assertEquals("2025-01-20", DateFormatter.iso(date("2025-01-20"))),
        () -> assertEquals("2025-04", DateFormatter.iso(date("2025-04"))),
        () -> assertEquals("2025", DateFormatter.iso(date("2025"))));
  }
}
