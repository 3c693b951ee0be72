package org.briefing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Texts made of random runs of pieces, for tests that hold a fast path to the plain one. */
public final class RandomTexts {

  private RandomTexts() {}

  /**
   * {@code count} texts of up to {@code maxPieces} of {@code pieces} each, in random order: the
   * same texts for the same seed, so a failure can be read again.
   */
  public static List<String> of(long seed, int count, int maxPieces, String... pieces) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(maxPieces); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(text.toString());
    }
    return texts;
  }
}
