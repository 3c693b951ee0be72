package org.briefing.outputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How search reads words, in Java, for the index the build writes. The rules are a table, {@value
 * #RESOURCE}, that the browser reads too (the build copies it into {@value #SCRIPT}; {@code
 * assets/search.js} applies it to queries the same way), so a word finds the records that contain
 * it however it is written: Arabic with or without diacritics and tatweel, with any form of hamza
 * or alef, ta marbuta or ha, alef maqsura or ya, with or without the article and common attached
 * prefixes and suffixes (a rule's keep list names the words whose first letter only looks like a
 * prefix: «وزير» is not «و» + «زير»); English in its plural and verb forms. {@code
 * SearchAnalysisTest} feeds the same words through both and requires the same terms.
 */
public final class SearchAnalysis {

  /** The rules table, on the classpath. */
  public static final String RESOURCE = "org/briefing/outputs/search-analysis.json";

  /** Where the site carries the table for the browser, as a script that sets a global. */
  public static final String SCRIPT = org.briefing.render.Routes.searchAnalysis();

  /**
   * A stemming rule: strip {@code prefix} or replace {@code suffix} by {@code to}, if at least
   * {@code min} characters are left and the word is not one of {@code keep}.
   */
  private record Rule(String prefix, String suffix, String to, int min, Set<String> keep) {}

  private record Stemmer(int from, int to, List<List<Rule>> steps) {}

  private final byte[] table;
  // Looked up once per character of every record: bit sets first, so that most characters (kept
  // as they are) cost no boxing and no hashing.
  private final BitSet drop = new BitSet();
  private final BitSet folded = new BitSet();
  private final Map<Integer, String> fold = new HashMap<>();
  private final List<Stemmer> stemmers = new ArrayList<>();
  private final Map<String, String> stems = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED_STEMS = 200_000;

  private static final SearchAnalysis RULES = load();

  /** The analysis of {@value #RESOURCE}. */
  public static SearchAnalysis rules() {
    return RULES;
  }

  private SearchAnalysis(byte[] table) throws IOException {
    this.table = table;
    JsonNode root = new ObjectMapper().readTree(table);
    root.path("drop").asText().codePoints().forEach(drop::set);
    root.path("fold")
        .fields()
        .forEachRemaining(e -> fold.put(e.getKey().codePointAt(0), e.getValue().asText()));
    fold.keySet().forEach(folded::set);
    for (JsonNode s : root.path("stemmers")) {
      List<List<Rule>> steps = new ArrayList<>();
      for (JsonNode step : s.path("steps")) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : step) {
          String suffix = r.path("suffix").asText("");
          Set<String> keep = new HashSet<>();
          r.path("keep").forEach(k -> keep.add(k.asText()));
          rules.add(
              new Rule(
                  r.path("prefix").asText(""),
                  suffix,
                  r.has("to") ? r.path("to").asText() : "",
                  r.path("min").asInt(1),
                  Set.copyOf(keep)));
        }
        steps.add(List.copyOf(rules));
      }
      stemmers.add(new Stemmer(s.path("from").asInt(), s.path("to").asInt(), List.copyOf(steps)));
    }
  }

  private static SearchAnalysis load() {
    try (InputStream in = SearchAnalysis.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new SearchAnalysis(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The terms of {@code text}, in order, repeats kept. */
  public List<String> terms(String text) {
    // Every character of every record passes here twice (once per language): plain loops over
    // arrays, where a stream of code points and a regex cost several times as much.
    char[] normal =
        Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).toCharArray();
    StringBuilder kept = new StringBuilder(normal.length);
    int run = 0; // where the characters kept as they are began
    for (int i = 0; i < normal.length; ) {
      int c = Character.codePointAt(normal, i);
      int next = i + Character.charCount(c);
      if (drop.get(c) || folded.get(c)) {
        kept.append(normal, run, i - run);
        if (!drop.get(c)) {
          kept.append(fold.get(c));
        }
        run = next;
      }
      i = next;
    }
    kept.append(normal, run, normal.length - run);
    char[] chars = new char[kept.length()];
    kept.getChars(0, chars.length, chars, 0);
    List<String> out = new ArrayList<>();
    int start = -1; // where the word being read began, or -1 between words
    for (int i = 0; i < chars.length; ) {
      int c = Character.codePointAt(chars, i);
      if (isWordCharacter(c)) {
        start = start < 0 ? i : start;
      } else if (start >= 0) {
        out.add(stem(new String(chars, start, i - start)));
        start = -1;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) {
      out.add(stem(new String(chars, start, chars.length - start)));
    }
    return out;
  }

  /** A letter or a number: what the browser's {@code [\p{L}\p{N}]} matches. */
  private static boolean isWordCharacter(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
    switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  /**
   * The stem of {@code word}, remembered: a language has far fewer distinct words than an archive
   * has words, so most are stemmed once. The memory is bounded for the preview, which runs for days
   * and may see any text.
   */
  private String stem(String word) {
    String known = stems.get(word);
    if (known != null) {
      return known;
    }
    String stem = stemOnce(word);
    if (stems.size() < MAX_REMEMBERED_STEMS) {
      stems.put(word, stem);
    }
    return stem;
  }

  private String stemOnce(String word) {
    int first = word.codePointAt(0);
    for (Stemmer s : stemmers) {
      if (first >= s.from() && first <= s.to()) {
        String w = word;
        for (List<Rule> step : s.steps()) {
          for (Rule r : step) {
            if (r.keep().contains(w)) {
              continue;
            }
            if (!r.prefix().isEmpty()
                && w.startsWith(r.prefix())
                && length(w) - length(r.prefix()) >= r.min()) {
              w = w.substring(r.prefix().length());
              break;
            }
            if (!r.suffix().isEmpty()
                && w.endsWith(r.suffix())
                && length(w) - length(r.suffix()) + length(r.to()) >= r.min()) {
              w = w.substring(0, w.length() - r.suffix().length()) + r.to();
              break;
            }
          }
        }
        return w;
      }
    }
    return word;
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** The browser's copy of the table: a script setting {@code window.briefingAnalysis}. */
  public byte[] script() {
    String json = new String(table, StandardCharsets.UTF_8).strip();
    return ("/* How search reads words; written by the build from "
            + RESOURCE
            + ", applied by assets/search.js. */\nwindow.briefingAnalysis = "
            + json
            + ";\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
