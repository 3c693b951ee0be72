package org.briefing.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Common words get a term shard each, so a query never downloads a second common word's postings
 * with its own ({@link TermPlaces}); adding records keeps every word where it was.
 */
class TermPlacesTest {

  /**
   * {@code count} records, each with every one of {@code common} words, and a few of {@code rare}
   * words picked at random: what a generated archive looks like to the index.
   */
  private static List<String[]> records(int count, int common, int rare, long seed) {
    Random random = new Random(seed);
    List<String[]> records = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Set<String> words = new TreeSet<>();
      for (int w = 0; w < common; w++) {
        words.add("common" + w);
      }
      for (int i = 0; i < 5; i++) {
        words.add("rare" + random.nextInt(rare));
      }
      records.add(words.toArray(String[]::new));
    }
    return records;
  }

  private static TermPlaces places(List<String[]> records, int shards) {
    return TermPlaces.of(records, shards, r -> r);
  }

  @Test
  void noTwoCommonWordsShareAShardThoughTheirHashesWould() {
    int shards = SearchIndex.termShards(700); // 64
    List<String[]> records = records(700, 24, 5000, 1);
    TermPlaces places = places(records, shards);
    Map<Integer, String> holder = new HashMap<>();
    int hashedTogether = 0;
    Set<Integer> hashes = new TreeSet<>();
    for (int w = 0; w < 24; w++) {
      String word = "common" + w;
      String other = holder.put(places.shardOf(word), word);
      assertEquals(null, other, word + " shares shard " + places.shardOf(word) + " with " + other);
      if (!hashes.add(SearchIndex.shardOf(word, shards))) {
        hashedTogether++;
      }
    }
    assertTrue(hashedTogether > 0, "some common words hash to one shard: the test shows a move");
    // The words placed away from their hash's shard, and only those, are listed for the browser.
    for (int w = 0; w < 24; w++) {
      String word = "common" + w;
      boolean away = places.shardOf(word) != SearchIndex.shardOf(word, shards);
      assertEquals(away, places.moved().containsKey(word), word + " in " + places.moved());
    }
    assertTrue(places.moved().size() >= hashedTogether, places.moved().toString());
    assertEquals(SearchIndex.shardOf("rare17", shards), places.shardOf("rare17"));
  }

  @Test
  void recordsAddedLaterNeverMoveAWordEvenWhenTheyMakeItCommon() {
    int shards = SearchIndex.termShards(700);
    List<String[]> records = records(700, 24, 5000, 2);
    TermPlaces before = places(records, shards);
    List<String[]> more = new ArrayList<>(records);
    // Enough records, with the same shard count, to make a rare word common among all of them.
    while (SearchIndex.termShards(more.size() + 1) == shards) {
      more.add(new String[] {"common0", "lately" + 0, "lately1"});
    }
    assertEquals(shards, SearchIndex.termShards(more.size()));
    assertEquals(before, places(more, shards));
    assertEquals(SearchIndex.shardOf("lately1", shards), places(more, shards).shardOf("lately1"));
    // An edit among the records that judge (the oldest) may change which words are common.
    List<String[]> edited = new ArrayList<>(records);
    for (int n = 0; n < TermPlaces.basis(records.size(), shards); n++) {
      edited.set(n, new String[] {"only"});
    }
    assertFalse(before.equals(places(edited, shards)), "every common word but one is gone");
  }

  @Test
  void atMostHalfTheShardsHoldACommonWordTheMostCommonFirst() {
    int shards = 8;
    List<String[]> records = new ArrayList<>();
    for (int n = 0; n < 90; n++) { // 8 shards are for 49 to 96 records; the oldest 48 judge
      records.add(
          n == 0
              ? new String[] {"w0", "w1", "w2", "w3"}
              : new String[] {"w0", "w1", "w2", "w3", "w4", "rare" + n});
    }
    TermPlaces places = places(records, shards);
    Set<Integer> held = new TreeSet<>();
    for (String word : List.of("w0", "w1", "w2", "w3")) {
      assertTrue(held.add(places.shardOf(word)), word + " has a shard of its own: " + held);
    }
    // w4 is common too (47 of 48), but the least common, and four shards are taken.
    assertEquals(SearchIndex.shardOf("w4", shards), places.shardOf("w4"));
    assertFalse(places.moved().containsKey("w4"));
  }

  @Test
  void anIndexOfOneShardHasNoCommonWords() {
    TermPlaces places = places(records(12, 3, 10, 3), 1);
    assertTrue(places.moved().isEmpty());
    assertEquals(0, places.shardOf("common0"));
  }
}
