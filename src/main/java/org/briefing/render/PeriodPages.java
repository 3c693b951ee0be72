package org.briefing.render;

import java.util.ArrayList;
import java.util.List;
import org.briefing.archive.Archive;
import org.briefing.archive.DatePages;
import org.briefing.graphics.GraphicViews.Counted;
import org.briefing.graphics.GraphicViews.Link;
import org.briefing.i18n.Localizer;
import org.briefing.model.Actor;
import org.briefing.model.Country;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;
import org.briefing.model.Term;

/**
 * The pages of the lists paged by date (DESIGN §3) in one language: a year, or a month of a split
 * year, of the timeline, a country's, a pair's, a type's or an actor's records. The periods and
 * their order come from {@link DatePages}; this only puts them into words and links.
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
        type.plural().get(lang),
        "types",
        pages.archive().pagesOf(type),
        p);
  }

  PageViews.PeriodPage actor(Actor actor, DatePages.Period p) {
    return page(
        Routes.actor(lang, actor),
        Routes.actor(lang.other(), actor),
        actor.name().get(lang),
        "actors",
        pages.archive().pagesOf(actor),
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
                        monthId(m.year(), m.month()),
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

  /**
   * The years of a list paged by date, each linking to its page and, {@code withMonths}, its
   * months: to a split year's month pages, or to the month's heading on the year's page.
   */
  static List<PageViews.PeriodIndex> index(
      PageBuilder builder, String overview, DatePages pages, boolean withMonths) {
    Localizer l = builder.localizer();
    List<PageViews.PeriodIndex> out = new ArrayList<>();
    for (DatePages.Period year : pages.years()) {
      String yearUrl = Routes.period(overview, year);
      List<Counted> months = new ArrayList<>();
      if (withMonths && year.split()) {
        for (DatePages.Period m : year.months()) {
          months.add(
              builder.counted(
                  builder.link(
                      Routes.period(overview, m), l.dates().monthHeading(m.year(), m.month())),
                  monthId(m.year(), m.month()),
                  m.total()));
        }
      } else if (withMonths) {
        for (Archive.YearGroup g : Archive.group(year.engagements())) {
          for (Archive.MonthGroup m : g.months()) {
            if (m.month() > 0) {
              String id = monthId(m.year(), m.month());
              months.add(
                  builder.counted(
                      builder.link(yearUrl + "#" + id, l.dates().monthHeading(m.year(), m.month())),
                      id,
                      m.engagements().size()));
            }
          }
        }
      }
      out.add(
          new PageViews.PeriodIndex(
              builder.counted(
                  builder.link(yearUrl, l.n(year.year())),
                  Integer.toString(year.year()),
                  year.total()),
              List.copyOf(months)));
    }
    return List.copyOf(out);
  }

  static String monthId(int year, int month) {
    return month == 0 ? "y" + year + "-unknown" : "m" + new PartialDate(year, month, 0); // m2025-04
  }
}
