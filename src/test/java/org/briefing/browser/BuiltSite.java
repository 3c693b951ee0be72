package org.briefing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.build.SiteBuilder;

/**
 * The project's own content built once into a temporary folder and shared by the browser and
 * validator tests (the same build {@code org.briefing.build.SeedSite} makes for the site tests,
 * which is package-private there).
 */
final class BuiltSite {

  private static Path built;

  private BuiltSite() {}

  /** The root folder of the built site (built on first use). */
  static synchronized Path root() {
    if (built == null) {
      try {
        Path out = Files.createTempDirectory("browser-site-").resolve("site");
        SiteBuilder.Options options =
            new SiteBuilder.Options(
                Path.of("content"), Path.of("templates"), out, Optional.empty(), false, false);
        SiteBuilder.Outcome outcome = new SiteBuilder().build(options);
        if (!outcome.ok()) {
          throw new AssertionError("the seed content has problems: " + outcome.problems());
        }
        built = out;
        TestFiles.deleteOnExit(out.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return built;
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

  /** Every HTML page of the built site. */
  static List<String> pages() {
    return files(".html");
  }

  static boolean exists(String page) {
    return Files.isRegularFile(root().resolve(page));
  }
}
