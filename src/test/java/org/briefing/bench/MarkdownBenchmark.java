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
