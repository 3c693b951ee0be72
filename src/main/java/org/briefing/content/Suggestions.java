package org.briefing.content;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for misspelt keys and names: the closest known word within a small edit distance.
 */
public final class Suggestions {

  private Suggestions() {}

  /** The known word nearest to {@code typed}, if it is near enough to be a typo of it. */
  public static Optional<String> closest(String typed, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(typed, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= allowed(typed) ? Optional.of(best) : Optional.empty();
  }

  static boolean close(String typed, String known) {
    return distance(typed, known) <= allowed(typed);
  }

  private static int allowed(String typed) {
    return typed.length() <= 4 ? 1 : 2;
  }

  /** Optimal string alignment distance: a swap of two neighbours counts as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
