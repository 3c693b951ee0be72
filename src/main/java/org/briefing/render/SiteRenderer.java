package org.briefing.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.briefing.model.Archive;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;

/**
 * Renders the whole site: every page in both languages, the bilingual landing page, feeds,
 * sitemap, data exports, search records and the static assets. It first plans the site (each
 * {@link PlannedFile} knows where it goes and how to write itself), then makes the files into an
 * {@link OutputSink} as they are rendered, so the site is never held in memory whole.
 *
 * <p>Files are independent, so they render in parallel; each file's bytes depend only on the
 * archive and the templates, never on scheduling, so a parallel build writes exactly what a
 * single-threaded one does. Render threads have deep stacks so that Markdown is parsed in
 * place (see {@link MarkdownRenderer#deepStackThreads}).
 */
public final class SiteRenderer {

  /** A file of the site, planned but not yet made: where it goes and how to write it. */
  public record PlannedFile(String path, OutputSink.Body body) {}

  private final Path templates;
  private final TemplateEngine engine;
  private final Strings strings;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final RenderCache cache;

  public SiteRenderer(Path templates) {
    this(templates, new RenderCache());
  }

  /**
   * @param cache what earlier renders made of records that have not changed since, shared by
   *     the preview across rebuilds; a new cache for a one-off build
   */
  public SiteRenderer(Path templates, RenderCache cache) {
    this.templates = templates;
    this.engine = new TemplateEngine(templates.toFile());
    this.strings = Strings.load(templates.resolve("strings.yaml"));
    this.cache = cache;
  }

  /** Renders every file of the site into {@code sink}; returns how many were written. */
  public int render(Archive archive, OutputSink sink, boolean parallel) throws IOException {
    List<PlannedFile> files = plan(archive);
    write(files, sink, parallel);
    return files.size();
  }

  /** The whole site in memory, sorted by path: for tests and tools, not for builds. */
  public List<OutputFile> render(Archive archive) {
    InMemory sink = new InMemory();
    try {
      render(archive, sink, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // memory does not fail that way
    }
    return sink.files();
  }

  /**
   * Makes {@code files} into {@code sink}, in their order, on one render thread per core or,
   * when not {@code parallel}, on a single one. Stops at the first failure and throws it.
   */
  public static void write(List<PlannedFile> files, OutputSink sink, boolean parallel)
      throws IOException {
    int threads = parallel ? Math.min(files.size(), Runtime.getRuntime().availableProcessors()) : 1;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads),
        MarkdownRenderer.deepStackThreads("render"));
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          int i;
          while (failure.get() == null && (i = next.getAndIncrement()) < files.size()) {
            PlannedFile file = files.get(i);
            try {
              sink.write(file.path(), file.body());
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          }
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the site", e);
    } catch (ExecutionException e) {
      failure.compareAndSet(null, e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Throwable e = failure.get();
    if (e instanceof IOException io) {
      throw io;
    } else if (e instanceof UncheckedIOException io) {
      throw io.getCause();
    } else if (e instanceof RuntimeException runtime) {
      throw runtime;
    } else if (e instanceof Error error) {
      throw error;
    } else if (e != null) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every file of the site, in the order they are best made: the largest (data, search
   * records, the timelines) first, so no core is left alone with a big one at the end.
   */
  public List<PlannedFile> plan(Archive archive) {
    List<PlannedFile> heavy = new ArrayList<>();
    List<PlannedFile> pages = new ArrayList<>();
    List<PlannedFile> rest = new ArrayList<>();
    heavy.addAll(new DataExport(archive, cache).plan());
    SearchIndex searchIndex = new SearchIndex(archive, cache);
    rest.add(SearchIndex.engine());
    pages.add(page(Routes.landing(), "landing.ftlh", () -> landing(archive)));
    for (Lang lang : Lang.values()) {
      PageBuilder builder = new PageBuilder(archive, lang, strings, markdown, cache);
      heavy.add(searchIndex.records(builder));
      heavy.add(page(Routes.timeline(lang), "timeline.ftlh", builder::timeline));
      pages.add(page(Routes.home(lang), "home.ftlh", builder::home));
      pages.add(page(Routes.countries(lang), "countries.ftlh", builder::countries));
      pages.add(page(Routes.search(lang), "search.ftlh", builder::search));
      archive.byType().forEach((type, list) -> {
        if (!list.isEmpty()) {
          pages.add(page(Routes.type(lang, type), "type.ftlh", () -> builder.type(type, list)));
        }
      });
      for (Country country : archive.activeCountries()) {
        pages.add(page(Routes.country(lang, country), "country.ftlh", () -> builder.country(country)));
      }
      for (Archive.Pair pair : archive.pairs()) {
        pages.add(page(Routes.pair(lang, pair), "pair.ftlh", () -> builder.pair(pair)));
      }
      for (Engagement e : archive.engagements()) {
        if (e.hasTranslation(lang)) {
          pages.add(page(Routes.engagement(lang, e.id()), "engagement.ftlh",
              () -> builder.engagement(e).orElseThrow()));
        }
      }
    }
    // The sitemap lists every page readers can land on; the 404 page is added after this.
    List<String> pagePaths = java.util.stream.Stream.concat(heavy.stream(), pages.stream())
        .map(PlannedFile::path).filter(path -> path.endsWith(".html")).toList();
    pages.add(page(NOT_FOUND, "404.ftlh", () -> notFound(archive)));
    // A record's former addresses keep working, but are listed nowhere.
    for (AliasPages.Planned alias : new AliasPages(archive, strings).plan()) {
      pages.add(page(alias.path(), "alias.ftlh", alias.view()::get));
    }
    rest.addAll(new SitemapRenderer(archive.site().config().baseUrl()).plan(pagePaths));
    rest.addAll(new FeedRenderer(archive, strings).plan());
    rest.addAll(assets());
    List<PlannedFile> all = new ArrayList<>(heavy);
    all.addAll(pages);
    all.addAll(rest);
    return List.copyOf(all);
  }

  /**
   * The files that change when the records {@code ids} change from {@code before} to
   * {@code after}, everything else (site.yaml, countries, vocabulary, templates) staying the
   * same: the records' own pages and the pages at their former addresses, every page that shows their cards (timeline, home, their
   * countries, pairs and types, their neighbours in time before and after, the records that
   * list them as related), the feeds and search records that carry them, the data exports and
   * the pages that count records. Empty when the site gains or loses a page, which only a full
   * build handles (the sitemap and links change).
   *
   * <p>{@code beforeFiles} and {@code afterFiles} are where each archive's files go
   * ({@link #paths} of its {@link #plan}), which the preview has at hand.
   *
   * <p>{@code IncrementalBuildTest} checks this against clean builds, edit by edit.
   */
  public Optional<Set<String>> affectedBy(Archive before, Set<String> beforeFiles, Archive after,
      Set<String> afterFiles, Set<String> ids) {
    if (!beforeFiles.equals(afterFiles)) {
      return Optional.empty();
    }
    Set<String> files = new HashSet<>(List.of(Routes.landing(), DataExport.JSON, DataExport.CSV));
    for (Lang lang : Lang.values()) {
      files.addAll(List.of(Routes.home(lang), Routes.timeline(lang), Routes.countries(lang),
          Routes.searchRecords(lang), FeedRenderer.feedPath(lang)));
    }
    Set<Engagement> touched = new HashSet<>();
    for (Archive archive : List.of(before, after)) {
      for (String id : ids) {
        archive.find(id).ifPresent(e -> {
          touched.add(e);
          files.addAll(AliasPages.paths(e)); // they show its title and lead to its pages
          archive.previous(e).ifPresent(touched::add);
          archive.next(e).ifPresent(touched::add);
          for (Country c : e.countries()) {
            for (Lang lang : Lang.values()) {
              files.add(Routes.country(lang, c));
              files.add(FeedRenderer.countryFeedPath(lang, c));
            }
            for (Country other : e.countries()) {
              archive.pair(c, other).ifPresent(pair -> {
                for (Lang lang : Lang.values()) {
                  files.add(Routes.pair(lang, pair));
                }
              });
            }
          }
          for (Lang lang : Lang.values()) {
            files.add(Routes.type(lang, e.type()));
          }
        });
      }
    }
    for (Engagement e : after.engagements()) {
      if (e.related().stream().anyMatch(ids::contains)) {
        touched.add(e);
      }
    }
    for (Engagement e : touched) {
      for (Lang lang : Lang.values()) {
        files.add(Routes.engagement(lang, e.id()));
      }
    }
    files.retainAll(afterFiles); // a neighbour's page in a language it has no text in, say
    return Optional.of(files);
  }

  /** Where {@code files} go. */
  public static Set<String> paths(List<PlannedFile> files) {
    Set<String> paths = new HashSet<>();
    for (PlannedFile file : files) {
      paths.add(file.path());
    }
    return paths;
  }

  /** A page rendered by {@code template} from the view {@code view} makes when it is written. */
  private PlannedFile page(String path, String template, Supplier<Object> view) {
    return new PlannedFile(path, out -> {
      Writer writer = OutputSink.utf8(out);
      engine.render(template, view.get(), writer);
      writer.flush();
    });
  }

  /** Served by hosts for any missing address, so its links are absolute. */
  static final String NOT_FOUND = "404.html";

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
  private List<PlannedFile> assets() {
    Path dir = templates.resolve("assets");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().map(file -> {
        String rel = templates.relativize(file).toString().replace('\\', '/');
        return new PlannedFile(rel, out -> Files.copy(file, out));
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

/** Collects files in memory, for {@link SiteRenderer#render(Archive)}. */
final class InMemory implements OutputSink {

  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  @Override
  public void write(String path, Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    body.writeTo(bytes);
    if (files.putIfAbsent(path, bytes.toByteArray()) != null) {
      throw new IllegalArgumentException("two files would be written to " + path);
    }
  }

  List<OutputFile> files() {
    return files.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> new OutputFile(e.getKey(), e.getValue())).toList();
  }
}

