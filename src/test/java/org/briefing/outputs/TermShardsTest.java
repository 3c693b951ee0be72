package org.briefing.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A term shard made from the last build's with new records' postings added is the shard made from
 * every record ({@link TermShards}); anything that is not such a shard, or postings that would not
 * follow its own, give nothing, and the shard is then made from every record.
 */
class TermShardsTest {

  /** Postings from {@code pairs}: record number, weight, ... */
  private static TermShards.Postings postings(int... pairs) {
    TermShards.Postings p = new TermShards.Postings();
    for (int i = 0; i < pairs.length; i += 2) {
      p.add(pairs[i], pairs[i + 1]);
    }
    return p;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The patched shard as text, to compare with one made whole. */
  private static Optional<String> patched(
      int k, byte[] earlier, Map<String, TermShards.Postings> added) {
    return TermShards.patched(k, earlier, added).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  @Test
  void newRecordsPostingsFollowTheirTermsAndNewTermsTakeTheirPlaceInOrder() {
    Map<String, TermShards.Postings> before = new TreeMap<>();
    before.put("أمن", postings(0, 1, 3, 3));
    before.put("visit", postings(1, 1));
    before.put("year:2025", postings(0, 0, 1, 0, 3, 0));
    Map<String, TermShards.Postings> whole = new TreeMap<>();
    whole.put("أمن", postings(0, 1, 3, 3, 4, 1, 40, 2));
    whole.put("visit", postings(1, 1));
    whole.put("year:2025", postings(0, 0, 1, 0, 3, 0, 4, 0));
    whole.put("call", postings(40, 3));
    Map<String, TermShards.Postings> added = new TreeMap<>();
    added.put("أمن", postings(4, 1, 40, 2));
    added.put("year:2025", postings(4, 0));
    added.put("call", postings(40, 3));

    String earlier = TermShards.text(7, before);
    assertEquals(Optional.of(TermShards.text(7, whole)), patched(7, utf8(earlier), added));
    assertEquals(Optional.of(earlier), patched(7, utf8(earlier), Map.of()));
  }

  @Test
  void postingsThatWouldNotFollowTheShardsOwnGiveNothing() {
    String earlier = TermShards.text(2, Map.of("word", postings(0, 1, 5, 1)));
    assertEquals(
        Optional.empty(),
        patched(2, utf8(earlier), Map.of("word", postings(5, 1))),
        "a record the shard has already");
    assertEquals(
        Optional.empty(),
        patched(2, utf8(earlier), Map.of("word", postings(4, 1))),
        "an older record");
    assertTrue(patched(2, utf8(earlier), Map.of("word", postings(6, 1))).isPresent());
  }

  @Test
  void whatIsNotThisTermShardGivesNothing() {
    Map<String, TermShards.Postings> added = Map.of("word", postings(9, 1));
    String shard = TermShards.text(3, Map.of("word", postings(1, 1)));
    for (String other :
        new String[] {
          shard.replace("\"terms\",3,", "\"terms\",4,"), // another shard's number
          shard.replace("\"terms\"", "\"records\""),
          shard.substring(0, shard.length() - 1), // cut short
          shard.replace("{", "[").replace("}", "]"),
          "briefingSearchShard(\"terms\",3,{\"word\":2});\n", // not a code
          "briefingSearchShard(\"terms\",3,{\"word\":\"2\"}{});\n", // more after the object
          "briefingSearchShard(\"terms\",3,{\"word\":\"9\"});\n", // a weight missing
          "briefingSearchShard(\"terms\",3,{\"word\":\"2\",});\n", // not JSON
          "briefingSearchShard(\"terms\",3,{\"word\"});\n", // a key without a value
          "briefingSearchShard(\"terms\",3,{\"word\":});\n",
          "briefingSearchShard(\"terms\",3,{\"word\" :\"2\"});\n", // spaced as it never is
          "briefingSearchShard(\"terms\",3,{\"word\":\"2});\n", // a code that never closes
          "briefingSearchShard(\"terms\",3,{\"word});\n", // a key that never closes
          "briefingSearchShard(\"terms\",3,{\"word\":\"\\u0032\"});\n", // an escaped code
          "briefingSearchShard(\"terms\",3,{\"wo\u0000rd\":\"2\"});\n", // raw control characters
          "briefingSearchShard(\"terms\",3,{\"wo\u001frd\":\"2\"});\n",
          "briefingSearchShard(\"terms\",3,{\"word\":\"2\u0001\"});\n"
        }) {
      assertEquals(Optional.empty(), patched(3, utf8(other), added), other);
    }
  }

  @Test
  void lineSeparatorsInTermsStayEscapedForOlderScriptReaders() {
    Map<String, TermShards.Postings> terms = new TreeMap<>();
    terms.put("a\u2028b", postings(0, 1));
    terms.put("c\u2029d", postings(0, 1));
    String shard = TermShards.text(0, terms);
    assertTrue(shard.contains("a\\u2028b") && shard.contains("c\\u2029d"), shard);
    assertTrue(shard.indexOf('\u2028') < 0 && shard.indexOf('\u2029') < 0, shard);
    assertEquals(
        Optional.of(
            TermShards.text(
                0,
                new TreeMap<>(
                    Map.of("a\u2028b", postings(0, 1, 1, 1), "c\u2029d", postings(0, 1))))),
        patched(0, utf8(shard), Map.of("a\u2028b", postings(1, 1))));
    assertEquals("\\u2028x", TermShards.scriptSafe("\u2028x"));
    assertEquals("\\u2029x", TermShards.scriptSafe("\u2029x"));
    assertEquals("x\\u2029", TermShards.scriptSafe("x\u2029"));
    assertEquals("plain", TermShards.scriptSafe("plain"));
  }

  @Test
  void termsTheGeneratorEscapesAreReadAndWrittenAsItWritesThem() {
    Map<String, TermShards.Postings> before = new TreeMap<>();
    before.put("a\"quote", postings(0, 1));
    before.put("back\\slash", postings(1, 1));
    before.put("line\nbreak\ttab", postings(0, 1, 2, 1));
    before.put("plain", postings(2, 1));
    Map<String, TermShards.Postings> added = new TreeMap<>();
    added.put("back\\slash", postings(3, 2));
    added.put("new\"one", postings(3, 1));
    added.put("line\nbreak\ttab", postings(3, 1));
    Map<String, TermShards.Postings> whole = new TreeMap<>(before);
    whole.put("back\\slash", postings(1, 1, 3, 2));
    whole.put("new\"one", postings(3, 1));
    whole.put("line\nbreak\ttab", postings(0, 1, 2, 1, 3, 1));
    assertEquals(
        Optional.of(TermShards.text(4, whole)),
        patched(4, utf8(TermShards.text(4, before)), added));
    assertEquals(
        Optional.empty(),
        patched(4, utf8("briefingSearchShard(\"terms\",4,{\"raw\nbreak\":\"2\"});\n"), added),
        "a control character the generator would have escaped");
  }

  /**
   * Shards of random terms (Arabic, Latin, filters, escapes, letters past the Basic Multilingual
   * Plane, line separators) with random newer postings: patched, each is the shard made whole.
   */
  @Test
  void randomShardsPatchedAreTheShardsMadeWhole() {
    java.util.Random random = new java.util.Random(20261202);
    String[] pieces = {
      "a", "z", "أمن", "ي", "country:sy", "\"", "\\", "\n", "\u2028", "😀", "é", "1"
    };
    for (int round = 0; round < 400; round++) {
      Map<String, TermShards.Postings> before = new TreeMap<>();
      Map<String, TermShards.Postings> added = new TreeMap<>();
      Map<String, TermShards.Postings> whole = new TreeMap<>();
      int records = 1 + random.nextInt(50);
      for (int t = random.nextInt(12); t >= 0; t--) {
        StringBuilder term = new StringBuilder();
        for (int c = 1 + random.nextInt(4); c > 0; c--) {
          term.append(pieces[random.nextInt(pieces.length)]);
        }
        String key = term.toString();
        if (whole.containsKey(key)) {
          continue; // drawn twice
        }
        int usual = PostingsCode.usualWeight(key);
        TermShards.Postings old = new TermShards.Postings();
        TermShards.Postings all = new TermShards.Postings();
        TermShards.Postings fresh = new TermShards.Postings();
        boolean hadOld = false;
        boolean hasFresh = false;
        for (int r = 0; r < records; r++) {
          if (random.nextInt(3) == 0) {
            int weight = random.nextInt(4) == 0 ? 2 + random.nextInt(40) : usual;
            old.add(r, weight);
            all.add(r, weight);
            hadOld = true;
          }
        }
        for (int r = records; r < records + 3; r++) {
          if (random.nextBoolean()) {
            int weight = random.nextInt(4) == 0 ? 2 + random.nextInt(40) : usual;
            fresh.add(r, weight);
            all.add(r, weight);
            hasFresh = true;
          }
        }
        if (hadOld) {
          before.put(key, old);
        }
        if (hasFresh) {
          added.put(key, fresh);
        }
        if (hadOld || hasFresh) {
          whole.put(key, all);
        }
      }
      String earlier = TermShards.text(round, before);
      assertEquals(
          Optional.of(TermShards.text(round, whole)),
          patched(round, utf8(earlier), added),
          "round " + round + ": " + earlier);
    }
  }

  @Test
  void aTermWithAnEmptyCodeOrASpaceTakesNewPostingsFromRecordZero() {
    Map<String, TermShards.Postings> before = new TreeMap<>();
    before.put("no records", new TermShards.Postings());
    before.put("word", postings(0, 1));
    Map<String, TermShards.Postings> whole = new TreeMap<>();
    whole.put("no records", postings(0, 1));
    whole.put("word", postings(0, 1));
    assertEquals(
        Optional.of(TermShards.text(5, whole)),
        patched(5, utf8(TermShards.text(5, before)), Map.of("no records", postings(0, 1))));
  }
}
