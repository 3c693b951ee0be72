package org.briefing.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.briefing.RandomTexts;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchAnalysis#terms} reads text in one pass over arrays, for speed. Its terms must be
 * those of the rules read plainly, step by step, as {@code assets/search.js} reads them (normalise,
 * lower-case, drop, fold, split into runs of letters and digits, stem), on any text: Arabic with
 * every kind of mark, presentation forms, Latin with accents, digits of three scripts, letters
 * outside the Basic Multilingual Plane, lone surrogates.
 */
class FastReadingTest {

  private static final String[] PIECES = {
    "ا",
    "أ",
    "إ",
    "آ",
    "ء",
    "ؤ",
    "ئ",
    "ة",
    "ه",
    "ى",
    "ي",
    "و",
    "ل",
    "ب",
    "ت",
    "ك",
    "ف",
    "س",
    "وال",
    "بال",
    "ات",
    "ون",
    "ين",
    "ها",
    "َ",
    "ُ",
    "ِ",
    "ّ",
    "ْ",
    "ً",
    "ـ",
    "ﻻ",
    "ﷲ",
    "ﺍ",
    "a",
    "e",
    "s",
    "ing",
    "ed",
    "ies",
    "Qatar",
    "É",
    "é",
    "ç",
    "ß",
    "İ",
    "ﬁ",
    "Ａ",
    "１",
    "7",
    "٣",
    "۴",
    "²",
    "½",
    " ",
    " ",
    "\u00a0",
    "\u200c",
    "\u00ad",
    ".",
    "،",
    "؛",
    "-",
    "'",
    "\n",
    "😀",
    "𝐀",
    "𝟗",
    "\u0301",
    "\uD83D",
    "\uDE00",
    "والوزير",
    "وزير",
    "meetings",
    "running",
    "studies"
  };

  private final SearchAnalysis analysis = SearchAnalysis.fresh();

  @Test
  void readsEveryTextAsThePlainReadingOfTheRulesDoes() throws IOException {
    Reference plain = new Reference();
    for (String t : RandomTexts.of(20261130L, 20_000, 40, PIECES)) {
      assertEquals(plain.terms(t), analysis.terms(t), () -> "text: " + escaped(t));
    }
  }

  @Test
  void aWordSeenBeforeIsReadAsItWasTheFirstTime() {
    List<String> first = analysis.terms("الوزيران وقّعا المذكرة Ministers signed");
    for (int i = 0; i < 3; i++) {
      assertEquals(first, analysis.terms("الوزيران وقّعا المذكرة Ministers signed"));
    }
    assertEquals(List.of("qatar"), analysis.terms("QATAR"));
  }

  /** The rules applied step by step, with the JDK's own code-point and regex machinery. */
  private final class Reference {
    private final String drop;
    private final JsonNode fold;
    private final Pattern word = Pattern.compile("[\\p{L}\\p{N}]+");

    Reference() throws IOException {
      try (InputStream in =
          getClass().getClassLoader().getResourceAsStream(SearchAnalysis.RESOURCE)) {
        JsonNode table = new ObjectMapper().readTree(in);
        drop = table.path("drop").asText();
        fold = table.path("fold");
      }
    }

    List<String> terms(String text) {
      String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      StringBuilder kept = new StringBuilder();
      normal
          .codePoints()
          .forEach(
              c -> {
                String ch = new String(Character.toChars(c));
                if (drop.contains(ch)) {
                  return;
                }
                kept.append(fold.has(ch) ? fold.path(ch).asText() : ch);
              });
      List<String> out = new ArrayList<>();
      Matcher m = word.matcher(kept);
      while (m.find()) {
        out.add(analysis.stem(m.group()));
      }
      return out;
    }
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    text.chars()
        .forEach(
            c -> out.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return out.toString();
  }
}
