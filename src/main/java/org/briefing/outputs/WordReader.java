package org.briefing.outputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of one text as search analysis reads them, each stemmed as it ends: letters and numbers
 * make a word, anything else ends it. Stems come from the render thread's own memory first ({@link
 * StemMemo}), by the word's characters, before a word is made a string.
 *
 * <p>Not thread-safe: one reader per text, on the thread that reads it.
 */
final class WordReader {

  /** Whether each character of the Basic Multilingual Plane is a letter or a number. */
  private static final boolean[] WORD = wordCharacters();

  private final StemMemo memo;
  private final SearchAnalysis analysis;
  private final List<String> out = new ArrayList<>();
  private char[] word = new char[32];
  private int length;

  WordReader(StemMemo memo, SearchAnalysis analysis) {
    this.memo = memo;
    this.analysis = analysis;
  }

  /**
   * Takes one character of the Basic Multilingual Plane, most of every text: one look in the table
   * and one store, without working out how many chars a code point takes.
   */
  void take(char c) {
    if (WORD[c]) {
      if (length == word.length) {
        word = Arrays.copyOf(word, word.length * 2);
      }
      word[length++] = c;
    } else {
      endWord();
    }
  }

  /** Takes one code point: past the Basic Multilingual Plane, as the two chars that write it. */
  void take(int c) {
    if (c < WORD.length) {
      take((char) c);
    } else if (isWordCharacter(c)) {
      if (length + 2 > word.length) {
        word = Arrays.copyOf(word, word.length * 2);
      }
      length += Character.toChars(c, word, length);
    } else {
      endWord();
    }
  }

  /** The word read so far, if any, stemmed and added to the words. */
  private void endWord() {
    if (length > 0) {
      out.add(stem(word, length));
      length = 0;
    }
  }

  void takeAll(String folded) {
    // A loop, not a stream of code points: Arabic text folds many of its letters, and a stream
    // and a lambda for each was a fortieth of what a 10,000-record build allocates.
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      i += Character.charCount(c);
      take(c);
    }
  }

  List<String> end() {
    take(' ');
    return out;
  }

  private String stem(char[] word, int length) {
    String known = memo.get(word, length);
    if (known == null) {
      known = analysis.stem(new String(word, 0, length));
      memo.put(word, length, known);
    }
    return known;
  }

  private static boolean[] wordCharacters() {
    boolean[] word = new boolean[Character.MIN_SUPPLEMENTARY_CODE_POINT];
    for (int c = 0; c < word.length; c++) {
      word[c] = isWordCharacter(c);
    }
    return word;
  }

  /** A letter or a number: what the browser's {@code [\p{L}\p{N}]} matches. */
  private static boolean isWordCharacter(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
    switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }
}
