package org.briefing.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The per-thread memory of stems: every word put is found again, by its characters only. */
class StemMemoTest {

  @Test
  void findsEveryWordItWasGivenAsItGrowsAndNoOther() {
    StemMemo memo = new StemMemo(100_000);
    for (int i = 0; i < 5_000; i++) {
      char[] word = ("word" + i + "xyz").toCharArray();
      memo.put(word, word.length - 3, "stem" + i); // only the characters before "xyz" count
    }
    for (int i = 0; i < 5_000; i++) {
      char[] word = ("word" + i).toCharArray();
      assertEquals("stem" + i, memo.get(word, word.length), "word" + i);
    }
    char[] unknown = "word5000".toCharArray();
    assertNull(memo.get(unknown, unknown.length));
    assertNull(memo.get("word1".toCharArray(), 4), "«word» is not «word1»");
  }

  @Test
  void stopsRememberingAtItsCapacity() {
    StemMemo memo = new StemMemo(10);
    for (int i = 0; i < 20; i++) {
      char[] word = ("w" + i).toCharArray();
      memo.put(word, word.length, "s" + i);
    }
    for (int i = 0; i < 20; i++) {
      char[] word = ("w" + i).toCharArray();
      assertEquals(i < 10 ? "s" + i : null, memo.get(word, word.length), "w" + i);
    }
  }
}
