package org.briefing.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.briefing.archive.Archive;
import org.briefing.graphics.GraphicViews;
import org.briefing.i18n.Localizer;
import org.briefing.i18n.Strings;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Translation;

/**
 * The pages at a record's former addresses (its {@code aliases}), one per language, each sending
 * readers on to the record's page in that language, or in the language it is written in while the
 * translation is pending. They are not in the sitemap, feeds, search or exports: they are only
 * there for links made before the record moved.
 */
public final class AliasPages {

  /** Where an alias page goes and what it shows. */
  record Planned(String path, Supplier<PageViews.AliasPage> view) {}

  private final Archive archive;
  private final Strings strings;

  AliasPages(Archive archive, Strings strings) {
    this.archive = archive;
    this.strings = strings;
  }

  /** Every published record's alias pages, in record then alias then language order. */
  List<Planned> plan() {
    List<Planned> out = new ArrayList<>();
    for (Engagement e : archive.engagements()) {
      for (String alias : e.aliases()) {
        for (Lang lang : Lang.values()) {
          out.add(new Planned(Routes.engagement(lang, alias), () -> view(e, alias, lang)));
        }
      }
    }
    return out;
  }

  /** The paths of {@code e}'s alias pages. */
  public static List<String> paths(Engagement e) {
    List<String> out = new ArrayList<>();
    for (String alias : e.aliases()) {
      for (Lang lang : Lang.values()) {
        out.add(Routes.engagement(lang, alias));
      }
    }
    return out;
  }

  private PageViews.AliasPage view(Engagement e, String alias, Lang lang) {
    String path = Routes.engagement(lang, alias);
    Translation text = e.textFor(lang);
    Lang to = text.lang();
    String target = Routes.rootOf(path) + Routes.engagement(to, e.id());
    Localizer l = new Localizer(lang, strings, archive.site().config().arabicIndicDigits());
    String title =
        strings.get(lang, "alias_heading") + " · " + archive.site().config().title().get(lang);
    return new PageViews.AliasPage(
        lang.code(),
        lang.dir(),
        title,
        l.t("alias_heading"),
        l.t("alias_text"),
        target,
        to.code(),
        to.dir(),
        l.text(text.title()),
        Routes.absolute(archive.site().config().baseUrl(), Routes.engagement(to, e.id())),
        Routes.rootOf(path) + Routes.stylesheet(),
        counterpart(alias, lang),
        alternates(e));
  }

  private GraphicViews.Link counterpart(String alias, Lang lang) {
    Lang other = lang.other();
    String path = Routes.engagement(lang, alias);
    return new GraphicViews.Link(
        Routes.rootOf(path) + Routes.engagement(other, alias),
        strings.get(other, "language_name"),
        other.code(),
        other.dir());
  }

  /** The record's pages in the languages it is written in, as search engines should know it. */
  private List<PageViews.Alternate> alternates(Engagement e) {
    List<PageViews.Alternate> out = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      if (e.hasTranslation(lang)) {
        out.add(
            new PageViews.Alternate(
                lang.code(),
                Routes.absolute(
                    archive.site().config().baseUrl(), Routes.engagement(lang, e.id()))));
      }
    }
    out.sort(java.util.Comparator.comparing(PageViews.Alternate::hreflang));
    return out;
  }
}
