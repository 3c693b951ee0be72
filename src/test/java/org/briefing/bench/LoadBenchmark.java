package org.briefing.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.briefing.build.SiteBuilder;
import org.briefing.validate.Validator;
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
 * Load and validate (what {@code check} does): reading every record's three files, the YAML of the
 * facts and front matter, and the rules. Files come from the page cache after the first iteration,
 * as on a developer's machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Dorg.freemarker.loggerLibrary=JUL"})
public class LoadBenchmark {

  @Param({"1000"})
  public int records;

  private Path content;

  @Setup
  public void setUp() {
    content = BenchCorpus.content(records);
  }

  @Benchmark
  public Validator.Result check() {
    return new SiteBuilder().check(BenchCorpus.options(content));
  }
}
