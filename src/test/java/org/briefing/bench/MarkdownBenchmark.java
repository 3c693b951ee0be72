package org.briefing.bench;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.briefing.markdown.MarkdownRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Markdown → safe HTML of one record body of about 400 words (a heading, a list, emphasis and a
 * link), as {@link MarkdownRenderer} does for every engagement page.
 *
 * <p>Bodies are rendered on a render thread, as in the build (such threads have the deep stack
 * parsing needs and parse in place), so each operation also includes handing the body to that
 * thread and back, a few microseconds; {@code *OnCallerThread} shows what any other caller pays, a
 * thread started for each parse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MarkdownBenchmark {

  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private String english;
  private String arabic;
  private ExecutorService renderThread;

  @Setup
  public void setUp() {
    english = CorpusGenerator.body(new Random(1), CorpusGenerator.EN_WORDS, "bench", "en");
    arabic = CorpusGenerator.body(new Random(2), CorpusGenerator.AR_WORDS, "bench", "ar");
    renderThread = Executors.newSingleThreadExecutor(MarkdownRenderer.deepStackThreads("bench"));
  }

  @TearDown
  public void tearDown() {
    renderThread.shutdownNow();
  }

  @Benchmark
  public String englishBody() throws Exception {
    return renderThread.submit(() -> markdown.render(english)).get();
  }

  @Benchmark
  public String arabicBody() throws Exception {
    return renderThread.submit(() -> markdown.render(arabic)).get();
  }

  @Benchmark
  public String englishBodyOnCallerThread() {
    return markdown.render(english);
  }
}
