package org.briefing.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefing.content.ContentLoader;
import org.briefing.content.LoadedContent;
import org.briefing.content.Problem;
import org.briefing.model.Archive;
import org.briefing.model.Site;
import org.briefing.publish.Publisher;
import org.briefing.render.OutputFile;
import org.briefing.validate.Validator;

/**
 * The pipeline, in the order it runs: load the content, validate it into a site model, derive
 * the archive, render every page, publish them all at once. Pages stream from the renderer
 * into the publisher's staging folder, which replaces the site only when every page is
 * written; nothing is written at all unless loading and validation succeeded.
 */
public final class SiteBuilder {

  /**
   * What to build and where.
   *
   * @param baseUrl overrides site.yaml's base_url when present
   */
  public record Options(Path content, Path templates, Path out, Optional<String> baseUrl,
      boolean drafts, boolean strict) {}

  /** The outcome: the problems found (none when the site was written) and pages written. */
  public record Outcome(List<Problem> problems, int files) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Loads, validates, renders and publishes, rendering on every core. */
  public Outcome build(Options options) throws IOException {
    return build(options, true);
  }

  /**
   * Loads, validates, renders and publishes; rendering on one thread when not {@code parallel},
   * which writes the very same bytes, only slower (tests hold the parallel build to it).
   */
  public Outcome build(Options options, boolean parallel) throws IOException {
    Validator.Result checked = check(options);
    if (!checked.ok()) {
      return new Outcome(checked.problems(), 0);
    }
    Archive archive = archive(checked.site().orElseThrow(), options);
    SiteRenderer renderer = new SiteRenderer(options.templates());
    int files = new Publisher().publish(options.out(),
        sink -> renderer.render(archive, sink, parallel));
    return new Outcome(List.of(), files);
  }

  /** Loads and validates only: what {@code check} runs, and the first half of a build. */
  public Validator.Result check(Options options) {
    LoadedContent content = new ContentLoader().load(options.content());
    return new Validator().validate(content, new Validator.Options(options.strict(), options.drafts()));
  }

  /** Renders a validated site in memory: for tests and tools; builds stream to disk. */
  public List<OutputFile> render(Site site, Options options) {
    return new SiteRenderer(options.templates()).render(archive(site, options));
  }

  /** The archive of a validated site, with {@code --base-url} applied. */
  public static Archive archive(Site site, Options options) {
    Site withUrl = options.baseUrl()
        .map(url -> new Site(site.config().withBaseUrl(url.endsWith("/") ? url : url + "/"),
            site.countries(), site.types(), site.topics(), site.engagements()))
        .orElse(site);
    return new Archive(withUrl);
  }
}
