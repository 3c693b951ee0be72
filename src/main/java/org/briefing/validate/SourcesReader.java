package org.briefing.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.briefing.content.Problem;
import org.briefing.content.YamlNode;
import org.briefing.model.PartialDate;
import org.briefing.model.PublisherName;
import org.briefing.model.Source;

/** A record's {@code sources:}: who published each, its title, address, date and language. */
final class SourcesReader {

  private static final Set<String> SOURCE_KEYS =
      Set.of("publisher", "title", "url", "archive_url", "date", "language");

  private final Map<String, PublisherName> publishers;
  private final Function<YamlNode.Scalar, Optional<PartialDate>> dates;
  private final List<Problem> problems;

  SourcesReader(
      Map<String, PublisherName> publishers,
      Function<YamlNode.Scalar, Optional<PartialDate>> dates,
      List<Problem> problems) {
    this.publishers = publishers;
    this.dates = dates;
    this.problems = problems;
  }

  List<Source> sources(Fields f) {
    List<YamlNode> items = f.list("sources");
    if (items.isEmpty()) {
      problems.add(
          Problem.at(
              f.positionOf("sources"),
              "a record needs at least one source; add"
                  + " sources: with a publisher, title and language"));
    }
    List<Source> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String where = "sources[" + (i + 1) + "]";
      Fields.open(items.get(i), where, SOURCE_KEYS, problems)
          .ifPresent(
              s -> {
                Optional<PublisherName> publisher =
                    s.requiredScalar("publisher", "name who published it")
                        .flatMap(
                            p ->
                                Texts.clean(p, "the publisher", problems)
                                    .flatMap(
                                        text ->
                                            PublishersReader.resolve(
                                                p, text, publishers, problems)));
                Optional<String> title =
                    s.requiredScalar("title", "copy the source's own title")
                        .flatMap(t -> Texts.clean(t, "the source title", problems));
                Optional<String> url = s.optionalScalar("url").flatMap(u -> url(u, "url"));
                Optional<String> archiveUrl =
                    s.optionalScalar("archive_url").flatMap(u -> url(u, "archive_url"));
                Optional<PartialDate> date = s.optionalScalar("date").flatMap(dates);
                Optional<String> language =
                    s.requiredScalar("language", "write ar or en (the source's" + " language)")
                        .flatMap(
                            l -> {
                              if (!SharedFilesReader.KEY.matcher(l.text()).matches()
                                  || l.text().length() > 3) {
                                problems.add(
                                    Problem.at(
                                        l.position(),
                                        "language \""
                                            + l.text()
                                            + "\" is not a"
                                            + " language code; write ar, en, tr, ..."));
                                return Optional.empty();
                              }
                              return Optional.of(l.text());
                            });
                if (publisher.isPresent() && title.isPresent() && language.isPresent()) {
                  PublisherName by = publisher.get();
                  out.add(
                      new Source(
                          by.key(),
                          title.get(),
                          url,
                          date,
                          language.get(),
                          by.name(),
                          by.url(),
                          archiveUrl));
                }
              });
    }
    return out;
  }

  private Optional<String> url(YamlNode.Scalar s, String key) {
    return WebAddress.check(s, key, problems);
  }
}
