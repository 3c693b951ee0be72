package org.briefing.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefing.archive.Archive;
import org.briefing.archive.DatePages;
import org.briefing.graphics.Charts;
import org.briefing.graphics.GraphicViews.Counted;
import org.briefing.graphics.GraphicViews.Link;
import org.briefing.graphics.WorldMap;
import org.briefing.i18n.Collation;
import org.briefing.i18n.Localizer;
import org.briefing.i18n.Strings;
import org.briefing.markdown.MarkdownRenderer;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.PartialDate;
import org.briefing.model.SiteConfig;
import org.briefing.model.Source;
import org.briefing.model.Term;
import org.briefing.model.Translation;
import org.briefing.render.PageViews.Card;
import org.briefing.render.PageViews.CorrectionView;
import org.briefing.render.PageViews.MonthView;
import org.briefing.render.PageViews.PageContext;
import org.briefing.render.PageViews.SourceView;
import org.briefing.render.PageViews.YearView;

/**
 * Builds the view of every page of one language from the {@link Archive}. Cards are made once per
 * record and shared by every list that shows it. Thread-safe: pages may be built in parallel.
 */
final class PageBuilder {

  /** How many records the home page shows. */
  static final int LATEST = 8;

  /** How many of the newest records a list's overview shows before its pages by date. */
  static final int OVERVIEW_LATEST = 20;

  private final Archive archive;
  private final SiteConfig config;
  private final Lang lang;
  private final Localizer l;
  private final MarkdownRenderer markdown;
  private final Strings strings;
  private final RenderCache cache;
  private final Pages.SearchTerms searchTerms;
  private final String cardKind;
  private final Charts charts;
  private final Collation collation;
  private final PageContexts contexts;

  PageBuilder(
      Archive archive,
      Lang lang,
      Strings strings,
      MarkdownRenderer markdown,
      RenderCache cache,
      Pages.SearchTerms searchTerms) {
    this.archive = archive;
    this.config = archive.site().config();
    this.lang = lang;
    this.l = new Localizer(lang, strings, config.arabicIndicDigits());
    this.markdown = markdown;
    this.strings = strings;
    this.charts = new Charts(l);
    this.cache = cache;
    this.searchTerms = searchTerms;
    this.cardKind = "card-" + lang.code();
    this.collation = Collation.of(lang);
    this.contexts = new PageContexts(config, lang, l, strings);
  }

  Lang lang() {
    return lang;
  }

  Localizer localizer() {
    return l;
  }

  Archive archive() {
    return archive;
  }

  // ---- pages -------------------------------------------------------------------------------

  PageViews.HomePage home() {
    String path = Routes.home(lang);
    List<Card> latest = archive.engagements().stream().limit(LATEST).map(this::card).toList();
    List<Counted> types = new ArrayList<>();
    archive
        .byType()
        .forEach(
            (type, list) -> {
              if (!list.isEmpty()) {
                types.add(
                    counted(link(Routes.type(lang, type), type.plural()), type.key(), list.size()));
              }
            });
    types.sort(collation.by(c -> c.link().text()));
    return new PageViews.HomePage(
        context(path, config.title().get(lang), "home", Routes.home(lang.other())),
        count(archive.engagements().size()),
        latest,
        types,
        countryCounts(),
        link(Routes.timeline(lang), l.t("timeline")),
        link(Routes.countries(lang), l.t("all_countries")),
        charts.months(l.t("chart_by_month"), archive.engagements()),
        charts.bars(l.t("chart_by_type"), types),
        link(Routes.search(lang), l.t("search")),
        link(Routes.briefs(lang), l.t("briefs")));
  }

  PageViews.TimelinePage timeline() {
    DatePages pages = archive.timelinePages();
    List<PageViews.PeriodIndex> periods =
        PeriodPages.index(this, Routes.timeline(lang), pages, true);
    return new PageViews.TimelinePage(
        context(Routes.timeline(lang), l.t("timeline"), "timeline", Routes.timeline(lang.other())),
        count(archive.engagements().size()),
        years(pages.latest(OVERVIEW_LATEST)),
        SearchFilters.of(archive, lang, l, collation),
        periods,
        charts.bars(
            l.t("chart_by_year"), periods.stream().map(PageViews.PeriodIndex::year).toList()));
  }

  /** The search page; its results come from the search records, found in the browser. */
  PageViews.SearchPage search() {
    PageContext ctx =
        context(Routes.search(lang), l.t("search"), "search", Routes.search(lang.other()))
            .withScripts(
                List.of(Routes.searchAnalysis(), Routes.searchIndex(lang), Routes.searchScript()));
    return new PageViews.SearchPage(
        ctx,
        link(Routes.timeline(lang), l.t("search_browse_timeline")),
        ScriptText.of(
            lang,
            strings,
            l,
            Map.of(
                "none",
                "search_no_results",
                "pending",
                "translation_pending",
                "separator",
                "list_separator")),
        SearchFilters.of(archive, lang, l, collation));
  }

  PageViews.CountriesPage countries() {
    List<Counted> counts = countryCounts();
    return new PageViews.CountriesPage(
        contexts.of(
            Routes.countries(lang), l.t("countries"), "countries", Routes.countries(lang.other())),
        counts,
        new WorldMap(lang).draw(l.t("map_title"), l.t("map_description"), counts, null));
  }

  PageViews.CountryPage country(Country country) {
    String name = country.name().get(lang);
    List<Engagement> list = archive.engagementsOf(country);
    List<Counted> partners = new ArrayList<>();
    for (Archive.Partner p : archive.partnersOf(country)) {
      Archive.Pair pair = archive.pair(country, p.country()).orElseThrow();
      partners.add(
          counted(
              new Link(
                  Routes.pair(lang, pair), p.country().name().get(lang), lang.code(), lang.dir()),
              p.country().code(),
              p.count()));
    }
    partners.sort(
        java.util.Comparator.comparingLong(Counted::count)
            .reversed()
            .thenComparing(collation.by(c -> c.link().text())));
    PageContext ctx =
        contexts.of(
            Routes.country(lang, country),
            name,
            "countries",
            Routes.country(lang.other(), country),
            config.tagline().get(lang),
            true,
            List.of(
                new Link(
                    Routes.countryFeed(lang, country),
                    l.t("country_feed").replace("{country}", name),
                    lang.code(),
                    lang.dir())));
    DatePages pages = archive.pagesOf(country);
    return new PageViews.CountryPage(
        ctx,
        name,
        country.code(),
        count(list.size()),
        years(pages.latest(OVERVIEW_LATEST)),
        partners,
        charts.bars(l.t("partners_chart_title").replace("{country}", name), partners),
        new WorldMap(lang)
            .draw(
                l.t("partners_chart_title").replace("{country}", name),
                l.t("map_partners_description").replace("{country}", name),
                partners,
                counted(
                    link(Routes.country(lang, country), country.name()),
                    country.code(),
                    list.size())),
        PeriodPages.index(this, Routes.country(lang, country), pages, false));
  }

  PageViews.PairPage pair(Archive.Pair pair) {
    String a = pair.first().name().get(lang);
    String b = pair.second().name().get(lang);
    String title = a + " – " + b;
    return new PageViews.PairPage(
        context(Routes.pair(lang, pair), title, "countries", Routes.pair(lang.other(), pair)),
        link(Routes.country(lang, pair.first()), pair.first().name()),
        link(Routes.country(lang, pair.second()), pair.second().name()),
        count(pair.engagements().size()),
        years(archive.pagesOf(pair).latest(OVERVIEW_LATEST)),
        PeriodPages.index(this, Routes.pair(lang, pair), archive.pagesOf(pair), false));
  }

  PageViews.TypePage type(Term type, List<Engagement> list) {
    String label = type.plural().get(lang);
    return new PageViews.TypePage(
        context(Routes.type(lang, type), label, "types", Routes.type(lang.other(), type)),
        label,
        count(list.size()),
        years(archive.pagesOf(type).latest(OVERVIEW_LATEST)),
        PeriodPages.index(this, Routes.type(lang, type), archive.pagesOf(type), false));
  }

  /** The record's page in this language; empty while its translation is pending. */
  Optional<PageViews.EngagementPage> engagement(Engagement e) {
    Optional<Translation> text = e.translation(lang);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String counterpart =
        e.hasTranslation(lang.other())
            ? Routes.engagement(lang.other(), e.id())
            : Routes.home(lang.other());
    PageContext ctx =
        contexts.of(
            Routes.engagement(lang, e.id()),
            l.text(text.get().title()),
            "timeline",
            counterpart,
            l.text(text.get().summary()),
            e.hasTranslation(lang.other()),
            List.of());
    List<SourceView> sources = e.sources().stream().map(this::source).toList();
    MarkdownRenderer.Rendered body = markdown.renderWithText(text.get().body().text(), l::text);
    cache.offerTerms(lang, e, () -> searchTerms.of(e, lang, body.text()));
    List<Card> related =
        e.related().stream().map(archive::find).flatMap(Optional::stream).map(this::card).toList();
    List<CorrectionView> corrections =
        e.corrections().stream()
            .map(
                c ->
                    new CorrectionView(
                        l.dates().format(c.date()),
                        c.date().toString(),
                        l.text(c.text().get(lang))))
            .toList();
    return Optional.of(
        new PageViews.EngagementPage(
            ctx,
            card(e),
            l.dates().formatRange(e.date(), e.endDate()),
            hijri(e.date()),
            l.t("status_" + e.status().key() + "_explained"),
            e.actors().stream().map(a -> link(Routes.actor(lang, a), a.name())).toList(),
            e.topics().stream().map(t -> t.label().get(lang)).sorted(collation.names()).toList(),
            body.html(),
            sources,
            related,
            archive.previous(e).map(this::card).orElse(null),
            archive.next(e).map(this::card).orElse(null),
            corrections,
            corrections.isEmpty() ? null : corrections.get(0).date(),
            contexts.cite(e, text.get())));
  }

  // ---- parts -------------------------------------------------------------------------------

  /** The record as lists show it in this language (made once, then shared). */
  Card card(Engagement e) {
    return cache.get(
        cardKind,
        e,
        () -> {
          Translation text = e.textFor(lang);
          boolean pending = !e.hasTranslation(lang);
          List<Link> countries =
              e.countries().stream()
                  .map(c -> link(Routes.country(lang, c), c.name()))
                  .sorted(collation.by(Link::text))
                  .toList();
          // A pending translation shows the other language's text as it was written.
          String title = pending ? text.title() : l.text(text.title());
          String summary = pending ? text.summary() : l.text(text.summary());
          return new Card(
              e.id(),
              Routes.engagement(text.lang(), e.id()),
              title,
              summary,
              text.lang().code(),
              text.lang().dir(),
              pending,
              l.dates().formatRange(e.date(), e.endDate()),
              e.date().toString(),
              hijri(e.date()),
              link(Routes.type(lang, e.type()), e.type().label()),
              countries,
              e.status().key(),
              l.t("status_" + e.status().key()),
              String.join(" ", e.countries().stream().map(Country::slug).toList()),
              e.type().key(),
              Integer.toString(e.date().year()));
        });
  }

  private String hijri(PartialDate date) {
    return lang == Lang.AR ? l.dates().hijri(date).orElse(null) : null;
  }

  private SourceView source(Source s) {
    return new SourceView(
        s.publisherName().get(lang),
        s.title(),
        s.url().orElse(null),
        s.date().map(d -> l.dates().format(d)).orElse(null),
        s.language(),
        s.dir(),
        s.publisherUrl().orElse(null),
        s.archiveUrl().orElse(null));
  }

  List<YearView> years(List<Engagement> newestFirst) {
    List<YearView> years = new ArrayList<>();
    for (Archive.YearGroup year : Archive.group(newestFirst)) {
      List<MonthView> months = new ArrayList<>();
      for (Archive.MonthGroup month : year.months()) {
        String id = PeriodPages.monthId(year.year(), month.month());
        String heading =
            month.month() == 0
                ? l.t("month_unknown")
                : l.dates().monthHeading(year.year(), month.month());
        months.add(
            new MonthView(
                id,
                heading,
                month.engagements().stream().map(this::card).toList(),
                month.month() == 0 ? null : Routes.brief(lang, id.substring(1))));
      }
      years.add(new YearView("y" + year.year(), l.n(year.year()), count(year.size()), months));
    }
    return years;
  }

  /** The countries that have records, in this language's order of their names. */
  private List<Counted> countryCounts() {
    return archive.activeCountries().stream()
        .map(
            c ->
                counted(
                    link(Routes.country(lang, c), c.name()),
                    c.code(),
                    archive.engagementsOf(c).size()))
        .sorted(collation.by(c -> c.link().text()))
        .toList();
  }

  Counted counted(Link link, String code, int n) {
    return new Counted(link, code, n, count(n));
  }

  String count(int n) {
    return l.count(n, "engagements_count");
  }

  Link link(String url, Localized text) {
    return new Link(url, text.get(lang), lang.code(), lang.dir());
  }

  Link link(String url, String text) {
    return new Link(url, text, lang.code(), lang.dir());
  }

  PageContext context(String path, String title, String section, String counterpart) {
    return contexts.of(path, title, section, counterpart);
  }
}
