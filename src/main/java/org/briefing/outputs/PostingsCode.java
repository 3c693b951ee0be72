package org.briefing.outputs;

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
    int usual = usualWeight(term);
    StringBuilder out = new StringBuilder(size);
    int last = 0;
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

  private static void number(StringBuilder out, int value) {
    int digits = 1;
    while (value >>> (5 * digits) != 0) {
      digits++;
    }
    for (int d = digits - 1; d > 0; d--) {
      out.append(MORE.charAt((value >>> (5 * d)) & 31));
    }
    out.append(LAST.charAt(value & 31));
  }
}
