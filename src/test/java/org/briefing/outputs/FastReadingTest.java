package org.briefing.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    "studies",
    "Σ",
    "σ",
    "ς",
    "ΣΑ",
    "\u1100",
    "\u1161",
    "\u11a8",
    "가",
    "\u3131",
    "\u0654",
    "\u0653",
    "\u0655",
    "ﺃ",
    "か",
    "\u3099",
    "\u0cc6",
    "\u0cd5",
    "\u0b47",
    "\u0b3e",
    "\u212a",
    "ǅ",
    "Ⅻ",
    "\u0000",
    "\uffff"
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

  /**
   * What the fast reading takes as plain (its own normal form, lower-cased on its own) also joins
   * no character before it and is never reordered: after every letter or sign that a later
   * character can join (Latin, Arabic, Hangul, Kana and the Indic vowel signs with two parts), it
   * stays as it is. Checked for every character of the Basic Multilingual Plane.
   */
  @Test
  void aPlainCharacterIsItsOwnNormalFormAfterAnyOther() {
    String[] before = {
      "a", "e", "A", "ا", "و", "ي", "가", "\u1100", "か", "\u09c7", "\u0b47", "\u0bc6", "\u0c46",
      "\u0cc6", "\u0d46", "\u0dd9", "\u1025", "\u1b05", "\u0301", "\u0651"
    };
    int plain = 0;
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (!SearchAnalysis.isPlain(c)) {
        continue;
      }
      plain++;
      String one = String.valueOf(c);
      assertEquals(one, Normalizer.normalize(one, Normalizer.Form.NFKC), escaped(one));
      assertEquals(String.valueOf(Character.toLowerCase(c)), one.toLowerCase(Locale.ROOT));
      for (String b : before) {
        String pair = Normalizer.normalize(b, Normalizer.Form.NFKC) + one;
        assertEquals(pair, Normalizer.normalize(pair, Normalizer.Form.NFKC), escaped(pair));
      }
    }
    // Most of the plane is plain (Arabic letters, Latin, CJK); marks, jamo, İ and Σ are not.
    assertTrue(plain > 40_000, "plain: " + plain);
    for (char c : new char[] {'\u0130', '\u03a3', '\u0651', '\u0654', '\u1161', '\ufefb'}) {
      assertFalse(SearchAnalysis.isPlain(c), escaped(String.valueOf(c)));
    }
    for (char c : new char[] {'a', 'Q', 'ا', 'أ', 'ة', 'ى', '٣', '.', ' '}) {
      assertTrue(SearchAnalysis.isPlain(c), escaped(String.valueOf(c)));
    }
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
