package org.briefing.outputs;

import java.util.Arrays;

/**
 * Stems by the characters of their word, for one thread: a word read into a buffer is looked up
 * without first being made a string. An open-addressing table that grows to {@code capacity} words
 * and then only answers, so a preview that runs for days on any text stays bounded.
 *
 * <p>Not thread-safe: each render thread has its own.
 */
final class StemMemo {

  private final int capacity;
  private char[][] words = new char[1 << 10][];
  private String[] stems = new String[1 << 10];
  private int size;

  StemMemo(int capacity) {
    this.capacity = capacity;
  }

  /** The stem remembered for the first {@code length} characters of {@code word}, or null. */
  String get(char[] word, int length) {
    int mask = words.length - 1;
    for (int i = hash(word, length) & mask; words[i] != null; i = (i + 1) & mask) {
      if (Arrays.equals(words[i], 0, words[i].length, word, 0, length)) {
        return stems[i];
      }
    }
    return null;
  }

  /** Remembers {@code stem} for the word, unless the memo is full. */
  void put(char[] word, int length, String stem) {
    if (size >= capacity) {
      return;
    }
    if (2 * (size + 1) > words.length) {
      grow();
    }
    insert(Arrays.copyOf(word, length), stem);
    size++;
  }

  private void insert(char[] word, String stem) {
    int mask = words.length - 1;
    int i = hash(word, word.length) & mask;
    while (words[i] != null) {
      i = (i + 1) & mask;
    }
    words[i] = word;
    stems[i] = stem;
  }

  private void grow() {
    char[][] oldWords = words;
    String[] oldStems = stems;
    words = new char[oldWords.length * 2][];
    stems = new String[oldStems.length * 2];
    for (int i = 0; i < oldWords.length; i++) {
      if (oldWords[i] != null) {
        insert(oldWords[i], oldStems[i]);
      }
    }
  }

  private static int hash(char[] word, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + word[i];
    }
    return h ^ (h >>> 16);
  }
}
