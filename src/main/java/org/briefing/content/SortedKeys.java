package org.briefing.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keys in their natural order, for the files a build keeps for the next one (written sorted, so the
 * same state always gives the same bytes). A build that reuses the last one has most of its keys in
 * the order that build wrote them: only the keys new since are sorted, and merged in. At 10,000
 * records, sorting all of some 84,000 paths that share long beginnings took a few tenths of a
 * second of the processor; the merge compares each key about once.
 */
public final class SortedKeys {

  private SortedKeys() {}

  /** {@code keys} sorted, on every core. */
  public static String[] of(Set<String> keys) {
    String[] sorted = keys.toArray(new String[0]);
    Arrays.parallelSort(sorted);
    return sorted;
  }

  /**
   * {@code keys} sorted, taking the order of those also in {@code earlier} from its iteration
   * order. A key of {@code earlier} out of order there (as a state read with its changes has its
   * new keys last) is sorted with the keys new since: the result is sorted whatever {@code earlier}
   * holds. The strings returned are those of {@code keys}, never those of {@code earlier}: maps
   * keyed by them then find each by identity, where an equal string from elsewhere is compared
   * character by character.
   */
  public static String[] of(Set<String> keys, Set<String> earlier) {
    // Each key under itself: taken out as the earlier keys are met, this leaves the keys new since,
    // found in the same walk rather than in a second one over all the keys.
    Map<String, String> left = new HashMap<>(keys.size(), 1f); // room for all, never regrown
    for (String key : keys) {
      left.put(key, key);
    }
    List<String> kept = new ArrayList<>(keys.size());
    String previous = null;
    for (String key : earlier) {
      if (previous != null && previous.compareTo(key) >= 0) {
        continue; // left with the new keys, to be sorted
      }
      String own = left.remove(key);
      if (own != null) {
        kept.add(own);
        previous = own;
      }
    }
    if (left.isEmpty()) {
      return kept.toArray(new String[0]);
    }
    String[] sortedAdded = left.keySet().toArray(new String[0]);
    Arrays.sort(sortedAdded);
    String[] merged = new String[keys.size()];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < kept.size() && j < sortedAdded.length) {
      merged[k++] = kept.get(i).compareTo(sortedAdded[j]) < 0 ? kept.get(i++) : sortedAdded[j++];
    }
    while (i < kept.size()) {
      merged[k++] = kept.get(i++);
    }
    while (j < sortedAdded.length) {
      merged[k++] = sortedAdded[j++];
    }
    return merged;
  }

  /** Whether {@code keys} are in strictly increasing order. */
  public static boolean sorted(String[] keys) {
    for (int i = 1; i < keys.length; i++) {
      if (keys[i - 1].compareTo(keys[i]) >= 0) {
        return false;
      }
    }
    return true;
  }
}
