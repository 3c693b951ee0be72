package org.briefing.outputs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which term shard holds each term of a search index: the shard its hash names ({@link
 * SearchIndex#shardOf}), except that no two common words share one.
 *
 * <p>A word found in most records lists most records: at 10,000 records its postings weigh some 16
 * KB, and a query downloads the whole shard of each of its words. Left to the hash, two such words
 * met in a shard often enough that the first search for "security cooperation" downloaded four
 * common words' postings, 66 KB where 33 KB were needed. So the common words are placed first, the
 * most common first, each in its hash's shard unless a common word already holds it, then in the
 * next shard free of common words. The manifest lists the words placed away from their hash's shard
 * (a few dozen at most), and the browser reads it before it hashes.
 *
 * <p>Which words are common is judged on the records the index held when its number of shards last
 * changed ({@link #basis}), not on every record: records added since take numbers above those, so
 * adding records never moves a word to another shard, and a build that adds one record rewrites
 * only the shards of its words. The judgement is made again, on twice as many records, when the
 * archive has doubled and every shard is written again anyway.
 */
final class TermPlaces {

  /** A word is common when it is found in at least one record in this many of the basis. */
  static final int COMMON_ONE_IN = 4;

  private final int shards;
  private final Map<String, Integer> moved;

  private TermPlaces(int shards, Map<String, Integer> moved) {
    this.shards = shards;
    this.moved = moved;
  }

  /**
   * The places of the terms of an index of {@code shards} shards over the records {@code byNumber},
   * each record's terms as {@code words} gives them (each word once).
   */
  static <R> TermPlaces of(List<R> byNumber, int shards, Function<R, String[]> words) {
    int basis = basis(byNumber.size(), shards);
    Map<String, int[]> found = new HashMap<>();
    for (R record : byNumber.subList(0, basis)) {
      for (String word : words.apply(record)) {
        found.computeIfAbsent(word, w -> new int[1])[0]++;
      }
    }
    int least = Math.max(1, (basis + COMMON_ONE_IN - 1) / COMMON_ONE_IN);
    List<Map.Entry<String, int[]>> common = new ArrayList<>();
    for (Map.Entry<String, int[]> word : found.entrySet()) {
      if (word.getValue()[0] >= least) {
        common.add(word);
      }
    }
    common.sort(
        Comparator.comparingInt((Map.Entry<String, int[]> w) -> -w.getValue()[0])
            .thenComparing(Map.Entry::getKey));
    // At most half the shards hold a common word, so a free one is always near.
    boolean[] held = new boolean[shards];
    Map<String, Integer> moved = new TreeMap<>();
    for (Map.Entry<String, int[]> word : common.subList(0, Math.min(common.size(), shards / 2))) {
      int hashed = SearchIndex.shardOf(word.getKey(), shards);
      int k = hashed;
      while (held[k]) {
        k = (k + 1) % shards;
      }
      held[k] = true;
      if (k != hashed) {
        moved.put(word.getKey(), k);
      }
    }
    return new TermPlaces(shards, Collections.unmodifiableMap(moved));
  }

  /**
   * How many of the {@code records} (numbered oldest first) say which words are common: as many as
   * the index held when its number of shards last changed, that is half the records {@code shards}
   * shards are for ({@link SearchIndex#termShards}); none for a single shard.
   */
  static int basis(int records, int shards) {
    return Math.min(records, shards / 2 * SearchIndex.RECORDS_PER_TERM_SHARD);
  }

  /** The shard that holds {@code term}. */
  int shardOf(String term) {
    Integer k = moved.get(term);
    return k != null ? k : SearchIndex.shardOf(term, shards);
  }

  /** The words placed away from their hash's shard, with their shards, in the words' order. */
  Map<String, Integer> moved() {
    return moved;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TermPlaces p && p.shards == shards && p.moved.equals(moved);
  }

  @Override
  public int hashCode() {
    return 31 * shards + moved.hashCode();
  }
}
