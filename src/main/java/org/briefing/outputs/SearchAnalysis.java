package org.briefing.outputs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
  private final BitSet drop = new BitSet();
  private final BitSet folded = new BitSet();
  private final Map<Integer, String> fold = new HashMap<>();
  private final List<Stemmer> stemmers = new ArrayList<>();
  private final Map<String, String> stems = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED_STEMS = 200_000;

  // Looked up once per character of every record, so the characters of the Basic Multilingual
  // Plane (all that records are written in) are read from arrays; other planes take the sets.
  private static final byte KEEP = 0;
  private static final byte DROP = 1;
  private static final byte FOLD = 2;
  private final byte[] action = new byte[Character.MIN_SUPPLEMENTARY_CODE_POINT];

  /**
   * Each render thread's own memory of stems by the characters of the word, consulted before a word
   * is made a string and looked up in {@link #stems}: most words of a record have been seen.
   */
  private final ThreadLocal<StemMemo> memo =
      ThreadLocal.withInitial(() -> new StemMemo(MAX_REMEMBERED_STEMS));

  private static final SearchAnalysis RULES = load();

  /** The analysis of {@value #RESOURCE}. */
  public static SearchAnalysis rules() {
    return RULES;
  }

  /** A new analysis of the same table, remembering no stems yet: for tests of the stemming. */
  static SearchAnalysis fresh() {
    return load();
  }

  private SearchAnalysis(byte[] table) throws IOException {
    this.table = table;
    Map<?, ?> root;
    try (JsonParser parser = new JsonFactory().createParser(table)) {
      parser.nextToken();
      root = (Map<?, ?>) value(parser);
    }
    text(root, "drop", "").codePoints().forEach(drop::set);
    ((Map<?, ?>) root.get("fold"))
        .forEach((from, to) -> fold.put(((String) from).codePointAt(0), (String) to));
    fold.keySet().forEach(folded::set);
    for (int c = 0; c < action.length; c++) {
      action[c] = drop.get(c) ? DROP : folded.get(c) ? FOLD : KEEP;
    }
    for (Object stemmer : list(root, "stemmers")) {
      Map<?, ?> s = (Map<?, ?>) stemmer;
      List<List<Rule>> steps = new ArrayList<>();
      for (Object step : list(s, "steps")) {
        List<Rule> rules = new ArrayList<>();
        for (Object rule : (List<?>) step) {
          Map<?, ?> r = (Map<?, ?>) rule;
          Set<String> keep = new HashSet<>();
          list(r, "keep").forEach(k -> keep.add((String) k));
          rules.add(
              new Rule(
                  text(r, "prefix", ""),
                  text(r, "suffix", ""),
                  text(r, "to", ""),
                  number(r, "min", 1),
                  Set.copyOf(keep)));
        }
        steps.add(List.copyOf(rules));
      }
      stemmers.add(new Stemmer(number(s, "from", 0), number(s, "to", 0), List.copyOf(steps)));
    }
  }

  /**
   * The JSON value at the parser's token, as maps, lists, strings and integers. The streaming
   * parser, not Jackson's object mapper: the mapper's first use sets up date formats and the locale
   * data behind them, a few hundredths of a second at the start of every build, for a table of a
   * few kilobytes.
   */
  private static Object value(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> map = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, value(parser));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser));
        }
        return list;
      }
      case VALUE_NUMBER_INT -> {
        return parser.getIntValue();
      }
      default -> {
        return parser.getText();
      }
    }
  }

  private static String text(Map<?, ?> map, String key, String absent) {
    Object value = map.get(key);
    return value == null ? absent : value.toString();
  }

  private static int number(Map<?, ?> map, String key, int absent) {
    Object value = map.get(key);
    return value instanceof Integer n ? n : absent;
  }

  private static List<?> list(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value instanceof List<?> list ? list : List.of();
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
    // Every character of every record passes here twice (once per language): one loop over an
    // array, where a stream of code points and a regex cost several times as much. Most text is
    // made of characters that normalising leaves as they are and that lower-case one by one (see
    // PLAIN): the loop lower-cases those itself, without the JDK's two passes over the text
    // (normalising and lower-casing were two fifths of reading the words).
    char[] chars = text.toCharArray();
    boolean plain = plain(chars);
    if (!plain) {
      chars =
          Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).toCharArray();
    }
    WordReader words = new WordReader(memo.get(), this);
    for (int i = 0; i < chars.length; ) {
      char ch = chars[i];
      if (!Character.isSurrogate(ch)) {
        i++;
        if (plain) {
          ch = (char) READING[ch];
        }
        byte act = action[ch];
        if (act == KEEP) {
          words.take(ch);
        } else if (act == FOLD) {
          words.takeAll(fold.get((int) ch));
        }
      } else {
        int c = Character.codePointAt(chars, i);
        i += Character.charCount(c);
        if (folded.get(c) && !drop.get(c)) {
          words.takeAll(fold.get(c));
        } else if (!drop.get(c)) {
          words.take(c);
        }
      }
    }
    return words.end();
  }

  /**
   * How each character of the Basic Multilingual Plane is read, learnt the first time it is met:
   * {@link #KNOWN} once learnt, {@link #PLAIN} if it is plain, and its lower case in the low 16
   * bits. A character is plain when it is its own NFKC form, is no mark (marks may be reordered or
   * joined to the letter before them, as hamza above joins alef) and no Hangul jamo (which join
   * their syllable), and lower-cases to one character on its own: not İ (two characters) and not Σ
   * (σ or ς, by what follows). A text of plain characters only is its own NFKC form, since each of
   * them is and none combines with a neighbour; and its lower case is theirs, one by one. Threads
   * that learn a character at once write the same value.
   */
  private static final int[] READING = new int[Character.MIN_SUPPLEMENTARY_CODE_POINT];

  private static final int KNOWN = 1 << 16;
  private static final int PLAIN = 1 << 17;

  /** Whether every character of {@code chars} is plain (see {@link #READING}). */
  private static boolean plain(char[] chars) {
    for (char c : chars) {
      int reading = READING[c];
      if (reading == 0) {
        reading = learn(c);
      }
      if ((reading & PLAIN) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code c} is plain (see {@link #READING}). */
  static boolean isPlain(char c) {
    return (learn(c) & PLAIN) != 0;
  }

  private static int learn(char c) {
    String one = String.valueOf(c);
    boolean plain =
        !Character.isSurrogate(c)
            && c != '\u0130'
            && c != '\u03a3'
            && !(c >= '\u1100' && c <= '\u11ff')
            && !isMark(c)
            && Normalizer.normalize(one, Normalizer.Form.NFKC).equals(one);
    int reading = KNOWN | (plain ? PLAIN : 0) | Character.toLowerCase(c);
    READING[c] = reading;
    return reading;
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /**
   * The stem of {@code word}, remembered: a language has far fewer distinct words than an archive
   * has words, so most are stemmed once. The memory is bounded for the preview, which runs for days
   * and may see any text.
   */
  String stem(String word) {
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
