package org.briefing.validate;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.briefing.content.MarkdownFile;
import org.briefing.content.Problem;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;
import org.briefing.model.Translation;

/**
 * The editors' introductions to monthly briefs ({@code briefs/<yyyy-mm>/ar.md}, {@code en.md}): the
 * month must have published records, and a front matter, when there is one, may give only a {@code
 * title}. A month may have one language's introduction, both or none.
 */
final class BriefsReader {

  private static final Set<String> FRONT_KEYS = Set.of("title");

  private final List<Problem> problems;

  BriefsReader(List<Problem> problems) {
    this.problems = problems;
  }

  Map<String, Map<Lang, Translation>> read(
      Map<String, Map<String, MarkdownFile>> briefs, List<Engagement> published) {
    Map<String, Map<Lang, Translation>> out = new TreeMap<>();
    briefs.forEach(
        (month, files) -> {
          if (published.stream().noneMatch(e -> inMonth(e, month))) {
            Path folder =
                files.values().stream()
                    .findFirst()
                    .map(f -> f.file().getParent())
                    .orElse(Path.of("briefs", month));
            problems.add(
                Problem.inFile(
                    folder,
                    "has no records: "
                        + month
                        + " has no published record dated to that month, so it has no brief;"
                        + " check the folder's name, or remove the folder"));
            return;
          }
          Map<Lang, Translation> texts = new EnumMap<>(Lang.class);
          files.forEach(
              (code, file) -> {
                Lang lang = Lang.fromCode(code).orElseThrow();
                intro(lang, file).ifPresent(t -> texts.put(lang, t));
              });
          if (!texts.isEmpty()) {
            out.put(month, Map.copyOf(texts));
          }
        });
    return Map.copyOf(out);
  }

  private Optional<Translation> intro(Lang lang, MarkdownFile file) {
    if (file.frontMatter().isEmpty()) {
      return Optional.of(new Translation(lang, "", "", file.body()));
    }
    return Fields.open(file.frontMatter().get(), "the front matter", FRONT_KEYS, problems)
        .map(
            f ->
                f.optionalScalar("title")
                    .flatMap(t -> Texts.clean(t, "the title", problems))
                    .orElse(""))
        .map(title -> new Translation(lang, title, "", file.body()));
  }

  private static boolean inMonth(Engagement e, String month) {
    return e.date().month() != 0
        && new PartialDate(e.date().year(), e.date().month(), 0).toString().equals(month);
  }
}
