package org.briefing.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.briefing.model.Archive;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;

/**
 * Renders the whole site to {@link OutputFile}s in memory: every page in both languages, the
 * bilingual landing page and the static assets. Writes nothing; the publish stage does.
 *
 * <p>Pages are independent, so they render in parallel; the result is sorted by path, so the
 * output is the same whatever the scheduling.
 */
public final class SiteRenderer {

  private final Path templates;
  private final TemplateEngine engine;
  private final Strings strings;
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  public SiteRenderer(Path templates) {
    this.templates = templates;
    this.engine = new TemplateEngine(templates.toFile());
    this.strings = Strings.load(templates.resolve("strings.yaml"));
  }

  public List<OutputFile> render(Archive archive) {
    List<Job> jobs = new ArrayList<>();
    List<OutputFile> searchFiles = new ArrayList<>(List.of(SearchIndex.engine()));
    SearchIndex searchIndex = new SearchIndex(archive, new PlainText());
    jobs.add(new Job(Routes.landing(), "landing.ftlh", () -> landing(archive)));
    for (Lang lang : Lang.values()) {
      PageBuilder pages = new PageBuilder(archive, lang, strings, markdown);
      jobs.add(new Job(Routes.home(lang), "home.ftlh", pages::home));
      jobs.add(new Job(Routes.timeline(lang), "timeline.ftlh", pages::timeline));
      jobs.add(new Job(Routes.countries(lang), "countries.ftlh", pages::countries));
      jobs.add(new Job(Routes.search(lang), "search.ftlh", pages::search));
      searchFiles.add(searchIndex.records(pages));
      for (Country country : archive.activeCountries()) {
        jobs.add(new Job(Routes.country(lang, country), "country.ftlh", () -> pages.country(country)));
      }
      for (Archive.Pair pair : archive.pairs()) {
        jobs.add(new Job(Routes.pair(lang, pair), "pair.ftlh", () -> pages.pair(pair)));
      }
      archive.byType().forEach((type, list) -> {
        if (!list.isEmpty()) {
          jobs.add(new Job(Routes.type(lang, type), "type.ftlh", () -> pages.type(type, list)));
        }
      });
      for (Engagement e : archive.engagements()) {
        if (e.hasTranslation(lang)) {
          jobs.add(new Job(Routes.engagement(lang, e.id()), "engagement.ftlh",
              () -> pages.engagement(e).orElseThrow()));
        }
      }
    }
    jobs.add(new Job(NOT_FOUND, "404.ftlh", () -> notFound(archive)));
    List<OutputFile> files = new ArrayList<>(jobs.parallelStream()
        .map(job -> new OutputFile(job.path(),
            engine.render(job.template(), job.view().get()).getBytes(StandardCharsets.UTF_8)))
        .toList());
    List<String> pages = jobs.stream().map(Job::path).filter(p -> !p.equals(NOT_FOUND)).toList();
    files.addAll(new SitemapRenderer(archive.site().config().baseUrl()).render(pages));
    files.addAll(new FeedRenderer(archive, strings).render());
    files.addAll(new DataExport(archive).render());
    files.addAll(assets());
    files.addAll(searchFiles);
    files.sort(Comparator.comparing(OutputFile::path));
    return List.copyOf(files);
  }

  /** Served by hosts for any missing address, so its links are absolute. */
  static final String NOT_FOUND = "404.html";

  /** A page to render: where it goes, with which template, from which view. */
  private record Job(String path, String template, Supplier<Object> view) {}

  private PageViews.LandingPage landing(Archive archive) {
    List<PageViews.LandingSide> sides = new ArrayList<>();
    List<PageViews.Alternate> alternates = new ArrayList<>();
    String base = archive.site().config().baseUrl();
    // English first: on this left-to-right page it stands on the left, Arabic on the right.
    for (Lang lang : List.of(Lang.EN, Lang.AR)) {
      Localizer l = new Localizer(lang, strings, archive.site().config().arabicIndicDigits());
      sides.add(new PageViews.LandingSide(lang.code(), lang.dir(),
          archive.site().config().title().get(lang), archive.site().config().tagline().get(lang),
          l.t("landing_intro"),
          new PageViews.Link(Routes.home(lang), l.t("enter"), lang.code(), lang.dir()),
          new PageViews.Link(Routes.timeline(lang), l.t("timeline"), lang.code(), lang.dir()),
          new PageViews.Link(Routes.countries(lang), l.t("countries"), lang.code(), lang.dir()),
          l.count(archive.engagements().size(), "engagements_count")));
      alternates.add(new PageViews.Alternate(lang.code(), Routes.absolute(base, Routes.home(lang))));
    }
    String title = archive.site().config().title().en() + " · " + archive.site().config().title().ar();
    return new PageViews.LandingPage(title, Routes.stylesheet(), sides, alternates, base);
  }

  private PageViews.NotFoundPage notFound(Archive archive) {
    String base = archive.site().config().baseUrl();
    List<PageViews.LandingSide> sides = new ArrayList<>();
    for (Lang lang : List.of(Lang.EN, Lang.AR)) {
      Localizer l = new Localizer(lang, strings, archive.site().config().arabicIndicDigits());
      sides.add(new PageViews.LandingSide(lang.code(), lang.dir(), l.t("not_found_title"),
          archive.site().config().title().get(lang), l.t("not_found_text"),
          new PageViews.Link(base + Routes.home(lang), l.t("home"), lang.code(), lang.dir()),
          new PageViews.Link(base + Routes.timeline(lang), l.t("timeline"), lang.code(), lang.dir()),
          new PageViews.Link(base + Routes.countries(lang), l.t("countries"), lang.code(), lang.dir()),
          ""));
    }
    String title = strings.get(Lang.EN, "not_found_title") + " · " + strings.get(Lang.AR, "not_found_title");
    return new PageViews.NotFoundPage(title, base + Routes.stylesheet(), sides);
  }

  /** Everything under {@code templates/assets/}, copied as it is. */
  private List<OutputFile> assets() {
    Path dir = templates.resolve("assets");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().map(file -> {
        try {
          String rel = templates.relativize(file).toString().replace('\\', '/');
          return new OutputFile(rel, Files.readAllBytes(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
