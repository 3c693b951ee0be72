package org.briefing.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.briefing.archive.Archive;
import org.briefing.markdown.MarkdownRenderer;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One engagement page, as SiteRenderer makes each of them: the page view (cards, dates, the body's
 * Markdown → HTML) and the Freemarker template to UTF-8 bytes, and each half alone, so the split
 * between Markdown, view building and Freemarker is visible. Records are taken in turn from a
 * generated corpus of 1,000, so caches (cards) are warm as in a real build. Pages are made on a
 * render thread, as in the build (see {@code MarkdownBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Dorg.freemarker.loggerLibrary=JUL"})
public class EngagementPageBenchmark {

  @Param({"en", "ar"})
  public String lang;

  private RenderInternals render;
  private List<Engagement> records;
  private Object[] views;
  private int next;
  private ExecutorService renderThread;

  @Setup
  public void setUp() {
    Archive archive = new Archive(BenchCorpus.site(1000));
    render = new RenderInternals(archive, Lang.fromCode(lang).orElseThrow(), BenchCorpus.TEMPLATES);
    records = archive.engagements();
    views = new Object[records.size()];
    for (int i = 0; i < views.length; i++) {
      views[i] = render.engagementView(records.get(i));
    }
    renderThread = Executors.newSingleThreadExecutor(MarkdownRenderer.deepStackThreads("bench"));
  }

  @TearDown
  public void tearDown() {
    renderThread.shutdownNow();
  }

  private int nextIndex() {
    int i = next;
    next = i + 1 == records.size() ? 0 : i + 1;
    return i;
  }

  /** View and template, to bytes: the whole per-page work of the render stage. */
  @Benchmark
  public byte[] page() throws Exception {
    Engagement e = records.get(nextIndex());
    return renderThread
        .submit(
            () ->
                render
                    .render("engagement.ftlh", render.engagementView(e))
                    .getBytes(StandardCharsets.UTF_8))
        .get();
  }

  /** The view alone (includes Markdown rendering of the body). */
  @Benchmark
  public Object view() throws Exception {
    Engagement e = records.get(nextIndex());
    return renderThread.submit(() -> render.engagementView(e)).get();
  }

  /** Freemarker alone, on a view built in advance. */
  @Benchmark
  public String template() {
    return render.render("engagement.ftlh", views[nextIndex()]);
  }
}
