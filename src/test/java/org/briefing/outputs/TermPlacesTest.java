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
    assertEquals(before.hashCode(), places(more, shards).hashCode());
    assertEquals(SearchIndex.shardOf("lately1", shards), places(more, shards).shardOf("lately1"));
    // Found in half of all records, a word added late would be common, and would leave the shard
    // a common word holds, were the later records counted.
    String late = collidingWith("common0", "late", shards);
    List<String[]> half = new ArrayList<>(records.subList(0, 400));
    while (half.size() < 768) {
      half.add(new String[] {late});
    }
    assertEquals(shards, SearchIndex.termShards(half.size()));
    assertEquals(SearchIndex.shardOf(late, shards), places(half, shards).shardOf(late));
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

  /** A word whose hash names the shard of {@code taken}, with {@code stem} before a number. */
  private static String collidingWith(String taken, String stem, int shards) {
    for (int i = 0; ; i++) {
      if (SearchIndex.shardOf(stem + i, shards) == SearchIndex.shardOf(taken, shards)) {
        return stem + i;
      }
    }
  }

  /**
   * Common is one record in four of those that judge, counted exactly: a word found that often is
   * placed (here away from the hash's shard, which a more common word holds), one found once less
   * stays by its hash.
   */
  @Test
  void aWordInOneRecordInFourIsCommonAndTheMostCommonKeepsItsHashsShard() {
    int shards = 8; // 49 to 96 records: the oldest 48 judge, and 12 of them is one in four
    String everywhere = "security";
    String quarter = collidingWith(everywhere, "quarter", shards);
    String fewer = collidingWith(everywhere, "fewer", shards);
    List<String[]> records = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      List<String> words = new ArrayList<>(List.of(everywhere));
      if (n < 12) {
        words.add(quarter);
      }
      if (n >= 12 && n < 23) {
        words.add(fewer);
      }
      records.add(words.toArray(String[]::new));
    }
    TermPlaces places = places(records, shards);
    assertEquals(SearchIndex.shardOf(everywhere, shards), places.shardOf(everywhere));
    assertTrue(places.moved().containsKey(quarter), quarter + ": " + places.moved());
    assertFalse(places.moved().containsKey(fewer), fewer + ": " + places.moved());
    assertEquals(SearchIndex.shardOf(fewer, shards), places.shardOf(fewer));
  }

  /**
   * Ten pairs of common words, each pair hashed to one shard: the word of each pair found in every
   * record keeps that shard, whatever order the words were counted in, and the other moves.
   */
  @Test
  void theMostCommonWordsArePlacedFirst() {
    int shards = 64; // 385 to 768 records: the oldest 384 judge
    List<String> everywhere = new ArrayList<>();
    List<String> often = new ArrayList<>();
    Set<Integer> hashes = new TreeSet<>();
    for (int i = 0; everywhere.size() < 10; i++) {
      String word = "every" + i;
      if (hashes.add(SearchIndex.shardOf(word, shards))) {
        everywhere.add(word);
        often.add(collidingWith(word, "often" + everywhere.size() + "x", shards));
      }
    }
    List<String[]> records = new ArrayList<>();
    for (int n = 0; n < 400; n++) {
      List<String> words = new ArrayList<>(everywhere);
      if (n % 2 == 0) {
        words.addAll(often);
      }
      records.add(words.toArray(String[]::new));
    }
    TermPlaces places = places(records, shards);
    for (int i = 0; i < 10; i++) {
      assertEquals(
          SearchIndex.shardOf(everywhere.get(i), shards),
          places.shardOf(everywhere.get(i)),
          everywhere.get(i));
      assertTrue(places.moved().containsKey(often.get(i)), often.get(i) + ": " + places.moved());
    }
  }

  @Test
  void theShardCountIsAPowerOfTwoForEveryTwelveRecordsOrFewer() {
    assertEquals(1, SearchIndex.termShards(0));
    assertEquals(1, SearchIndex.termShards(12));
    assertEquals(2, SearchIndex.termShards(13));
    assertEquals(2, SearchIndex.termShards(24));
    assertEquals(4, SearchIndex.termShards(25));
    assertEquals(1024, SearchIndex.termShards(10_000));
    assertEquals(48, TermPlaces.basis(60, 8), "the records 8 shards were first made for");
    assertEquals(30, TermPlaces.basis(30, 8));
  }

  @Test
  void anIndexOfOneShardHasNoCommonWords() {
    TermPlaces places = places(records(12, 3, 10, 3), 1);
    assertTrue(places.moved().isEmpty());
    assertEquals(0, places.shardOf("common0"));
  }
}
