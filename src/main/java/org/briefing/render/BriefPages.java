package org.briefing.render;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.briefing.archive.MonthlyBriefs;
import org.briefing.graphics.GraphicViews.Counted;
import org.briefing.graphics.GraphicViews.Link;
import org.briefing.i18n.Collation;
import org.briefing.i18n.Localizer;
import org.briefing.i18n.Strings;
import org.briefing.markdown.MarkdownRenderer;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Translation;
import org.briefing.render.PageViews.Card;
import org.briefing.render.PageViews.PageContext;

/**
 * The monthly briefs of one language: their index, newest month first, and one page per month with
 * records (see {@link MonthlyBriefs}), with the editors' introduction when they wrote one.
 */
public final class BriefPages {

  /** The index: each month with its count; {@code yearOnly} says which records are in none. */
  public record BriefsIndex(
      PageContext ctx,
      String intro,
      List<Counted> months,
      String yearOnly,
      Link feed,
      List<CorrectionMonth> otherCorrections) {}

  /** The corrections made in a month without records, which has no brief of its own. */
  public record CorrectionMonth(String id, String heading, List<CorrectionItem> corrections) {}

  /**
   * One month's brief. {@code introTitle} and {@code introHtml} are the editors' introduction (its
   * heading, and its safe HTML from the Markdown renderer) or null; {@code older}/{@code newer} are
   * the neighbouring months with records, null at the ends.
   */
  public record BriefPage(
      PageContext ctx,
      String heading,
      String countText,
      Link index,
      Link older,
      Link newer,
      String introTitle,
      String introHtml,
      String numbersCaption,
      String monthLabel,
      String previousLabel,
      List<Figure> figures,
      List<Group> groups,
      List<CorrectionItem> corrections) {}

  /**
   * A line of the month in numbers: this month's figure, the month before's, and the change; {@code
   * signed} when the change is a signed number, which reads left to right in both languages.
   */
  public record Figure(
      String label, String value, String previous, String change, boolean signed) {}

  /** Records involving the same countries: a pair, one country, or three or more. */
  public record Group(String id, List<Link> countries, String countText, List<Card> cards) {}

  /** A correction made in the month, with the record it corrects. */
  public record CorrectionItem(Link record, String date, String iso, String text) {}

  private final PageBuilder pages;
  private final Lang lang;
  private final Localizer l;
  private final MonthlyBriefs briefs;
  private final PageContexts contexts;
  private final MarkdownRenderer markdown;
  private final Map<String, Map<Lang, Translation>> intros;
  private final Collation collation;

  BriefPages(PageBuilder pages, Strings strings, MarkdownRenderer markdown) {
    this.pages = pages;
    this.lang = pages.lang();
    this.l = pages.localizer();
    this.briefs = pages.archive().briefs();
    this.contexts = new PageContexts(pages.archive().site().config(), lang, l, strings);
    this.markdown = markdown;
    this.intros = pages.archive().site().briefIntros();
    this.collation = Collation.of(lang);
  }

  BriefsIndex index() {
    List<Counted> months = new ArrayList<>();
    for (MonthlyBriefs.Month m : briefs.months()) {
      months.add(
          pages.counted(
              pages.link(Routes.brief(lang, m.key()), monthName(m.month())),
              m.key(),
              m.engagements().size()));
    }
    String yearOnly =
        briefs.yearOnly() == 0
            ? null
            : l.t("briefs_year_only").replace("{n}", l.n(briefs.yearOnly()));
    return new BriefsIndex(
        context(
            Routes.briefs(lang), l.t("briefs"), Routes.briefs(lang.other()), l.t("briefs_intro")),
        l.t("briefs_intro"),
        List.copyOf(months),
        yearOnly,
        feed(),
        otherCorrections());
  }

  private List<CorrectionMonth> otherCorrections() {
    List<CorrectionMonth> out = new ArrayList<>();
    briefs
        .correctionsWithoutBrief()
        .forEach(
            (ym, made) ->
                out.add(
                    new CorrectionMonth(
                        "c" + MonthlyBriefs.key(ym),
                        monthName(ym),
                        made.stream().map(this::correction).toList())));
    return List.copyOf(out);
  }

  private CorrectionItem correction(MonthlyBriefs.Corrected c) {
    Card card = pages.card(c.engagement());
    return new CorrectionItem(
        new Link(card.url(), card.title(), card.textLang(), card.textDir()),
        l.dates().format(c.correction().date()),
        c.correction().date().toString(),
        l.text(c.correction().text().get(lang)));
  }

  BriefPage brief(MonthlyBriefs.Month m) {
    YearMonth ym = m.month();
    String name = monthName(ym);
    String previousName = monthName(ym.minusMonths(1));
    String heading = l.t("brief_title").replace("{month}", name);
    MonthlyBriefs.Figures now = m.figures();
    MonthlyBriefs.Figures before = briefs.figuresOf(ym.minusMonths(1));
    List<Figure> figures =
        List.of(
            figure("brief_row_engagements", now.engagements(), before.engagements()),
            figure("brief_row_countries", now.countries(), before.countries()),
            figure("brief_row_types", now.types(), before.types()));
    List<Group> groups = new ArrayList<>();
    for (List<Engagement> group : MonthlyBriefs.byCountries(m.engagements())) {
      List<Country> countries = group.get(0).countries();
      List<Link> links =
          countries.stream()
              .map(c -> pages.link(Routes.country(lang, c), c.name()))
              .sorted(collation.by(Link::text))
              .toList();
      String id = "g-" + String.join("-", countries.stream().map(Country::slug).sorted().toList());
      groups.add(
          new Group(
              id, links, pages.count(group.size()), group.stream().map(pages::card).toList()));
    }
    List<CorrectionItem> corrections = m.corrections().stream().map(this::correction).toList();
    Translation intro = intros.getOrDefault(m.key(), Map.of()).get(lang);
    String summary = pages.count(m.engagements().size());
    return new BriefPage(
        context(
            Routes.brief(lang, m.key()),
            heading,
            Routes.brief(lang.other(), m.key()),
            heading + " · " + summary),
        heading,
        summary,
        pages.link(Routes.briefs(lang), l.t("briefs")),
        briefs.older(ym).map(o -> neighbour(o)).orElse(null),
        briefs.newer(ym).map(n -> neighbour(n)).orElse(null),
        intro == null
            ? null
            : intro.title().isEmpty() ? l.t("brief_editors") : l.text(intro.title()),
        intro == null ? null : markdown.render(intro.body().text(), l::text),
        l.t("brief_numbers_caption").replace("{month}", name).replace("{previous}", previousName),
        name,
        previousName,
        figures,
        List.copyOf(groups),
        List.copyOf(corrections));
  }

  private Link neighbour(MonthlyBriefs.Month m) {
    return pages.link(Routes.brief(lang, m.key()), monthName(m.month()));
  }

  private Figure figure(String key, int now, int before) {
    int change = now - before;
    String changeText =
        change == 0
            ? l.t("brief_no_change")
            : (change > 0 ? "+" : "\u2212") + l.n(Math.abs(change));
    return new Figure(l.t(key), l.n(now), l.n(before), changeText, change != 0);
  }

  private String monthName(YearMonth ym) {
    return l.dates().monthHeading(ym.getYear(), ym.getMonthValue());
  }

  private Link feed() {
    return pages.link(Routes.briefsFeed(lang), l.t("briefs_feed"));
  }

  private PageContext context(String path, String title, String counterpart, String description) {
    return contexts.of(path, title, "briefs", counterpart, description, true, List.of(feed()));
  }
}
