package org.briefing.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search terms a build keeps for the next: an unchanged record's terms come back as they were
 * made, without making them again, across several builds that each add words; a changed record's,
 * or any from a damaged file, are made again.
 */
class RecordTermsTest {

  @TempDir Path dir;

  private final AtomicInteger made = new AtomicInteger();

  private Supplier<RecordTerms.Terms> making(RecordTerms.Terms terms) {
    return () -> {
      made.incrementAndGet();
      return terms;
    };
  }

  private static RecordTerms.Terms terms(String... wordsAndWeights) {
    String[] words = new String[wordsAndWeights.length / 2];
    int[] weights = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      words[i] = wordsAndWeights[2 * i];
      weights[i] = Integer.parseInt(wordsAndWeights[2 * i + 1]);
    }
    return new RecordTerms.Terms(words, weights);
  }

  private static void assertSameTerms(RecordTerms.Terms expected, RecordTerms.Terms actual) {
    assertArrayEquals(expected.words(), actual.words());
    assertArrayEquals(expected.weights(), actual.weights());
  }

  @Test
  void unchangedRecordsKeepTheirTermsBuildAfterBuildAsWordsAreAdded() throws IOException {
    Path file = dir.resolve("terms.bin");
    RecordTerms.Terms a = terms("qatar", "3", "visit", "1", "country:qa", "0");
    RecordTerms.Terms b = terms("زيارة", "3", "qatar", "1", "year:2025", "0");
    RecordTerms.Terms c = terms("somalia", "2", "training", "300", "qatar", "1");
    Map<String, String> hashes = new HashMap<>(Map.of("a", "ha", "b", "hb"));

    RecordTerms first = RecordTerms.recording(hashes);
    first.of("en", "a", making(a));
    first.of("ar", "b", making(b));
    first.write(file);
    assertEquals(2, made.get());

    // The next build adds c, asks for a only; b, not asked, is still kept for the one after.
    hashes.put("c", "hc");
    RecordTerms second = RecordTerms.read(file, hashes);
    assertSameTerms(a, second.of("en", "a", making(terms())));
    assertSameTerms(c, second.of("en", "c", making(c)));
    assertEquals(3, made.get(), "only the new record's terms were made");
    second.write(file);

    RecordTerms third = RecordTerms.read(file, hashes);
    assertSameTerms(a, third.of("en", "a", making(terms())));
    assertSameTerms(b, third.of("ar", "b", making(terms())));
    assertSameTerms(c, third.of("en", "c", making(terms())));
    assertEquals(3, made.get(), "every record's terms came from the file");

    // A record that changed has its terms made again, and the new ones kept.
    hashes.put("a", "ha2");
    RecordTerms.Terms edited = terms("edited", "3", "qatar", "1");
    RecordTerms fourth = RecordTerms.read(file, hashes);
    assertSameTerms(edited, fourth.of("en", "a", making(edited)));
    assertEquals(4, made.get());
    fourth.write(file);
    assertSameTerms(edited, RecordTerms.read(file, hashes).of("en", "a", making(terms())));
    assertEquals(4, made.get());
  }

  @Test
  void termsAPageOfferedAreFoundWithoutMakingThemAgainAndKeptForTheNextBuild() throws IOException {
    Path file = dir.resolve("terms.bin");
    Map<String, String> hashes = new HashMap<>(Map.of("a", "ha", "b", "hb"));
    RecordTerms.Terms a = terms("qatar", "3", "visit", "1");
    RecordTerms.Terms b = terms("زيارة", "3", "qatar", "1");

    RecordTerms first = RecordTerms.recording(hashes);
    first.offer("en", "a", making(a));
    first.offer("en", "a", making(terms("twice", "1")));
    assertEquals(1, made.get(), "offered once, made once");
    assertSameTerms(a, first.of("en", "a", making(terms("again", "1"))));
    assertEquals(1, made.get(), "the index finds the page's terms");
    first.of("ar", "b", making(b));
    first.write(file);

    // The next build: a has not changed, so a page offering its terms makes nothing.
    RecordTerms second = RecordTerms.read(file, hashes);
    second.offer("en", "a", making(terms("unchanged", "1")));
    assertEquals(2, made.get());
    assertSameTerms(a, second.of("en", "a", making(terms())));
    assertSameTerms(b, second.of("ar", "b", making(terms())));
    assertEquals(2, made.get());

    // A build that records nothing has nowhere to keep an offer, so it makes nothing.
    RecordTerms.none().offer("en", "a", making(a));
    assertEquals(2, made.get());
  }

  @Test
  void pagesOfferingSideBySideKeepEveryRecordsOwnTerms() throws Exception {
    Map<String, String> hashes = new HashMap<>();
    for (int i = 0; i < 400; i++) {
      hashes.put("r" + i, "h" + i);
    }
    RecordTerms recording = RecordTerms.recording(hashes);
    java.util.stream.IntStream.range(0, 400)
        .parallel()
        .forEach(i -> recording.offer("en", "r" + i, () -> terms("word" + i, "1", "shared", "2")));
    Path file = dir.resolve("terms.bin");
    recording.write(file);
    RecordTerms read = RecordTerms.read(file, hashes);
    for (int i = 0; i < 400; i++) {
      assertSameTerms(
          terms("word" + i, "1", "shared", "2"), read.of("en", "r" + i, making(terms())));
    }
    assertEquals(0, made.get());
  }

  @Test
  void aDamagedOrForeignFileOnlyCostsMakingTheTermsAgain() throws IOException {
    Path file = dir.resolve("terms.bin");
    Map<String, String> hashes = Map.of("a", "ha");
    RecordTerms.Terms a = terms("qatar", "3", "visit", "1");
    RecordTerms first = RecordTerms.recording(hashes);
    first.of("en", "a", making(a));
    first.write(file);
    byte[] bytes = Files.readAllBytes(file);

    Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
    assertSameTerms(a, RecordTerms.read(file, hashes).of("en", "a", making(a)));
    assertEquals(2, made.get(), "cut short: made again");

    byte[] garbled = bytes.clone();
    garbled[garbled.length - 4] = (byte) 0x7f; // a word number beyond the table
    Files.write(file, garbled);
    assertSameTerms(a, RecordTerms.read(file, hashes).of("en", "a", making(a)));
    assertEquals(3, made.get(), "numbers that fit no word: made again");

    Files.writeString(file, "briefing record terms 1");
    assertSameTerms(a, RecordTerms.read(file, hashes).of("en", "a", making(a)));
    assertTrue(made.get() == 4, "an older format: made again");
    assertSameTerms(a, RecordTerms.read(dir.resolve("none"), hashes).of("en", "a", making(a)));
    assertEquals(5, made.get(), "no file: made");
  }

  @Test
  void termsAreWrittenAgainOnlyWhenTheyWouldChange() throws IOException {
    Path file = dir.resolve("terms.bin");
    Map<String, String> hashes = new HashMap<>(Map.of("a", "ha", "b", "hb"));
    RecordTerms first = RecordTerms.recording(hashes);
    first.of("en", "a", making(terms("qatar", "3")));
    first.of("en", "b", making(terms("oman", "2")));
    assertFalse(first.asRead(), "nothing was read: everything is new");
    first.write(file);

    RecordTerms asked = RecordTerms.read(file, hashes);
    asked.of("en", "a", making(terms()));
    assertTrue(asked.asRead(), "terms taken from the file: it says all there is");
    assertTrue(RecordTerms.read(file, hashes).asRead(), "nothing asked: the same");

    RecordTerms added = RecordTerms.read(file, hashes);
    added.of("ar", "a", making(terms("قطر", "3")));
    assertFalse(added.asRead(), "terms made for a language the file lacks");

    hashes.put("c", "hc");
    RecordTerms offered = RecordTerms.read(file, hashes);
    assertTrue(offered.asRead(), "a record not asked for changes nothing yet");
    offered.offer("en", "c", () -> terms("yemen", "1"));
    assertFalse(offered.asRead(), "a new record's page offered its terms");

    hashes.put("b", "hb2");
    assertFalse(RecordTerms.read(file, hashes).asRead(), "a changed record's terms are dropped");
    hashes.put("b", "hb");
    hashes.remove("a");
    assertFalse(RecordTerms.read(file, hashes).asRead(), "and a removed one's");
  }
}
