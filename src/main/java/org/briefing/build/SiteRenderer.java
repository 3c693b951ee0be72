package org.briefing.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import java.util.function.Function;
import java.util.function.Predicate;
import org.briefing.archive.Archive;
import org.briefing.files.OutputFile;
import org.briefing.files.OutputSink;
import org.briefing.files.PlannedFile;
import org.briefing.i18n.Collation;
import org.briefing.markdown.MarkdownRenderer;
import org.briefing.model.Lang;
import org.briefing.outputs.BriefsFeed;
import org.briefing.outputs.CitationFiles;
import org.briefing.outputs.DataExport;
import org.briefing.outputs.FeedRenderer;
import org.briefing.outputs.SearchAnalysis;
import org.briefing.outputs.SearchIndex;
import org.briefing.outputs.SitemapRenderer;
import org.briefing.render.Pages;
import org.briefing.render.RenderCache;
import org.briefing.render.TemplateSet;

/**
 * Renders the whole site: every page in both languages and the static assets ({@link Pages}),
 * feeds, sitemap, data exports and search records. It first plans the site (each {@link
 * PlannedFile} knows where it goes and how to write itself), then makes the files into an {@link
 * OutputSink} as they are rendered, so the site is never held in memory whole.
 *
 * <p>Files are independent, so they render in parallel; each file's bytes depend only on the
 * archive and the templates, never on scheduling, so a parallel build writes exactly what a
 * single-threaded one does. Render threads have deep stacks so that Markdown is parsed in place
 * (see {@link MarkdownRenderer#deepStackThreads}).
 */
public final class SiteRenderer {

  private final Pages pages;
  private final RenderCache cache;

  public SiteRenderer(Path templates) {
    this(templates, new RenderCache());
  }

  /**
   * @param cache what earlier renders made of records that have not changed since, shared by the
   *     preview across rebuilds; a new cache for a one-off build
   */
  public SiteRenderer(Path templates, RenderCache cache) {
    this(prepare(templates), cache);
  }

  /**
   * @param templates the templates folder, read (see {@link #prepare})
   * @param cache as in {@link #SiteRenderer(Path, RenderCache)}
   */
  public SiteRenderer(TemplateSet templates, RenderCache cache) {
    this.pages = new Pages(templates, cache, SearchIndex::terms);
    this.cache = cache;
  }

  /**
   * Reads the templates folder and makes ready what every page's rendering starts with and no
   * content changes: the search's word rules and the languages' collations. None of it needs the
   * content, so a build does it on another core while the content is loaded and checked.
   */
  public static TemplateSet prepare(Path templates) {
    TemplateSet set = TemplateSet.read(templates);
    // Each is made once, when its class is first used; used here, that is done on this thread.
    SearchAnalysis.rules();
    for (Lang lang : Lang.values()) {
      Collation.of(lang);
    }
    return set;
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
   * Makes {@code files} into {@code sink}, in their order (but see {@link #indexesSideBySide}), on
   * one render thread per core or, when not {@code parallel}, on a single one. Stops at the first
   * failure and throws it.
   */
  public static void write(List<PlannedFile> planned, OutputSink sink, boolean parallel)
      throws IOException {
    List<PlannedFile> files = indexesSideBySide(planned);
    int threads = parallel ? Math.min(files.size(), Runtime.getRuntime().availableProcessors()) : 1;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads), MarkdownRenderer.deepStackThreads("render"));
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
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
   * Every file of the site, in the order they are best made: the largest (data, search records, the
   * timelines) first, so no core is left alone with a big one at the end.
   */
  public List<PlannedFile> plan(Archive archive) {
    return plan(archive, path -> true);
  }

  /**
   * As {@link #plan(Archive)}, for a build that will write only the files {@code written} accepts,
   * asked once writing has begun (so the build may decide after planning): files that many others
   * share, such as the search index, are then made only as far as those files need.
   */
  public List<PlannedFile> plan(Archive archive, Predicate<String> written) {
    List<PlannedFile> heavy = new ArrayList<>();
    List<PlannedFile> pages = new ArrayList<>();
    List<PlannedFile> rest = new ArrayList<>();
    heavy.addAll(new DataExport(archive, cache).plan());
    SearchIndex searchIndex = new SearchIndex(archive, cache);
    rest.add(searchIndex.analysisScript());
    pages.add(this.pages.landing(archive));
    List<List<PlannedFile>> languages = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      Pages.InLanguage inLanguage = this.pages.in(archive, lang);
      heavy.addAll(searchIndex.plan(lang, inLanguage::card, written));
      heavy.add(inLanguage.timeline());
      languages.add(inLanguage.pages());
    }
    pages.addAll(alternating(languages));
    // The sitemap lists every page readers can land on; the 404 page is added after this.
    List<String> pagePaths =
        java.util.stream.Stream.concat(heavy.stream(), pages.stream())
            .map(PlannedFile::path)
            .filter(path -> path.endsWith(".html"))
            .toList();
    pages.add(this.pages.notFound(archive));
    // A record's former addresses keep working, but are listed nowhere.
    pages.addAll(this.pages.aliases(archive));
    rest.addAll(new SitemapRenderer(archive.site().config().baseUrl()).plan(pagePaths));
    rest.addAll(new FeedRenderer(archive, this.pages.strings()).plan());
    rest.addAll(new BriefsFeed(archive, this.pages.strings()).plan());
    rest.addAll(new CitationFiles(archive, cache).plan());
    rest.addAll(this.pages.assets());
    // Each language's first term shard indexes the language's records for all its shards. The
    // term shards and manifests come after the pages: a record's page reads its body and keeps its
    // terms, so the index finds them made instead of parsing every body a second time. Writing
    // brings the two languages' first shards together (see indexesSideBySide), so the two indexes
    // are made side by side, and the many small files left (feeds, citations) keep both cores busy
    // to the end.
    List<PlannedFile> all = new ArrayList<>();
    heavy.stream().filter(f -> !readsEveryRecordsTerms(f)).forEach(all::add);
    all.addAll(pages);
    heavy.stream().filter(SiteRenderer::readsEveryRecordsTerms).forEach(all::add);
    all.addAll(rest);
    return List.copyOf(all);
  }

  /**
   * The files that change when the records {@code ids} change from {@code before} to {@code after},
   * everything else (site.yaml, countries, vocabulary, templates) staying the same: the records'
   * own pages and the pages at their former addresses, every page that shows their cards (timeline,
   * home, their countries, pairs and types, their neighbours in time before and after, the records
   * that list them as related), the feeds and search records that carry them, the data exports and
   * the pages that count records. Empty when the site gains or loses a page, which only a full
   * build handles (the sitemap and links change).
   *
   * <p>{@code beforeFiles} and {@code afterFiles} are where each archive's files go ({@link #paths}
   * of its {@link #plan}), which the preview has at hand.
   *
   * <p>{@code IncrementalBuildTest} checks this against clean builds, edit by edit.
   */
  public Optional<Set<String>> affectedBy(
      Archive before,
      Set<String> beforeFiles,
      Archive after,
      Set<String> afterFiles,
      Set<String> ids) {
    if (!beforeFiles.equals(afterFiles)) {
      return Optional.empty();
    }
    List<Set<String>> earlier = new ArrayList<>();
    for (String id : ids) {
      earlier.add(AffectedFiles.footprint(before, id));
    }
    return AffectedFiles.since(
        earlier,
        beforeFiles,
        after,
        afterFiles,
        ids,
        searchFilesTouchedByEditing(before, after, ids));
  }

  /**
   * The search files of both languages that editing the records {@code ids} rewrites, when no
   * record was added, removed or moved in time; empty when that is every search file (see {@link
   * SearchIndex#touchedByEditing}). At 10,000 records an edit to one body rewrote all 4,552 search
   * shards, and an editor's preview waited some 3 s for them.
   */
  private Optional<Set<String>> searchFilesTouchedByEditing(
      Archive before, Archive after, Set<String> ids) {
    SearchIndex index = new SearchIndex(after, cache);
    return inBothLanguages(lang -> index.touchedByEditing(lang, before, ids));
  }

  /**
   * The search files of both languages that adding the records {@code added} to the archive, and
   * changing nothing else, rewrites; empty when that is every search file (see {@link
   * SearchIndex#touchedByAdding}).
   */
  public Optional<Set<String>> searchFilesTouchedByAdding(Archive archive, Set<String> added) {
    SearchIndex index = new SearchIndex(archive, cache);
    return inBothLanguages(lang -> index.touchedByAdding(lang, added));
  }

  /** The files {@code touched} names in each language; empty when it names every one in either. */
  private static Optional<Set<String>> inBothLanguages(
      Function<Lang, Optional<Set<String>>> touched) {
    Set<String> files = new HashSet<>();
    for (Lang lang : Lang.values()) {
      Optional<Set<String>> inLanguage = touched.apply(lang);
      if (inLanguage.isEmpty()) {
        return Optional.empty();
      }
      files.addAll(inLanguage.get());
    }
    return Optional.of(files);
  }

  private static boolean isTermShard(PlannedFile file) {
    return file.path().contains("/search/terms/");
  }

  /**
   * A term shard, or a search manifest, which lists the common words that TermPlaces placed: both
   * need the words of many records, best read once the pages have read the bodies.
   */
  private static boolean readsEveryRecordsTerms(PlannedFile file) {
    return isTermShard(file) || file.path().endsWith("/search/index.js");
  }

  /**
   * {@code files} with the first term shard of each language moved to where the first term shard
   * is, side by side. The first term shard of a language to be written indexes all the language's
   * records, while a thread that asks for another of its shards waits: with the first two one per
   * language, the two indexes are made at once, one per core. A build that adds one record writes
   * only the shards of its words, and there the first two were often of one language: the other
   * core waited some 0.1 s for the first index (10,000 records, traced). The plan lists one
   * language's shards, then the other's, so a full build makes the two shards 0 together here too.
   * The files are the same, only made in another order.
   */
  static List<PlannedFile> indexesSideBySide(List<PlannedFile> files) {
    Map<String, PlannedFile> firsts = new LinkedHashMap<>();
    for (PlannedFile file : files) {
      if (isTermShard(file)) {
        firsts.putIfAbsent(file.path().substring(0, file.path().indexOf('/')), file);
      }
    }
    if (firsts.size() < 2) {
      return files;
    }
    Set<PlannedFile> moved = Set.copyOf(firsts.values());
    PlannedFile lead = firsts.values().iterator().next();
    List<PlannedFile> ordered = new ArrayList<>(files.size());
    for (PlannedFile file : files) {
      if (!moved.contains(file)) {
        ordered.add(file);
      } else if (file == lead) {
        ordered.addAll(firsts.values());
      }
    }
    return ordered;
  }

  /**
   * The files of {@code lists} taken one from each in turn: the two languages' pages side by side.
   * Each language's pages go into its own folders, so two render threads taking files in turn
   * create them in different folders at once; the kernel lets one thread at a time add to a folder,
   * and with one language after the other both threads were adding to the same one.
   */
  static List<PlannedFile> alternating(List<List<PlannedFile>> lists) {
    List<PlannedFile> all = new ArrayList<>();
    int longest = 0;
    for (List<PlannedFile> list : lists) {
      longest = Math.max(longest, list.size());
    }
    for (int i = 0; i < longest; i++) {
      for (List<PlannedFile> list : lists) {
        if (i < list.size()) {
          all.add(list.get(i));
        }
      }
    }
    return all;
  }

  /**
   * The paths of those of {@code files} made from one of the templates folder's {@code sources}.
   */
  static Set<String> madeFrom(List<PlannedFile> files, Set<String> sources) {
    Set<String> paths = new HashSet<>();
    if (!sources.isEmpty()) {
      for (PlannedFile file : files) {
        if (file.source().isPresent() && sources.contains(file.source().get())) {
          paths.add(file.path());
        }
      }
    }
    return paths;
  }

  /** Where {@code files} go. */
  public static Set<String> paths(List<PlannedFile> files) {
    Set<String> paths = new HashSet<>();
    for (PlannedFile file : files) {
      paths.add(file.path());
    }
    return paths;
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
    return files.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new OutputFile(e.getKey(), e.getValue()))
        .toList();
  }
}
