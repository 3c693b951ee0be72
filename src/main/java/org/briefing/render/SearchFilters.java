package org.briefing.render;

import java.util.ArrayList;
import java.util.List;
import org.briefing.archive.Archive;
import org.briefing.graphics.GraphicViews;
import org.briefing.i18n.Collation;
import org.briefing.i18n.Localizer;
import org.briefing.model.Lang;

/** The choices of the search page's and the timeline's filters, from what the archive holds. */
final class SearchFilters {

  private SearchFilters() {}

  /**
   * The filters of search and the timeline: the countries and types that have records, by name in
   * this language's order ({@link Collation}), years (newest first) and statuses. They are facets
   * of the search index; the timeline's form opens the search page with them.
   */
  static PageViews.TimelineFilters of(
      Archive archive, Lang lang, Localizer l, Collation collation) {
    List<PageViews.Option> countries =
        archive.activeCountries().stream()
            .map(c -> new PageViews.Option(c.slug(), c.name().get(lang)))
            .sorted(collation.by(PageViews.Option::text))
            .toList();
    List<PageViews.Option> types = new ArrayList<>();
    archive
        .byType()
        .forEach(
            (type, list) -> {
              if (!list.isEmpty()) {
                types.add(new PageViews.Option(type.key(), type.label().get(lang)));
              }
            });
    types.sort(collation.by(PageViews.Option::text));
    List<PageViews.Option> years =
        archive.timeline().stream()
            .map(y -> new PageViews.Option(Integer.toString(y.year()), l.n(y.year())))
            .toList();
    List<PageViews.Option> statuses =
        java.util.Arrays.stream(org.briefing.model.Status.values())
            .filter(s -> archive.engagements().stream().anyMatch(e -> e.status() == s))
            .map(s -> new PageViews.Option(s.key(), l.t("status_" + s.key())))
            .toList();
    return new PageViews.TimelineFilters(
        countries,
        List.copyOf(types),
        years,
        statuses,
        new GraphicViews.Link(Routes.search(lang), l.t("search"), lang.code(), lang.dir()));
  }
}
