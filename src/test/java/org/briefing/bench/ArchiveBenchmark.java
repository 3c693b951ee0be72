package org.briefing.bench;

import java.util.concurrent.TimeUnit;
import org.briefing.archive.Archive;
import org.briefing.model.Site;
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
 * The site model's derived views for 10,000 records: building the {@link Archive} (sorting,
 * grouping by country, pair and type) and the groupings the pages ask it for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Dorg.freemarker.loggerLibrary=JUL"})
public class ArchiveBenchmark {

  @Param({"10000"})
  public int records;

  private Site site;
  private Archive archive;

  @Setup
  public void setUp() {
    site = BenchCorpus.site(records);
    archive = new Archive(site);
  }

  @Benchmark
  public Archive construct() {
    return new Archive(site);
  }

  /** The timeline's year and month groups. */
  @Benchmark
  public Object timelineGroups() {
    return archive.timeline();
  }

  /** Every active country's partners, as the country pages ask for them. */
  @Benchmark
  public int partnersOfEveryCountry() {
    int total = 0;
    for (var country : archive.activeCountries()) {
      total += archive.partnersOf(country).size();
    }
    return total;
  }
}
