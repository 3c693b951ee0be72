package org.briefing.i18n;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.briefing.content.Problem;
import org.briefing.content.YamlNode;
import org.briefing.content.YamlReader;
import org.briefing.model.Lang;

/**
 * The interface's words in both languages, from {@code templates/strings.yaml}. A string is either
 * one text per language or, for counts, one text per plural category: Arabic has six (zero, one,
 * two, few, many, other), and "3 engagements" and "11 engagements" take different forms of the
 * noun.
 */
public final class Strings {

  private static final Set<String> CATEGORIES =
      Set.of("zero", "one", "two", "few", "many", "other");

  private final Map<Lang, Map<String, String>> plain;
  private final Map<Lang, Map<String, Map<String, String>>> plural;

  private Strings(
      Map<Lang, Map<String, String>> plain, Map<Lang, Map<String, Map<String, String>>> plural) {
    this.plain = plain;
    this.plural = plural;
  }

  /**
   * Reads the strings file; every key must have both languages.
   *
   * @throws TemplateProblemException listing everything wrong with the file
   */
  public static Strings load(Path file) {
    List<Problem> problems = new ArrayList<>();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TemplateProblemException(
          List.of(Problem.inFile(file, "could not be read: " + e.getMessage())));
    }
    YamlNode root = new YamlReader().read(file, text, 0, problems).orElse(null);
    Map<Lang, Map<String, String>> plain = new EnumMap<>(Lang.class);
    Map<Lang, Map<String, Map<String, String>>> plural = new EnumMap<>(Lang.class);
    for (Lang lang : Lang.values()) {
      plain.put(lang, new HashMap<>());
      plural.put(lang, new HashMap<>());
    }
    if (root instanceof YamlNode.Mapping map) {
      map.entries().forEach((key, value) -> readEntry(key, value, plain, plural, problems));
    } else if (problems.isEmpty()) {
      problems.add(Problem.inFile(file, "must map each key to {en: ..., ar: ...}"));
    }
    if (!problems.isEmpty()) {
      throw new TemplateProblemException(problems);
    }
    return new Strings(plain, plural);
  }

  private static void readEntry(
      String key,
      YamlNode value,
      Map<Lang, Map<String, String>> plain,
      Map<Lang, Map<String, Map<String, String>>> plural,
      List<Problem> problems) {
    if (!(value instanceof YamlNode.Mapping byLang)) {
      problems.add(Problem.at(value.position(), "\"" + key + "\" must be {en: ..., ar: ...}"));
      return;
    }
    for (Lang lang : Lang.values()) {
      YamlNode text = byLang.entries().get(lang.code());
      if (text instanceof YamlNode.Scalar s) {
        plain.get(lang).put(key, s.text());
      } else if (text instanceof YamlNode.Mapping forms
          && CATEGORIES.containsAll(forms.entries().keySet())
          && forms.entries().get("other") instanceof YamlNode.Scalar) {
        Map<String, String> out = new HashMap<>();
        forms
            .entries()
            .forEach((category, form) -> out.put(category, ((YamlNode.Scalar) form).text()));
        plural.get(lang).put(key, out);
      } else {
        problems.add(
            Problem.at(
                byLang.position(),
                "\""
                    + key
                    + "\" has no "
                    + lang.code()
                    + " text (or its plural forms lack \"other\")"));
      }
    }
  }

  /** The text of {@code key} in {@code lang}. */
  public String get(Lang lang, String key) {
    String text = plain.get(lang).get(key);
    if (text == null) {
      throw new IllegalArgumentException("no string \"" + key + "\" in strings.yaml");
    }
    return text;
  }

  /** The plural form of {@code key} for {@code count}, with {n} replaced by {@code number}. */
  public String plural(Lang lang, String key, long count, String number) {
    Map<String, String> forms = plural.get(lang).get(key);
    if (forms == null) {
      throw new IllegalArgumentException("no plural string \"" + key + "\" in strings.yaml");
    }
    String form = forms.getOrDefault(category(lang, count), forms.get("other"));
    return form.replace("{n}", number);
  }

  /** The CLDR plural category of {@code n}: Arabic's six, English's one/other. */
  public static String category(Lang lang, long n) {
    if (lang == Lang.EN) {
      return n == 1 ? "one" : "other";
    }
    long mod = n % 100;
    if (n == 0) {
      return "zero";
    }
    if (n == 1) {
      return "one";
    }
    if (n == 2) {
      return "two";
    }
    if (mod >= 3 && mod <= 10) {
      return "few";
    }
    return mod >= 11 ? "many" : "other";
  }
}
