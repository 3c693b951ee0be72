package org.briefing.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.briefing.content.Problem;
import org.briefing.content.Suggestions;
import org.briefing.content.YamlDocument;
import org.briefing.content.YamlNode;
import org.briefing.model.Localized;
import org.briefing.model.PublisherName;

/**
 * Checks {@code publishers.yaml} (each key named in both languages, an optional homepage) and
 * resolves what records write in {@code publisher:}. A value written like a key (lowercase letters,
 * digits and hyphens, with at least one letter) must be a key of the file; anything else is a plain
 * name, shown as written in both languages.
 */
final class PublishersReader {

  private static final Set<String> ENTRY_KEYS = Set.of("en", "ar", "url");
  private static final Pattern LETTER = Pattern.compile("[a-z]");

  private final List<Problem> problems;

  PublishersReader(List<Problem> problems) {
    this.problems = problems;
  }

  /** The publishers by key, in the order written. */
  Map<String, PublisherName> read(YamlDocument doc) {
    Map<String, PublisherName> out = new LinkedHashMap<>();
    if (doc.root() instanceof YamlNode.Scalar s && s.isNull()) {
      return out;
    }
    if (!(doc.root() instanceof YamlNode.Mapping map)) {
      problems.add(
          Problem.at(
              doc.root().position(),
              "publishers.yaml must list publishers as"
                  + " `enab-baladi: {en: Enab Baladi, ar: عنب بلدي}` lines"));
      return out;
    }
    map.entries()
        .forEach(
            (key, value) -> {
              if (!SharedFilesReader.KEY.matcher(key).matches() || !LETTER.matcher(key).find()) {
                problems.add(
                    Problem.at(
                        map.keyPositions().get(key),
                        "\""
                            + key
                            + "\" in publishers.yaml"
                            + " must be lowercase letters, digits and single hyphens, such as enab-baladi"));
                return;
              }
              Fields.open(value, "the publisher " + key, ENTRY_KEYS, problems)
                  .ifPresent(
                      f -> {
                        Optional<String> url =
                            f.optionalScalar("url").flatMap(u -> WebAddress.check(u, problems));
                        boolean badUrl = f.has("url") && url.isEmpty();
                        Optional<Localized> name = localized(f, key);
                        if (name.isPresent() && !badUrl) {
                          out.put(key, new PublisherName(key, name.get(), url));
                        }
                      });
            });
    return out;
  }

  private Optional<Localized> localized(Fields f, String key) {
    String what = "the names of publisher " + key;
    Optional<String> en =
        f.requiredScalar("en", "give the publisher's name in English")
            .flatMap(s -> Texts.clean(s, what + " (en)", problems));
    Optional<String> ar =
        f.requiredScalar("ar", "give the publisher's name in Arabic")
            .flatMap(s -> Texts.clean(s, what + " (ar)", problems));
    return en.isPresent() && ar.isPresent()
        ? Optional.of(new Localized(en.get(), ar.get()))
        : Optional.empty();
  }

  /** Whether an editor wrote {@code publisher} as a key rather than as a name. */
  static boolean looksLikeKey(String publisher) {
    return SharedFilesReader.KEY.matcher(publisher).matches() && LETTER.matcher(publisher).find();
  }

  /**
   * The publisher a record names: the entry of its key, or the plain name; empty (with a problem)
   * for a key that publishers.yaml lacks.
   */
  static Optional<PublisherName> resolve(
      YamlNode.Scalar at,
      String publisher,
      Map<String, PublisherName> known,
      List<Problem> problems) {
    if (!looksLikeKey(publisher)) {
      return Optional.of(
          new PublisherName(publisher, new Localized(publisher, publisher), Optional.empty()));
    }
    PublisherName found = known.get(publisher);
    if (found == null) {
      String hint =
          Suggestions.closest(publisher, known.keySet())
              .map(k -> "did you mean \"" + k + "\"?")
              .orElse(
                  "add it to publishers.yaml as "
                      + publisher
                      + ": {en: ..., ar: ...}, or write"
                      + " the publisher's name as it is spelt (with capitals or spaces)");
      problems.add(Problem.at(at.position(), "unknown publisher \"" + publisher + "\"; " + hint));
    }
    return Optional.ofNullable(found);
  }
}
