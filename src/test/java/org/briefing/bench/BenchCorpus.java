package org.briefing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.briefing.build.SiteBuilder;
import org.briefing.model.Site;
import org.briefing.validate.Validator;

/**
 * Generated corpora for the JMH benchmarks, written once per size under {@code
 * java.io.tmpdir/briefing-bench-corpus/} and reused by later forks and runs, then read and
 * validated exactly as {@code build} reads them.
 */
final class BenchCorpus {

  /** The templates folder; benchmarks run from the repository's top folder. */
  static final Path TEMPLATES = Path.of(System.getProperty("bench.templates", "templates"));

  private BenchCorpus() {}

  /** The content folder of {@code n} generated records (default seed), written if missing. */
  static synchronized Path content(int n) {
    Path dir =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "briefing-bench-corpus",
            n + "-" + CorpusGenerator.DEFAULT_SEED);
    Path done = dir.resolve(".complete");
    if (Files.exists(done)) {
      return dir;
    }
    try {
      if (Files.exists(dir)) {
        org.briefing.publish.Publisher.deleteTree(dir);
      }
      CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
      generator.writeContent(generator.records(n), dir);
      Files.createFile(done);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SiteBuilder.Options options(Path content) {
    return new SiteBuilder.Options(
        content, TEMPLATES, content.resolveSibling("unused-out"), Optional.empty(), false, false);
  }

  /** The validated site of {@code n} generated records. */
  static Site site(int n) {
    Validator.Result result = new SiteBuilder().check(options(content(n)));
    if (!result.ok()) {
      throw new IllegalStateException(
          "generated corpus has problems: "
              + result.problems().subList(0, Math.min(5, result.problems().size())));
    }
    return result.site().orElseThrow();
  }
}
