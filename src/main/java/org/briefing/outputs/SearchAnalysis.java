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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

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
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder kept = new StringBuilder(normal.length());
    normal
        .codePoints()
        .forEach(
            c -> {
              if (!drop.get(c)) {
                if (folded.get(c)) {
                  kept.append(fold.get(c));
                } else {
                  kept.appendCodePoint(c);
                }
              }
            });
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(kept);
    while (m.find()) {
      out.add(stem(m.group()));
    }
    return out;
  }

  private String stem(String word) {
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
