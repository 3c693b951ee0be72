package org.briefing.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.briefing.content.Problem;
import org.briefing.content.YamlDocument;
import org.briefing.content.YamlNode;
import org.briefing.model.Country;
import org.briefing.model.Localized;
import org.briefing.model.SiteConfig;
import org.briefing.model.Term;

/** Checks and types the three shared files: site.yaml, countries.yaml, vocabulary.yaml. */
final class SharedFilesReader {

  static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");
  private static final Set<String> NAME_KEYS = Set.of("en", "ar");
  private static final Set<String> TYPE_KEYS = Set.of("en", "ar", "plural");

  private final List<Problem> problems;

  SharedFilesReader(List<Problem> problems) {
    this.problems = problems;
  }

  Optional<SiteConfig> site(YamlDocument doc) {
    Set<String> keys = Set.of("base_url", "title", "tagline", "languages", "arabic_digits");
    return Fields.open(doc.root(), "site.yaml", keys, problems)
        .flatMap(
            f -> {
              Optional<String> url =
                  f.requiredScalar(
                          "base_url",
                          "write the published address, such as" + " https://example.org/briefing/")
                      .flatMap(
                          s -> {
                            String text = s.text().strip();
                            if (!text.startsWith("https://") && !text.startsWith("http://")) {
                              problems.add(
                                  Problem.at(
                                      s.position(),
                                      "base_url \""
                                          + text
                                          + "\" must start with"
                                          + " https:// or http://"));
                              return Optional.empty();
                            }
                            return Optional.of(text.endsWith("/") ? text : text + "/");
                          });
              Optional<Localized> title =
                  f.node("title").flatMap(n -> localized(n, "title in site.yaml"));
              if (!f.has("title")) {
                problems.add(
                    Problem.at(
                        f.positionOf("title"),
                        "missing \"title\" in site.yaml; write" + " title: {en: ..., ar: ...}"));
              }
              Optional<Localized> tagline =
                  f.has("tagline")
                      ? f.node("tagline").flatMap(n -> localized(n, "tagline in site.yaml"))
                      : Optional.of(new Localized("", ""));
              for (YamlNode.Scalar lang : f.scalarList("languages")) {
                if (!NAME_KEYS.contains(lang.text())) {
                  problems.add(
                      Problem.at(
                          lang.position(),
                          "language \""
                              + lang.text()
                              + "\" is not"
                              + " supported; the site is published in ar and en"));
                }
              }
              boolean indic = false;
              Optional<YamlNode.Scalar> digits = f.optionalScalar("arabic_digits");
              if (digits.isPresent()) {
                String d = digits.get().text();
                if (d.equals("arabic-indic")) {
                  indic = true;
                } else if (!d.equals("western")) {
                  problems.add(
                      Problem.at(
                          digits.get().position(),
                          "arabic_digits must be \"western\""
                              + " (0123) or \"arabic-indic\" (٠١٢٣), not \""
                              + d
                              + "\""));
                }
              }
              if (url.isEmpty() || title.isEmpty() || tagline.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new SiteConfig(url.get(), title.get(), tagline.get(), indic));
            });
  }

  /** Countries in code order. */
  List<Country> countries(YamlDocument doc) {
    if (!(doc.root() instanceof YamlNode.Mapping map)) {
      problems.add(
          Problem.at(
              doc.root().position(),
              "countries.yaml must list codes as" + " `QA: {en: Qatar, ar: قطر}` lines"));
      return List.of();
    }
    List<Country> out = new ArrayList<>();
    map.entries()
        .forEach(
            (code, value) -> {
              if (!COUNTRY_CODE.matcher(code).matches()) {
                problems.add(
                    Problem.at(
                        map.keyPositions().get(code),
                        "\""
                            + code
                            + "\" is not an ISO"
                            + " 3166-1 alpha-2 code; use two capital letters, such as QA or SY"));
                return;
              }
              localized(value, "the names of " + code)
                  .ifPresent(name -> out.add(new Country(code, name)));
            });
    out.sort(java.util.Comparator.comparing(Country::code));
    return List.copyOf(out);
  }

  /** The types and topics of vocabulary.yaml, in the order written. */
  record Vocabulary(List<Term> types, List<Term> topics) {}

  Vocabulary vocabulary(YamlDocument doc) {
    Optional<Fields> fields =
        Fields.open(doc.root(), "vocabulary.yaml", Set.of("types", "topics"), problems);
    if (fields.isEmpty()) {
      return new Vocabulary(List.of(), List.of());
    }
    Fields f = fields.get();
    if (!f.has("types")) {
      problems.add(
          Problem.at(
              f.positionOf("types"),
              "missing \"types\" in vocabulary.yaml;"
                  + " list the engagement types, such as agreement: {en: Agreement, ar: اتفاقية}"));
    }
    List<Term> types = f.node("types").map(n -> terms(n, "types")).orElse(List.of());
    List<Term> topics = f.node("topics").map(n -> terms(n, "topics")).orElse(List.of());
    return new Vocabulary(types, topics);
  }

  private List<Term> terms(YamlNode node, String section) {
    if (!(node instanceof YamlNode.Mapping map)) {
      problems.add(
          Problem.at(
              node.position(),
              section + " in vocabulary.yaml must be" + " `key: {en: ..., ar: ...}` lines"));
      return List.of();
    }
    Map<String, Term> out = new LinkedHashMap<>();
    map.entries()
        .forEach(
            (key, value) -> {
              if (!KEY.matcher(key).matches()) {
                problems.add(
                    Problem.at(
                        map.keyPositions().get(key),
                        "\""
                            + key
                            + "\" in "
                            + section
                            + " must be lowercase letters, digits and single hyphens (it becomes part of"
                            + " addresses)"));
                return;
              }
              if (section.equals("types")) {
                typeTerm(key, value).ifPresent(t -> out.put(key, t));
              } else {
                localized(value, "the labels of " + key)
                    .ifPresent(l -> out.put(key, new Term(key, l)));
              }
            });
    return List.copyOf(out.values());
  }

  /**
   * A type: {@code {en: Visit, ar: زيارة, plural: {en: Visits, ar: الزيارات}}}. The plural titles
   * the type's pages; when left out they are titled by the label, but when written it needs both
   * languages.
   */
  private Optional<Term> typeTerm(String key, YamlNode value) {
    String what = "the labels of " + key;
    return Fields.open(value, what, TYPE_KEYS, problems)
        .flatMap(
            f -> {
              Optional<String> en =
                  f.requiredScalar("en", "give the English text")
                      .flatMap(s -> Texts.clean(s, what + " (en)", problems));
              Optional<String> ar =
                  f.requiredScalar("ar", "give the Arabic text")
                      .flatMap(s -> Texts.clean(s, what + " (ar)", problems));
              boolean written = f.has("plural");
              Optional<Localized> plural =
                  f.node("plural").flatMap(n -> localized(n, "the plural of " + key));
              if (en.isEmpty() || ar.isEmpty() || (written && plural.isEmpty())) {
                return Optional.empty();
              }
              Localized label = new Localized(en.get(), ar.get());
              return Optional.of(new Term(key, label, plural.orElse(label)));
            });
  }

  /** An {@code {en: ..., ar: ...}} pair; both are required. */
  Optional<Localized> localized(YamlNode node, String what) {
    return Fields.open(node, what, NAME_KEYS, problems)
        .flatMap(
            f -> {
              Optional<String> en =
                  f.requiredScalar("en", "give the English text")
                      .flatMap(s -> Texts.clean(s, what + " (en)", problems));
              Optional<String> ar =
                  f.requiredScalar("ar", "give the Arabic text")
                      .flatMap(s -> Texts.clean(s, what + " (ar)", problems));
              return en.isPresent() && ar.isPresent()
                  ? Optional.of(new Localized(en.get(), ar.get()))
                  : Optional.empty();
            });
  }
}
