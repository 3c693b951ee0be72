package org.briefing.outputs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a term's records are written in a search shard: one string of letters, not a JSON array of
 * numbers, because a common word lists nearly every record and its list is what a first query
 * downloads. Written as JSON numbers ({@code 1,1,}) a posting costs about four bytes; here a word
 * found once in the next record costs one.
 *
 * <p>Each posting is the gap from the previous record number (the first from 0), doubled, plus 1
 * when the weight differs from the term's usual one; that weight then follows as a number of its
 * own. The usual weight is 1 for a word and 0 for a filter term ({@code country:sy}). Numbers are
 * written in base 32, most significant digit first: the last digit from {@value #LAST}, any digit
 * before it from {@value #MORE}. None of these characters needs escaping in JSON or in a script.
 * {@code assets/search.js} reads them back.
 */
final class PostingsCode {

  static final String LAST = "0123456789abcdefghijklmnopqrstuv";
  static final String MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ+-./:;";

  /** Added to a digit's value when it is one of {@link #MORE}. */
  private static final int MORE_DIGIT = 32;

  /**
   * Each ASCII character's {@link #digit}, looked up: a one-record rebuild reads the code of every
   * term its record has, and looking each character up in the two alphabets in turn was a sixth of
   * that build's samples (JFR, 10,000 records).
   */
  private static final byte[] DIGITS = digits();

  private PostingsCode() {}

  /** The weight a term's postings carry unless marked: 0 for filters, 1 for words. */
  static int usualWeight(String term) {
    return term.indexOf(':') >= 0 ? 0 : 1;
  }

  /**
   * {@code size / 2} postings of {@code term}, as pairs in {@code pairs}: record number
   * (ascending), weight.
   */
  static String encode(String term, int[] pairs, int size) {
    return encode(term, pairs, size, 0);
  }

  /**
   * As {@link #encode(String, int[], int)}, the first gap counted from record {@code after}: what
   * follows a term's code when records numbered above {@code after} join its postings.
   */
  static String encode(String term, int[] pairs, int size, int after) {
    int usual = usualWeight(term);
    StringBuilder out = new StringBuilder(size);
    int last = after;
    for (int i = 0; i < size; i += 2) {
      int gap = pairs[i] - last;
      last = pairs[i];
      boolean marked = pairs[i + 1] != usual;
      number(out, gap * 2 + (marked ? 1 : 0));
      if (marked) {
        number(out, pairs[i + 1]);
      }
    }
    return out.toString();
  }

  /**
   * The number of the last record in {@code code}, as {@link #encode} wrote it: the sum of its
   * gaps, each weight that follows a marked one skipped. 0 for an empty code.
   *
   * @throws IllegalArgumentException when {@code code} is not one {@link #encode} writes
   */
  static int lastRecord(String code) {
    byte[] ascii = code.getBytes(StandardCharsets.US_ASCII); // any other character reads as '?'
    return lastRecord(ascii, 0, ascii.length);
  }

  /**
   * As {@link #lastRecord(String)}, for the code in {@code bytes} from {@code from} to {@code to}.
   */
  static int lastRecord(byte[] bytes, int from, int to) {
    int last = 0;
    int i = from;
    while (i < to) {
      long value = 0;
      int digit;
      while ((digit = digit(bytes[i])) >= MORE_DIGIT && i + 1 < to) {
        value = (value << 5) | (digit - MORE_DIGIT);
        i++;
      }
      digit = digit(bytes[i++]);
      if (digit < 0 || digit >= MORE_DIGIT || value > Integer.MAX_VALUE >> 5) {
        throw new IllegalArgumentException("not a postings code: " + text(bytes, from, to));
      }
      value = (value << 5) | digit;
      last += (int) (value >>> 1);
      if ((value & 1) == 1) { // a weight of its own follows: skip it
        while (i < to && digit(bytes[i]) >= MORE_DIGIT) {
          i++;
        }
        if (i >= to || !isLastDigit(bytes[i++])) {
          throw new IllegalArgumentException("a weight missing in " + text(bytes, from, to));
        }
      }
    }
    return last;
  }

  private static String text(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
  }

  /**
   * What {@code c} is worth as a digit: its value for a last digit ({@link #LAST}), {@link
   * #MORE_DIGIT} plus its value for one before it ({@link #MORE}), -1 for any other character.
   */
  private static int digit(byte c) {
    return c >= 0 ? DIGITS[c] : -1; // DIGITS covers all of ASCII
  }

  private static boolean isLastDigit(byte c) {
    int digit = digit(c);
    return digit >= 0 && digit < MORE_DIGIT;
  }

  private static byte[] digits() {
    byte[] digits = new byte[128];
    Arrays.fill(digits, (byte) -1);
    for (int d = 0; d < 32; d++) {
      digits[LAST.charAt(d)] = (byte) d;
      digits[MORE.charAt(d)] = (byte) (MORE_DIGIT + d);
    }
    return digits;
  }

  private static void number(StringBuilder out, int value) {
    int digits = 1;
    // Seven digits hold any int: a shift of 35 bits would wrap around to one of 3.
    while (digits < 7 && value >>> (5 * digits) != 0) {
      digits++;
    }
    for (int d = digits - 1; d > 0; d--) {
      out.append(MORE.charAt((value >>> (5 * d)) & 31));
    }
    out.append(LAST.charAt(value & 31));
  }
}
