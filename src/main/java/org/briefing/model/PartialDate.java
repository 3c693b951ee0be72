package org.briefing.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to the day, the month or only the year, as sources report them. A record dated
 * {@code 2025-04} happened some time in April 2025; nothing here ever invents the day.
 *
 * @param year four-digit year
 * @param month 1–12, or 0 when only the year is known
 * @param day 1–31, or 0 when only the month or year is known
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

  /** How much of the date is known. */
  public enum Precision {
    YEAR,
    MONTH,
    DAY
  }

  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  /**
   * Orders by the first day the date can mean; a month sorts before the days inside it and a year
   * before its months, so a list read newest-first ends each period with the vaguer dates.
   */
  private static final Comparator<PartialDate> ORDER =
      Comparator.comparingInt(PartialDate::year)
          .thenComparingInt(PartialDate::month)
          .thenComparingInt(PartialDate::day);

  public PartialDate {
    if (month < 0 || month > 12 || day < 0 || (day > 0 && month == 0)) {
      throw new IllegalArgumentException("not a date: " + year + "-" + month + "-" + day);
    }
    if (day > 0) {
      LocalDate.of(year, month, day); // throws for 30 February
    }
  }

  /**
   * Dates are written with the digits 0-9 in both languages' files: a date typed with Arabic-Indic
   * (٠١٢) or Persian (۰۱۲) digits, as an Arabic keyboard gives, is refused with the same date in
   * 0-9 to copy, rather than read, so that every file says its dates one way.
   */
  private static void refuseOtherDigits(String text) {
    StringBuilder western = new StringBuilder(text.length());
    boolean other = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (Character.isDigit(c) && (c < '0' || c > '9')) {
        other = true;
        western.append((char) ('0' + Character.digit(c, 10)));
      } else {
        western.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    if (other) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is written with Arabic-Indic or"
              + " Persian digits; write the digits 0-9 (YYYY-MM-DD): "
              + western);
    }
  }

  /**
   * Reads {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY} strictly.
   *
   * @throws IllegalArgumentException with an editor-facing explanation
   */
  public static PartialDate parse(String text) {
    refuseOtherDigits(text);
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is not a date; write YYYY-MM-DD, or"
              + " YYYY-MM or YYYY when only the month or year is known");
    }
    int year = Integer.parseInt(m.group(1));
    int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (year < 1900 || year > 2200) {
      throw new IllegalArgumentException("year " + year + " is outside 1900–2200; check the date");
    }
    if (m.group(2) != null && (month < 1 || month > 12)) {
      throw new IllegalArgumentException(
          "month " + m.group(2) + " does not exist; months are 01–12");
    }
    if (day > 0 || m.group(3) != null) {
      try {
        LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            text
                + " is not a real calendar date ("
                + Month.name(month)
                + " "
                + year
                + " has "
                + YearMonth.of(year, month).lengthOfMonth()
                + " days)");
      }
    }
    return new PartialDate(year, month, day);
  }

  public Precision precision() {
    if (day > 0) {
      return Precision.DAY;
    }
    return month > 0 ? Precision.MONTH : Precision.YEAR;
  }

  /** The first day this date can mean. */
  public LocalDate firstDay() {
    return LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
  }

  /** The last day this date can mean. */
  public LocalDate lastDay() {
    return switch (precision()) {
      case DAY -> firstDay();
      case MONTH -> YearMonth.of(year, month).atEndOfMonth();
      case YEAR -> LocalDate.of(year, 12, 31);
    };
  }

  /** True when this date cannot be earlier than {@code other} whatever the unknown parts are. */
  public boolean notBefore(PartialDate other) {
    return !lastDay().isBefore(other.firstDay());
  }

  @Override
  public int compareTo(PartialDate other) {
    return ORDER.compare(this, other);
  }

  /** The ISO form it was written in: {@code 2025-01-20}, {@code 2025-01} or {@code 2025}. */
  @Override
  public String toString() {
    return switch (precision()) {
      case DAY -> fourDigits(year) + "-" + twoDigits(month) + "-" + twoDigits(day);
      case MONTH -> fourDigits(year) + "-" + twoDigits(month);
      case YEAR -> fourDigits(year);
    };
  }

  /** A year as ISO 8601 writes it, in at least four digits ({@code 0987}); as {@code %04d}. */
  static String fourDigits(int year) {
    return padded(year, 4);
  }

  /** A month or day in at least two digits ({@code 04}); as {@code %02d}. */
  public static String twoDigits(int n) {
    return padded(n, 2);
  }

  /**
   * By hand, not with {@code String.format}: dates are written for every record in every export,
   * citation and month key, and the formatter parses its pattern each time; its first use also
   * reads the locale's number symbols, a hundredth of a second at every build's start.
   */
  private static String padded(long n, int width) {
    if (n < 0) { // never a record's; the sign counts in the width, as with %0Nd
      return "-" + padded(-n, width - 1);
    }
    String digits = Long.toString(n);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** English month names for messages; pages use the render stage's formatter. */
  private static final class Month {
    private static final String[] NAMES = {
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

    static String name(int month) {
      return NAMES[month - 1];
    }
  }
}
