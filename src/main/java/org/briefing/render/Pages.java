package org.briefing.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.briefing.archive.Archive;
import org.briefing.archive.DatePages;
import org.briefing.archive.MonthlyBriefs;
import org.briefing.files.OutputSink;
import org.briefing.files.PlannedFile;
import org.briefing.files.RecordTerms;
import org.briefing.graphics.GraphicViews;
import org.briefing.i18n.Localizer;
import org.briefing.i18n.Strings;
import org.briefing.markdown.MarkdownRenderer;
import org.briefing.model.Actor;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.render.PageViews.Card;

/**
 * The pages of the site in both languages, and its static assets, each planned as a {@link
 * PlannedFile} that builds its view and renders it through the templates when it is written.
 * Thread-safe: planned pages may be written in parallel.
 */
public final class Pages {

  /** Served by hosts for any missing address, so its links are absolute. */
  static final String NOT_FOUND = "404.html";

  private final Path templates;
  private final TemplateEngine engine;
  private final Strings strings;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final RenderCache cache;
  private final SearchTerms searchTerms;

  /** How the search index makes a record's terms from the words of its body. */
  public interface SearchTerms {
    RecordTerms.Terms of(Engagement e, Lang lang, String bodyText);
  }

  /**
   * @param templates the templates folder, read
   * @param cache what earlier renders made of records that have not changed since
   * @param searchTerms how the search index reads a body's words: a record's page, which parses the
   *     body anyway, hands the index its terms through {@code cache}
   */
  public Pages(TemplateSet templates, RenderCache cache, SearchTerms searchTerms) {
    this.templates = templates.folder();
    this.engine = templates.engine();
    this.strings = templates.strings();
    this.cache = cache;
    this.searchTerms = searchTerms;
  }

  /** The interface's words, read from the templates folder. */
  public Strings strings() {
    return strings;
  }

  /** The pages of {@code archive} in {@code lang}. */
  public InLanguage in(Archive archive, Lang lang) {
    return new InLanguage(
        archive, new PageBuilder(archive, lang, strings, markdown, cache, searchTerms));
  }

  /** The pages of one language, and its records as its lists show them. */
  public final class InLanguage {

    private final Archive archive;
    private final PageBuilder builder;

    private InLanguage(Archive archive, PageBuilder builder) {
      this.archive = archive;
      this.builder = builder;
    }

    /** The timeline: every record, the language's largest page. */
    public PlannedFile timeline() {
      return page(Routes.timeline(builder.lang()), "timeline.ftlh", builder::timeline);
    }

    /**
     * Every other page: home, countries, search, and each type, country, pair, actor and record.
     */
    public List<PlannedFile> pages() {
      Lang lang = builder.lang();
      List<PlannedFile> pages = new ArrayList<>();
      PeriodPages periods = new PeriodPages(builder);
      for (DatePages.Period p : archive.timelinePages().periods()) {
        pages.add(
            page(
                Routes.period(Routes.timeline(lang), p), "period.ftlh", () -> periods.timeline(p)));
      }
      pages.add(page(Routes.home(lang), "home.ftlh", builder::home));
      pages.add(page(Routes.countries(lang), "countries.ftlh", builder::countries));
      pages.add(page(Routes.search(lang), "search.ftlh", builder::search));
      archive
          .byType()
          .forEach(
              (type, list) -> {
                if (!list.isEmpty()) {
                  pages.addAll(
                      list(
                          Routes.type(lang, type),
                          "type.ftlh",
                          () -> builder.type(type, list),
                          archive.pagesOf(type),
                          p -> periods.type(type, p)));
                }
              });
      for (Country country : archive.activeCountries()) {
        pages.addAll(
            list(
                Routes.country(lang, country),
                "country.ftlh",
                () -> builder.country(country),
                archive.pagesOf(country),
                p -> periods.country(country, p)));
      }
      for (Archive.Pair pair : archive.pairs()) {
        pages.addAll(
            list(
                Routes.pair(lang, pair),
                "pair.ftlh",
                () -> builder.pair(pair),
                archive.pagesOf(pair),
                p -> periods.pair(pair, p)));
      }
      BriefPages briefs = new BriefPages(builder, strings, markdown);
      pages.add(page(Routes.briefs(lang), "briefs.ftlh", briefs::index));
      for (MonthlyBriefs.Month m : archive.briefs().months()) {
        pages.add(page(Routes.brief(lang, m.key()), "brief.ftlh", () -> briefs.brief(m)));
      }
      ActorPages actors = new ActorPages(archive, builder);
      pages.add(page(Routes.actors(lang), "actors.ftlh", actors::index));
      for (Actor actor : archive.actors().active()) {
        pages.addAll(
            list(
                Routes.actor(lang, actor),
                "actor.ftlh",
                () -> actors.actor(actor),
                archive.pagesOf(actor),
                p -> periods.actor(actor, p)));
      }
      for (Engagement e : archive.engagements()) {
        if (e.hasTranslation(lang)) {
          pages.add(
              page(
                  Routes.engagement(lang, e.id()),
                  "engagement.ftlh",
                  () -> builder.engagement(e).orElseThrow()));
        }
      }
      return pages;
    }

    /** The record as this language's lists show it (made once, then shared). */
    public Card card(Engagement e) {
      return builder.card(e);
    }
  }

  /** The bilingual landing page at the site's root. */
  public PlannedFile landing(Archive archive) {
    return page(Routes.landing(), "landing.ftlh", () -> landingView(archive));
  }

  /** The bilingual page hosts serve for any missing address. */
  public PlannedFile notFound(Archive archive) {
    return page(NOT_FOUND, "404.ftlh", () -> notFoundView(archive));
  }

  /** The pages at records' former addresses: they send readers on and are listed nowhere. */
  public List<PlannedFile> aliases(Archive archive) {
    List<PlannedFile> out = new ArrayList<>();
    for (AliasPages.Planned alias : new AliasPages(archive, strings).plan()) {
      out.add(page(alias.path(), "alias.ftlh", alias.view()::get));
    }
    return out;
  }

  /** A list's overview at {@code overview}, then a page for each period it continues in. */
  private List<PlannedFile> list(
      String overview,
      String template,
      Supplier<Object> view,
      DatePages periods,
      Function<DatePages.Period, Object> period) {
    List<PlannedFile> out = new ArrayList<>();
    out.add(page(overview, template, view));
    for (DatePages.Period p : periods.periods()) {
      out.add(page(Routes.period(overview, p), "period.ftlh", () -> period.apply(p)));
    }
    return out;
  }

  /** A page rendered by {@code template} from the view {@code view} makes when it is written. */
  private PlannedFile page(String path, String template, Supplier<Object> view) {
    return new PlannedFile(
        path,
        out -> {
          try (Writer writer = OutputSink.utf8(out)) {
            engine.render(template, view.get(), writer);
          }
        },
        Optional.of(template));
  }

  private PageViews.LandingPage landingView(Archive archive) {
    List<PageViews.LandingSide> sides = new ArrayList<>();
    List<PageViews.Alternate> alternates = new ArrayList<>();
    String base = archive.site().config().baseUrl();
    // English first: on this left-to-right page it stands on the left, Arabic on the right.
    for (Lang lang : List.of(Lang.EN, Lang.AR)) {
      Localizer l = new Localizer(lang, strings, archive.site().config().arabicIndicDigits());
      sides.add(
          new PageViews.LandingSide(
              lang.code(),
              lang.dir(),
              archive.site().config().title().get(lang),
              archive.site().config().tagline().get(lang),
              l.t("landing_intro"),
              new GraphicViews.Link(Routes.home(lang), l.t("enter"), lang.code(), lang.dir()),
              new GraphicViews.Link(
                  Routes.timeline(lang), l.t("timeline"), lang.code(), lang.dir()),
              new GraphicViews.Link(
                  Routes.countries(lang), l.t("countries"), lang.code(), lang.dir()),
              l.count(archive.engagements().size(), "engagements_count")));
      alternates.add(
          new PageViews.Alternate(lang.code(), Routes.absolute(base, Routes.home(lang))));
    }
    String title =
        archive.site().config().title().en() + " · " + archive.site().config().title().ar();
    return new PageViews.LandingPage(title, Routes.stylesheet(), sides, alternates, base);
  }

  private PageViews.NotFoundPage notFoundView(Archive archive) {
    String base = archive.site().config().baseUrl();
    List<PageViews.LandingSide> sides = new ArrayList<>();
    for (Lang lang : List.of(Lang.EN, Lang.AR)) {
      Localizer l = new Localizer(lang, strings, archive.site().config().arabicIndicDigits());
      sides.add(
          new PageViews.LandingSide(
              lang.code(),
              lang.dir(),
              l.t("not_found_title"),
              archive.site().config().title().get(lang),
              l.t("not_found_text"),
              new GraphicViews.Link(base + Routes.home(lang), l.t("home"), lang.code(), lang.dir()),
              new GraphicViews.Link(
                  base + Routes.timeline(lang), l.t("timeline"), lang.code(), lang.dir()),
              new GraphicViews.Link(
                  base + Routes.countries(lang), l.t("countries"), lang.code(), lang.dir()),
              ""));
    }
    String title =
        strings.get(Lang.EN, "not_found_title") + " · " + strings.get(Lang.AR, "not_found_title");
    return new PageViews.NotFoundPage(title, base + Routes.stylesheet(), sides);
  }

  /** Everything under {@code templates/assets/}, copied as it is. */
  public List<PlannedFile> assets() {
    Path dir = templates.resolve("assets");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .sorted()
          .map(
              file -> {
                String rel = templates.relativize(file).toString().replace('\\', '/');
                return new PlannedFile(rel, out -> Files.copy(file, out), Optional.of(rel));
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
