package org.briefing.render;

import java.util.List;
import org.briefing.archive.Archive;
import org.briefing.archive.DatePages;
import org.briefing.i18n.Localizer;
import org.briefing.model.Country;
import org.briefing.model.Lang;
import org.briefing.model.Term;
import org.briefing.render.PageViews.Counted;
import org.briefing.render.PageViews.Link;

/**
 * The pages of the lists paged by date (DESIGN §3) in one language: a year, or a month of a split
 * year, of the timeline, a country's, a pair's or a type's records. The periods and their order
 * come from {@link DatePages}; this only puts them into words and links.
 */
final class PeriodPages {

  private final PageBuilder pages;
  private final Lang lang;
  private final Localizer l;

  PeriodPages(PageBuilder pages) {
    this.pages = pages;
    this.lang = pages.lang();
    this.l = pages.localizer();
  }

  PageViews.PeriodPage timeline(DatePages.Period p) {
    return page(
        Routes.timeline(lang),
        Routes.timeline(lang.other()),
        l.t("timeline"),
        "timeline",
        pages.archive().timelinePages(),
        p);
  }

  PageViews.PeriodPage country(Country country, DatePages.Period p) {
    return page(
        Routes.country(lang, country),
        Routes.country(lang.other(), country),
        country.name().get(lang),
        "countries",
        pages.archive().pagesOf(country),
        p);
  }

  PageViews.PeriodPage pair(Archive.Pair pair, DatePages.Period p) {
    String title = pair.first().name().get(lang) + " – " + pair.second().name().get(lang);
    return page(
        Routes.pair(lang, pair),
        Routes.pair(lang.other(), pair),
        title,
        "countries",
        pages.archive().pagesOf(pair),
        p);
  }

  PageViews.PeriodPage type(Term type, DatePages.Period p) {
    return page(
        Routes.type(lang, type),
        Routes.type(lang.other(), type),
        type.label().get(lang),
        "types",
        pages.archive().pagesOf(type),
        p);
  }

  private PageViews.PeriodPage page(
      String overview,
      String otherOverview,
      String listTitle,
      String section,
      DatePages list,
      DatePages.Period p) {
    String path = Routes.period(overview, p);
    String heading = listTitle + " · " + label(p);
    List<Counted> months =
        p.months().stream()
            .map(
                m ->
                    pages.counted(
                        pages.link(Routes.period(overview, m), label(m)),
                        PageBuilder.monthId(m.year(), m.month()),
                        m.total()))
            .toList();
    return new PageViews.PeriodPage(
        pages.context(path, heading, section, Routes.period(otherOverview, p)),
        heading,
        pages.count(p.total()),
        pages.link(overview, listTitle),
        list.older(p).map(o -> neighbour(overview, o)).orElse(null),
        list.newer(p).map(n -> neighbour(overview, n)).orElse(null),
        months,
        pages.years(p.engagements()));
  }

  private Link neighbour(String overview, DatePages.Period p) {
    return pages.link(Routes.period(overview, p), label(p));
  }

  /** {@code 2025}, or the month as the timeline's headings write it. */
  private String label(DatePages.Period p) {
    return p.isYear() ? l.n(p.year()) : l.dates().monthHeading(p.year(), p.month());
  }
}
