package org.briefing.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.briefing.archive.Archive;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The timeline page of one language, which shows every record as a card: the page whose cost grows
 * with N (the country, pair and type pages together show each record about three more times). Its
 * size at 10,000 records is printed at set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-Dorg.freemarker.loggerLibrary=JUL"})
public class TimelinePageBenchmark {

  @Param({"1000", "10000"})
  public int records;

  private RenderInternals render;
  private Object view;

  @Setup
  public void setUp() {
    Archive archive = new Archive(BenchCorpus.site(records));
    render = new RenderInternals(archive, Lang.EN, BenchCorpus.TEMPLATES);
    view = render.timelineView();
    System.out.printf(
        "%n[timeline of %d records: %,d bytes]%n",
        records, render.render("timeline.ftlh", view).getBytes(StandardCharsets.UTF_8).length);
  }

  /** View (cards are cached after the first call, as in a build) and template, to bytes. */
  @Benchmark
  public byte[] page() {
    return render.render("timeline.ftlh", render.timelineView()).getBytes(StandardCharsets.UTF_8);
  }

  /** Freemarker alone. */
  @Benchmark
  public String template() {
    return render.render("timeline.ftlh", view);
  }
}
