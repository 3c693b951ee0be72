package org.briefing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.archive.Archive;
import org.briefing.bench.CorpusGenerator;
import org.briefing.build.SiteBuilder;

/**
 * A generated archive of {@link #RECORDS} records ({@link CorpusGenerator}, default seed), built
 * once per test run into a temporary folder and shared by the tests that check the site stays light
 * and findable as the archive grows. 1,000 in every test run; the benchmark raises it with {@code
 * -Dgenerated.records=10000} to measure search at a newsroom's size.
 */
final class GeneratedSite {

  static final int RECORDS = Integer.getInteger("generated.records", 1000);

  private static Archive archive;
  private static Path content;
  private static Path built;

  private GeneratedSite() {}

  /** The root folder of the built site (generated and built on first use). */
  static synchronized Path root() {
    if (built == null) {
      try {
        Path tmp = Files.createTempDirectory("generated-site-");
        TestFiles.deleteOnExit(tmp);
        Path in = tmp.resolve("content");
        CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
        generator.writeContent(generator.records(RECORDS), in);
        Path out = tmp.resolve("site");
        SiteBuilder.Options options =
            new SiteBuilder.Options(in, Path.of("templates"), out, Optional.empty(), false, false);
        SiteBuilder.Outcome outcome = new SiteBuilder().build(options);
        if (!outcome.ok()) {
          throw new AssertionError("the generated content has problems: " + outcome.problems());
        }
        archive =
            SiteBuilder.archive(new SiteBuilder().check(options).site().orElseThrow(), options);
        content = in;
        built = out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return built;
  }

  /** The archive the site was built from, as the build's model sees it. */
  static synchronized Archive archive() {
    root();
    return archive;
  }

  /** The generated content folder. */
  static synchronized Path content() {
    root();
    return content;
  }

  static String baseUrl() {
    return "https://example.org/briefing/";
  }

  /** Every file of the built site with the given ending, relative to its root, sorted. */
  static List<String> files(String ending) {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(ending))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
