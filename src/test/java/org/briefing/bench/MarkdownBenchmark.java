package org.briefing.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.briefing.render.MarkdownRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Markdown → safe HTML of one record body of about 400 words (a heading, a list, emphasis and
 * a link), as {@link MarkdownRenderer} does for every engagement page.
 *
 * <p>JMH's threads are not the build's render threads, which have the deep stack parsing needs
 * and parse in place; here each parse is handed to a thread of its own, as for any other
 * caller, so these times include starting that thread. The build spends less per body.
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

  @Setup
  public void setUp() {
    english = CorpusGenerator.body(new Random(1), CorpusGenerator.EN_WORDS, "bench", "en");
    arabic = CorpusGenerator.body(new Random(2), CorpusGenerator.AR_WORDS, "bench", "ar");
  }

  @Benchmark
  public String englishBody() {
    return markdown.render(english);
  }

  @Benchmark
  public String arabicBody() {
    return markdown.render(arabic);
  }
}
