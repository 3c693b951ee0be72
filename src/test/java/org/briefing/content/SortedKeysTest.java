package org.briefing.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keys sorted with the help of an earlier order come out exactly as sorting them all would: the
 * state a build keeps has the same bytes whichever state it was written after.
 */
class SortedKeysTest {

  private static final Random RANDOM = new Random(20261130);

  /** Paths such as a site has: long beginnings in common, some sharing every letter but one. */
  private static Set<String> paths(int n) {
    Set<String> paths = new HashSet<>();
    while (paths.size() < n) {
      paths.add(
          (RANDOM.nextBoolean() ? "ar/" : "en/")
              + List.of("engagements/", "countries/", "timeline/").get(RANDOM.nextInt(3))
              + RANDOM.nextInt(40)
              + (RANDOM.nextBoolean() ? "/index.html" : "/feed.xml"));
    }
    return paths;
  }

  private static String[] sorted(Set<String> keys) {
    return new TreeSet<>(keys).toArray(new String[0]);
  }

  @Test
  void keysGainedAndLostSinceTheEarlierOrderAreSortedIn() {
    for (int round = 0; round < 200; round++) {
      Set<String> earlier = new TreeSet<>(paths(1 + RANDOM.nextInt(60)));
      Set<String> keys = new HashSet<>();
      for (String key : earlier) {
        if (RANDOM.nextInt(4) > 0) {
          keys.add(key); // most kept, some lost
        }
      }
      keys.addAll(paths(RANDOM.nextInt(8))); // some gained, some of them already there
      assertArrayEquals(sorted(keys), SortedKeys.of(keys, earlier), "round " + round);
    }
  }

  @Test
  void theStringsGivenBackAreTheKeysOwnNotTheEarlierOnes() {
    Set<String> keys = paths(80);
    Set<String> earlier = new TreeSet<>();
    for (String key : keys) {
      if (RANDOM.nextInt(5) > 0) {
        earlier.add(new String(key)); // equal, as read back from the last state, but not the same
      }
    }
    earlier.addAll(paths(10)); // and some lost since
    Set<String> own = Collections.newSetFromMap(new IdentityHashMap<>());
    own.addAll(keys);
    String[] sorted = SortedKeys.of(keys, earlier);
    assertArrayEquals(sorted(keys), sorted);
    for (String key : sorted) {
      assertTrue(own.contains(key), key + " is the keys' own string");
    }
  }

  @Test
  void anEarlierOrderThatIsNotSortedIsNotBelieved() {
    Set<String> keys = paths(50);
    List<String> shuffled = new ArrayList<>(keys);
    Collections.shuffle(shuffled, RANDOM);
    assertArrayEquals(sorted(keys), SortedKeys.of(keys, new LinkedHashSet<>(shuffled)));

    List<String> almost = new ArrayList<>(new TreeSet<>(keys));
    Collections.swap(almost, 48, 49); // sorted but for the last two
    assertArrayEquals(sorted(keys), SortedKeys.of(keys, new LinkedHashSet<>(almost)));
  }

  @Test
  void nothingEarlierOrNothingNow() {
    Set<String> keys = paths(30);
    assertArrayEquals(sorted(keys), SortedKeys.of(keys, Set.of()));
    assertArrayEquals(new String[0], SortedKeys.of(Set.of(), new TreeSet<>(keys)));
    assertArrayEquals(sorted(keys), SortedKeys.of(keys, new TreeSet<>(keys)));
    assertArrayEquals(sorted(keys), SortedKeys.of(keys));
  }

  @Test
  void sortedMeansStrictlyIncreasing() {
    assertTrue(SortedKeys.sorted(new String[] {"a", "ab", "b"}));
    assertTrue(SortedKeys.sorted(new String[0]));
    assertFalse(SortedKeys.sorted(new String[] {"a", "a"}));
    assertFalse(SortedKeys.sorted(new String[] {"b", "a", "c"}));
  }
}
