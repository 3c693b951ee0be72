package org.briefing.validate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.briefing.content.MarkdownFile;
import org.briefing.content.Problem;
import org.briefing.content.RecordFolder;
import org.briefing.model.Lang;
import org.briefing.model.Translation;

/** A record's language files: the title and summary of each front matter, and its body. */
final class TranslationReader {

  private static final Set<String> FRONT_KEYS = Set.of("title", "summary");

  private final List<Problem> problems;

  TranslationReader(List<Problem> problems) {
    this.problems = problems;
  }

  Map<Lang, Translation> translations(RecordFolder folder) {
    Map<Lang, Translation> out = new EnumMap<>(Lang.class);
    folder
        .texts()
        .forEach(
            (code, file) -> {
              Lang lang = Lang.fromCode(code).orElseThrow();
              translation(lang, file).ifPresent(t -> out.put(lang, t));
            });
    return out;
  }

  private Optional<Translation> translation(Lang lang, MarkdownFile file) {
    if (file.frontMatter().isEmpty()) {
      return Optional.empty(); // already reported by the loader
    }
    return Fields.open(file.frontMatter().get(), "the front matter", FRONT_KEYS, problems)
        .flatMap(
            f -> {
              Optional<String> title =
                  f.requiredScalar("title", "write the record's headline")
                      .flatMap(t -> Texts.clean(t, "the title", problems));
              Optional<String> summary =
                  f.requiredScalar(
                          "summary", "write one or two sentences for" + " lists and the timeline")
                      .flatMap(s -> Texts.clean(s, "the summary", problems));
              summary.ifPresent(
                  s -> {
                    int length = s.codePointCount(0, s.length());
                    if (length > RecordReader.MAX_SUMMARY_LENGTH) {
                      problems.add(
                          Problem.at(
                              f.positionOf("summary"),
                              "summary is "
                                  + length
                                  + " characters; keep it under "
                                  + RecordReader.MAX_SUMMARY_LENGTH
                                  + " and move the rest into the body"));
                    }
                  });
              return title.isPresent() && summary.isPresent()
                  ? Optional.of(new Translation(lang, title.get(), summary.get(), file.body()))
                  : Optional.empty();
            });
  }
}
