package org.briefing.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.briefing.TestFiles;
import org.briefing.build.SiteBuilder;
import org.briefing.files.OutputFile;
import org.briefing.model.Site;
import org.briefing.validate.Validator;

/**
 * A content folder rendered in memory (nothing written), with its validated model, for tests that
 * look at what the render stage produces: {@code files} by path from the site's root.
 */
public record RenderedSite(Site site, Map<String, byte[]> files) {

  static final Path SEED_CONTENT = Path.of("content");
  static final Path TEMPLATES = Path.of("templates");

  private static RenderedSite seed;

  /** The project's own records, rendered once and shared. */
  public static synchronized RenderedSite seed() {
    if (seed == null) {
      seed = of(SEED_CONTENT);
    }
    return seed;
  }

  static RenderedSite of(Path content) {
    SiteBuilder.Options options =
        new SiteBuilder.Options(
            content, TEMPLATES, Path.of("unused-output"), Optional.empty(), false, false);
    SiteBuilder builder = new SiteBuilder();
    Validator.Result checked = builder.check(options);
    if (!checked.ok()) {
      throw new AssertionError("the content has problems: " + checked.problems());
    }
    Site site = checked.site().orElseThrow();
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (OutputFile file : builder.render(site, options)) {
      files.put(file.path(), file.content());
    }
    return new RenderedSite(site, Map.copyOf(files));
  }

  public String text(String path) {
    byte[] bytes = files.get(path);
    if (bytes == null) {
      throw new AssertionError("the site has no " + path);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A copy of the seed content in {@code dir}, for a test to change. */
  static Path copyOfSeedContent(Path dir) {
    try {
      return TestFiles.copyTree(SEED_CONTENT, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
