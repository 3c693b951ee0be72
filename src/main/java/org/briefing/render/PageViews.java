package org.briefing.render;

import java.util.List;
import org.briefing.graphics.GraphicViews.BarChart;
import org.briefing.graphics.GraphicViews.ColumnChart;
import org.briefing.graphics.GraphicViews.Counted;
import org.briefing.graphics.GraphicViews.Link;
import org.briefing.graphics.GraphicViews.MapView;
import org.briefing.i18n.Localizer;

/**
 * What each kind of page shows, as plain values ready to print. Templates receive one of these
 * records and only present it: every text is already in the page's language and digits, every link
 * is a path from the site's root (templates put {@code ctx.root} before it).
 */
public final class PageViews {

  private PageViews() {}

  /** What every page has: its language, where it is, and its counterpart in the other language. */
  public record PageContext(
      Localizer l,
      String lang,
      String dir,
      String root,
      String path,
      String title,
      String description,
      String siteTitle,
      String tagline,
      List<NavItem> nav,
      String canonical,
      Link counterpart,
      List<Alternate> alternates,
      List<Link> feeds,
      String ogType,
      String ogLocale,
      String ogLocaleAlternate,
      String stylesheet,
      List<String> scripts) {

    /** This context with the page's scripts (paths from the root, loaded deferred, in order). */
    public PageContext withScripts(List<String> pageScripts) {
      return new PageContext(
          l,
          lang,
          dir,
          root,
          path,
          title,
          description,
          siteTitle,
          tagline,
          nav,
          canonical,
          counterpart,
          alternates,
          feeds,
          ogType,
          ogLocale,
          ogLocaleAlternate,
          stylesheet,
          List.copyOf(pageScripts));
    }
  }

  /**
   * An entry of the main navigation: {@code current} on its own page, {@code inSection} below it.
   */
  public record NavItem(Link link, boolean current, boolean inSection) {}

  /** An {@code hreflang} alternate in the page head: absolute address and language. */
  public record Alternate(String hreflang, String href) {}

  /**
   * One record as lists show it. {@code pending} means the record is not yet written in the page's
   * language: the title and summary are the other language's, marked as such, and the link goes to
   * that language's page. {@code countryCodes} (lowercase, space-separated), {@code typeKey} and
   * {@code year} are for the timeline's filters.
   */
  public record Card(
      String id,
      String url,
      String title,
      String summary,
      String textLang,
      String textDir,
      boolean pending,
      String date,
      String iso,
      String hijri,
      Link type,
      List<Link> countries,
      String status,
      String statusLabel,
      String countryCodes,
      String typeKey,
      String year) {}

  /** A month of a list; {@code brief} is the month's brief, null for records known to the year. */
  public record MonthView(String id, String heading, List<Card> cards, String brief) {}

  public record YearView(String id, String heading, String countText, List<MonthView> months) {}

  /**
   * A source; {@code publisher} is named in the page's language, {@code publisherUrl} may be null.
   */
  public record SourceView(
      String publisher,
      String title,
      String url,
      String date,
      String lang,
      String dir,
      String publisherUrl) {}

  public record CorrectionView(String date, String iso, String text) {}

  public record LandingSide(
      String lang,
      String dir,
      String title,
      String tagline,
      String intro,
      Link enter,
      Link timeline,
      Link countries,
      String countText) {}

  public record LandingPage(
      String title,
      String stylesheet,
      List<LandingSide> sides,
      List<Alternate> alternates,
      String canonical) {}

  /**
   * A record's former address in one language: {@code target} is the record's page relative to this
   * one, {@code canonical} its absolute address; {@code counterpart} is the same former address in
   * the other language, and {@code alternates} the record's pages.
   */
  public record AliasPage(
      String lang,
      String dir,
      String title,
      String heading,
      String text,
      String target,
      String targetLang,
      String targetDir,
      String recordTitle,
      String canonical,
      String stylesheet,
      Link counterpart,
      List<Alternate> alternates) {}

  /** The page hosts serve for a missing address: both languages, every link absolute. */
  public record NotFoundPage(String title, String stylesheet, List<LandingSide> sides) {}

  public record HomePage(
      PageContext ctx,
      String countText,
      List<Card> latest,
      List<Counted> types,
      List<Counted> countries,
      Link timeline,
      Link allCountries,
      ColumnChart monthChart,
      BarChart typeChart,
      Link search,
      Link briefs) {}

  /**
   * The timeline's overview: {@code periods} are its years and months with counts, linking to their
   * pages; {@code years} are the latest records, grouped as on those pages.
   */
  public record TimelinePage(
      PageContext ctx,
      String countText,
      List<YearView> years,
      TimelineFilters filters,
      List<PeriodIndex> periods,
      BarChart chart) {}

  /** A year of a list's overview, linking to its page, with its months when it has month pages. */
  public record PeriodIndex(Counted year, List<Counted> months) {}

  /**
   * One period of a list paged by date (DESIGN §3): a year, or a month of a year too large for one
   * page. {@code overview} is the list's own page; {@code older}/{@code newer} are the neighbouring
   * periods (null at the ends); {@code months} are a split year's month pages; {@code years} the
   * records this page shows.
   */
  public record PeriodPage(
      PageContext ctx,
      String heading,
      String countText,
      Link overview,
      Link older,
      Link newer,
      List<Counted> months,
      List<YearView> years) {}

  /**
   * The filters of search, on the search page and the timeline's overview, whose form opens {@code
   * search} with them (they are facets of the search index).
   */
  public record TimelineFilters(
      List<Option> countries,
      List<Option> types,
      List<Option> years,
      List<Option> statuses,
      Link search) {}

  /** A choice of a select element: the value in the address, the text readers see. */
  public record Option(String value, String text) {}

  /**
   * The search page: the form and the place for results, which {@code assets/search.js} fills from
   * the language's records; {@code timeline} is where readers without JavaScript go.
   */
  public record SearchPage(
      PageContext ctx, Link timeline, String scriptText, TimelineFilters filters) {}

  public record CountriesPage(PageContext ctx, List<Counted> countries, MapView map) {}

  /** {@code years} are the latest records; {@code periods} link to the pages of every year. */
  public record CountryPage(
      PageContext ctx,
      String name,
      String code,
      String countText,
      List<YearView> years,
      List<Counted> partners,
      BarChart chart,
      MapView map,
      List<PeriodIndex> periods) {}

  /** The actors index: groups by country, then kind. */
  public record ActorsPage(PageContext ctx, String countText, List<ActorGroupView> groups) {}

  public record ActorGroupView(
      String id, String heading, String kind, String countText, List<ActorItem> actors) {}

  /** An actor in a list: its name in the page's language, and in the other as written there. */
  public record ActorItem(Link link, Link otherName, String countText) {}

  /**
   * One actor: {@code name} in the page's language and {@code otherName} in the other (with its
   * language and direction), roles newest first, records grouped by year and month.
   */
  public record ActorPage(
      PageContext ctx,
      String name,
      Link otherName,
      String kind,
      Link country,
      List<RoleView> roles,
      String countText,
      List<PeriodIndex> periods,
      List<YearView> years,
      List<Counted> countries,
      List<Counted> actors) {}

  public record RoleView(String title, String dates) {}

  public record PairPage(
      PageContext ctx,
      Link first,
      Link second,
      String countText,
      List<YearView> years,
      List<PeriodIndex> periods) {}

  public record TypePage(
      PageContext ctx,
      String label,
      String countText,
      List<YearView> years,
      List<PeriodIndex> periods) {}

  public record EngagementPage(
      PageContext ctx,
      Card card,
      String dateText,
      String hijri,
      String statusExplanation,
      List<Link> actors,
      List<String> topics,
      String bodyHtml,
      List<SourceView> sources,
      List<Card> related,
      Card previous,
      Card next,
      List<CorrectionView> corrections,
      String lastCorrected) {}
}
