package org.briefing.render;

import java.util.ArrayList;
import java.util.List;
import org.briefing.graphics.GraphicViews.Link;
import org.briefing.i18n.Localizer;
import org.briefing.i18n.Strings;
import org.briefing.model.Lang;
import org.briefing.model.SiteConfig;
import org.briefing.render.PageViews.Alternate;
import org.briefing.render.PageViews.NavItem;
import org.briefing.render.PageViews.PageContext;

/**
 * What every page of one language carries besides its content: its titles, the navigation, the link
 * to its counterpart, its alternates, feeds and sharing metadata.
 */
final class PageContexts {

  private final SiteConfig config;
  private final Lang lang;
  private final Localizer l;
  private final Strings strings;

  PageContexts(SiteConfig config, Lang lang, Localizer l, Strings strings) {
    this.config = config;
    this.lang = lang;
    this.l = l;
    this.strings = strings;
  }

  PageContext of(String path, String title, String section, String counterpart) {
    return of(path, title, section, counterpart, config.tagline().get(lang), true, List.of());
  }

  /**
   * @param counterpartIsSamePage the counterpart is this page in the other language (not its home,
   *     as for a record whose translation is pending)
   * @param extraFeeds feeds besides the language's own, such as a country's
   */
  PageContext of(
      String path,
      String title,
      String section,
      String counterpart,
      String description,
      boolean counterpartIsSamePage,
      List<Link> extraFeeds) {
    Lang other = lang.other();
    Link switchLink =
        new Link(counterpart, strings.get(other, "language_name"), other.code(), other.dir());
    List<Alternate> alternates = new ArrayList<>();
    alternates.add(new Alternate(lang.code(), Routes.absolute(config.baseUrl(), path)));
    if (counterpartIsSamePage) {
      alternates.add(new Alternate(other.code(), Routes.absolute(config.baseUrl(), counterpart)));
    }
    alternates.sort(java.util.Comparator.comparing(Alternate::hreflang));
    String siteTitle = config.title().get(lang);
    String fullTitle = title.equals(siteTitle) ? siteTitle : title + " · " + siteTitle;
    List<NavItem> nav =
        List.of(
            navItem(Routes.home(lang), "home", path, section),
            navItem(Routes.timeline(lang), "timeline", path, section),
            navItem(Routes.countries(lang), "countries", path, section),
            navItem(Routes.actors(lang), "actors", path, section),
            navItem(Routes.search(lang), "search", path, section));
    return new PageContext(
        l,
        lang.code(),
        lang.dir(),
        Routes.rootOf(path),
        path,
        fullTitle,
        description,
        siteTitle,
        config.tagline().get(lang),
        nav,
        Routes.absolute(config.baseUrl(), path),
        switchLink,
        List.copyOf(alternates),
        feeds(extraFeeds),
        path.contains("/engagements/") ? "article" : "website",
        ogLocale(lang),
        ogLocale(other),
        Routes.stylesheet(),
        List.of());
  }

  private List<Link> feeds(List<Link> extra) {
    List<Link> feeds = new ArrayList<>();
    feeds.add(new Link(Routes.feed(lang), config.title().get(lang), lang.code(), lang.dir()));
    feeds.addAll(extra);
    return List.copyOf(feeds);
  }

  /** Open Graph's locale form: language and territory with an underscore. */
  private static String ogLocale(Lang lang) {
    return lang == Lang.AR ? "ar_AR" : "en_US";
  }

  private NavItem navItem(String url, String section, String currentPath, String currentSection) {
    return new NavItem(
        new Link(url, l.t(section), lang.code(), lang.dir()),
        url.equals(currentPath),
        !url.equals(currentPath) && section.equals(currentSection));
  }
}
