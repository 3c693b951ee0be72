package org.briefing.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The letters a search shard holds for a term, worked out by hand from the format: the browser's
 * reader (assets/search.js) is written to the same description, and the browser tests find records
 * through it.
 */
class PostingsCodeTest {

  @Test
  void aWordInConsecutiveRecordsCostsOneLetterEach() {
    // records 0, 1, 2, 3 once each: gaps 0, 1, 1, 1, doubled
    assertEquals("0222", PostingsCode.encode("secur", new int[] {0, 1, 1, 1, 2, 1, 3, 1}, 8));
  }

  @Test
  void anotherWeightIsMarkedAndFollows() {
    // record 4 at weight 3: gap 4 -> 8 + 1 = "9", then "3"; record 5 at weight 1: gap 1 -> "2"
    assertEquals("932", PostingsCode.encode("cooper", new int[] {4, 3, 5, 1}, 4));
  }

  @Test
  void largeGapsAndWeightsTakeMoreDigitsTheFirstFromTheUpperSet() {
    // gap 35 -> 70 = 2 * 32 + 6 -> "C6"
    assertEquals("C6", PostingsCode.encode("word", new int[] {35, 1}, 2));
    // record 9,999 -> 19,998 = 19 * 1024 + 16 * 32 + 30 -> "T", "Q", "u"
    assertEquals("TQu", PostingsCode.encode("word", new int[] {9999, 1}, 2));
    // gap 2 marked -> 5, weight 40 -> "B8"
    assertEquals("5B8", PostingsCode.encode("word", new int[] {2, 40}, 2));
  }

  @Test
  void filterTermsUsuallyWeighNothing() {
    assertEquals("02", PostingsCode.encode("country:sy", new int[] {0, 0, 1, 0}, 4));
    assertEquals("112", PostingsCode.encode("year:2025", new int[] {0, 1, 1, 0}, 4));
  }

  @Test
  void theLastRecordIsTheSumOfTheGapsPastTheWeightsOfTheirOwn() {
    assertEquals(3, PostingsCode.lastRecord("0222"));
    assertEquals(5, PostingsCode.lastRecord("932"));
    assertEquals(2, PostingsCode.lastRecord("5B8"));
    assertEquals(9999, PostingsCode.lastRecord("TQu"));
    assertEquals(35 + 9999, PostingsCode.lastRecord("C6TQu"));
    assertEquals(0, PostingsCode.lastRecord(""));
    // digits of value 0 inside a number ("A" before the last, "0" as the last) and in a weight
    assertEquals(512, PostingsCode.lastRecord("BA0"));
    assertEquals(4, PostingsCode.lastRecord("9BA3"));
    assertEquals(4, PostingsCode.lastRecord("90"));
    // the largest number an int holds, 2^31 - 2 (gap 2^30 - 1), and one digit more is too large
    assertEquals((1 << 30) - 1, PostingsCode.lastRecord("B;;;;;u"));
    assertThrows(IllegalArgumentException.class, () -> PostingsCode.lastRecord("C;;;;;u"));
    int many = 20_000_000; // a realistic largest record number round-trips
    assertEquals(many, PostingsCode.lastRecord(PostingsCode.encode("w", new int[] {many, 1}, 2)));
    // and so does any other, up to the largest whose doubled gap an int holds: seven digits
    for (int n : new int[] {(1 << 29) - 1, 1 << 29, (1 << 30) - 1}) {
      String code = PostingsCode.encode("w", new int[] {n, 1}, 2);
      assertEquals(n, PostingsCode.lastRecord(code), code);
      assertEquals(n < 1 << 29 ? 6 : 7, code.length(), code);
    }
    // characters outside ASCII (an Arabic-Indic two, the first beyond the table) and DEL, also
    // where a weight or a digit before the last should be
    for (String broken :
        new String[] {
          "A", "9", "9B", "2x", "02 ", "2\u0662", "\u00802", "2\u007f", "9\u0662", "B\u0080"
        }) {
      assertThrows(
          IllegalArgumentException.class,
          () -> PostingsCode.lastRecord(broken),
          "'" + broken + "'");
    }
  }

  @Test
  void postingsAddedAfterTheLastRecordFollowItsCodeAsTheWholeListWouldBeWritten() {
    int[] pairs = {0, 1, 4, 3, 40, 1, 41, 7, 9999, 1};
    for (int cut = 0; cut <= pairs.length; cut += 2) {
      String head = PostingsCode.encode("word", pairs, cut);
      int after = PostingsCode.lastRecord(head);
      assertEquals(cut == 0 ? 0 : pairs[cut - 2], after);
      int[] rest = java.util.Arrays.copyOfRange(pairs, cut, pairs.length);
      assertEquals(
          PostingsCode.encode("word", pairs, pairs.length),
          head + PostingsCode.encode("word", rest, rest.length, after),
          "cut after " + cut / 2 + " postings");
    }
  }

  @Test
  void noLetterNeedsEscapingInJsonOrAScript() {
    String all = PostingsCode.LAST + PostingsCode.MORE;
    assertEquals(64, all.chars().distinct().count(), "64 distinct digits");
    for (char c : all.toCharArray()) {
      assertTrue(c > ' ' && c < 127 && c != '"' && c != '\\' && c != '<', "digit " + c);
    }
  }
}
