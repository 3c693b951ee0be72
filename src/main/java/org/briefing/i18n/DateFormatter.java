package org.briefing.i18n;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.Optional;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;

/**
 * Writes dates as each language's readers expect them, at the precision they are known.
 *
 * <ul>
 *   <li>English: {@code 20 January 2025}, {@code January 2025}, {@code 2025}.
 *   <li>Arabic: the standard month name with the Levantine one beside it, as Arab newsrooms write
 *       them: {@code 20 يناير/كانون الثاني 2025}.
 *   <li>Hijri (Arabic pages): the Umm al-Qura date of {@link HijrahDate}; a month or year spans two
 *       Hijri months or years, and is written as that span, never as one invented day.
 * </ul>
 *
 * <p>Nothing here reads the default locale: the language is always passed in. Immutable.
 */
public final class DateFormatter {

  private static final String[] ENGLISH_MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  private static final String[] ARABIC_MONTHS = {
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر"
  };

  private static final String[] LEVANTINE_MONTHS = {
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول"
  };

  private static final String[] HIJRI_MONTHS = {
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة"
  };

  private static final String HIJRI_ERA = "هـ";
  private static final String EN_DASH = "–";

  private final Lang lang;
  private final Digits digits;

  public DateFormatter(Lang lang, boolean arabicIndicDigits) {
    this.lang = lang;
    this.digits = lang == Lang.AR ? new Digits(arabicIndicDigits) : Digits.WESTERN;
  }

  /** The Gregorian date at its own precision. */
  public String format(PartialDate date) {
    return digits.apply(
        switch (date.precision()) {
          case DAY -> date.day() + " " + monthName(date.month()) + " " + date.year();
          case MONTH -> monthName(date.month()) + " " + date.year();
          case YEAR -> Integer.toString(date.year());
        });
  }

  /** A span such as {@code 20–22 January 2025}; shares the month and year where it can. */
  public String formatRange(PartialDate start, Optional<PartialDate> end) {
    if (end.isEmpty() || end.get().equals(start)) {
      return format(start);
    }
    PartialDate e = end.get();
    boolean days =
        start.precision() == PartialDate.Precision.DAY
            && e.precision() == PartialDate.Precision.DAY;
    if (days && start.year() == e.year() && start.month() == e.month()) {
      return digits.apply(
          start.day() + EN_DASH + e.day() + " " + monthName(start.month()) + " " + start.year());
    }
    if (days && start.year() == e.year()) {
      return digits.apply(
          start.day()
              + " "
              + monthName(start.month())
              + " "
              + EN_DASH
              + " "
              + e.day()
              + " "
              + monthName(e.month())
              + " "
              + e.year());
    }
    return format(start) + " " + EN_DASH + " " + format(e);
  }

  /** A month heading of the timeline: the month and year, or the year alone when month is 0. */
  public String monthHeading(int year, int month) {
    return month == 0
        ? format(new PartialDate(year, 0, 0))
        : format(new PartialDate(year, month, 0));
  }

  /**
   * The Hijri date, or span, that corresponds to {@code date}: {@code 20 رجب 1446 هـ}, {@code رجب –
   * شعبان 1446 هـ}, {@code 1446 – 1447 هـ}. Empty outside the Umm al-Qura calendar's range.
   */
  public Optional<String> hijri(PartialDate date) {
    try {
      HijrahDate first = HijrahDate.from(date.firstDay());
      HijrahDate last = HijrahDate.from(date.lastDay());
      return Optional.of(digits.apply(hijriSpan(date, first, last)) + " " + HIJRI_ERA);
    } catch (DateTimeException e) {
      return Optional.empty(); // before 1300 AH or after 1600 AH: no reliable conversion
    }
  }

  private static String hijriSpan(PartialDate date, HijrahDate first, HijrahDate last) {
    int y1 = first.get(ChronoField.YEAR);
    int y2 = last.get(ChronoField.YEAR);
    int m1 = first.get(ChronoField.MONTH_OF_YEAR);
    int m2 = last.get(ChronoField.MONTH_OF_YEAR);
    if (date.precision() == PartialDate.Precision.DAY) {
      return first.get(ChronoField.DAY_OF_MONTH) + " " + HIJRI_MONTHS[m1 - 1] + " " + y1;
    }
    if (date.precision() == PartialDate.Precision.YEAR) {
      return y1 + " " + EN_DASH + " " + y2;
    }
    if (y1 == y2 && m1 == m2) {
      return HIJRI_MONTHS[m1 - 1] + " " + y1;
    }
    if (y1 == y2) {
      return HIJRI_MONTHS[m1 - 1] + " " + EN_DASH + " " + HIJRI_MONTHS[m2 - 1] + " " + y1;
    }
    return HIJRI_MONTHS[m1 - 1] + " " + y1 + " " + EN_DASH + " " + HIJRI_MONTHS[m2 - 1] + " " + y2;
  }

  /** {@code 2025-01-20} style, for {@code <time datetime>}: machine-readable, never localized. */
  public static String iso(PartialDate date) {
    return date.toString();
  }

  /** For tests and callers that need the day too: a LocalDate's Hijri date. */
  static HijrahDate toHijri(LocalDate day) {
    return HijrahDate.from(day);
  }

  private String monthName(int month) {
    return lang == Lang.AR
        ? ARABIC_MONTHS[month - 1] + "/" + LEVANTINE_MONTHS[month - 1]
        : ENGLISH_MONTHS[month - 1];
  }
}
