package org.briefing.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefing.TestFiles;

/** The project's own content built once into a temporary folder, shared by the site tests. */
final class SeedSite {

  static final Path CONTENT = Path.of("content");
  static final Path TEMPLATES = Path.of("templates");

  private static Path built;

  private SeedSite() {}

  /** The folder the seed site was built into (built on first use). */
  static synchronized Path output() {
    if (built == null) {
      try {
        Path out = Files.createTempDirectory("seed-site-").resolve("site");
        TestFiles.deleteOnExit(out.getParent());
        SiteBuilder.Outcome outcome = new SiteBuilder().build(options(out));
        if (!outcome.ok()) {
          throw new AssertionError("the seed content has problems: " + outcome.problems());
        }
        built = out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return built;
  }

  static SiteBuilder.Options options(Path out) {
    return new SiteBuilder.Options(CONTENT, TEMPLATES, out, Optional.empty(), false, false);
  }

  /** Every HTML page of the built site, as paths relative to its root. */
  static List<String> pages() {
    Path root = output();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".html"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the project's content in {@code tmp}/content, for a test that changes it. */
  static Path copyOfContent(Path tmp) throws IOException {
    return TestFiles.copyTree(CONTENT, tmp.resolve("content"));
  }

  /** The record ids of the content folder. */
  static List<String> recordIds() {
    try (Stream<Path> dirs = Files.list(CONTENT.resolve("engagements"))) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
