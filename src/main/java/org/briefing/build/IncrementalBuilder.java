package org.briefing.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.briefing.archive.Archive;
import org.briefing.content.ContentLoader;
import org.briefing.content.LoadedContent;
import org.briefing.content.Problem;
import org.briefing.content.RecordFolder;
import org.briefing.files.OutputSink;
import org.briefing.files.PlannedFile;
import org.briefing.model.Lang;
import org.briefing.publish.Publisher;
import org.briefing.render.RenderCache;
import org.briefing.render.Routes;
import org.briefing.validate.Validator;

/**
 * The preview's builds: the same pipeline as {@link SiteBuilder}, but it remembers the last good
 * build, so that when only record files changed it reads just those records again and re-renders
 * just the files they touch ({@link SiteRenderer#affectedBy}), writing each in place; when only
 * page templates or assets changed, it renders again the files made from them ({@link
 * TemplateSources}). Anything else (a shared file, the strings, a record added or removed, a page
 * gained or lost) gets a full build. Either way the folder ends up byte for byte what a clean build
 * of the content would write; {@code IncrementalBuildTest} holds it to that.
 *
 * <p>Not thread-safe: the preview calls it from one thread at a time.
 */
public final class IncrementalBuilder {

  /**
   * What a build did.
   *
   * @param files files written (all of them for a full build)
   * @param incremental whether only the touched files were written
   */
  public record Outcome(List<Problem> problems, int files, boolean incremental) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** The last good build, and the files of the templates folder it was made from. */
  private record State(
      LoadedContent content,
      Validator.Memo memo,
      Archive archive,
      Set<String> files,
      SiteRenderer renderer,
      Set<String> templateFiles) {}

  private static final String ENGAGEMENTS = "engagements";

  private final SiteBuilder.Options options;
  private final Path contentRoot;
  private final Path templatesRoot;
  private State last;

  /** Records changed since the last good build; a failed build's edits still count. */
  private final Set<String> pending = new HashSet<>();

  /** Builds into {@code options.out()}, which this builder alone writes. */
  public IncrementalBuilder(SiteBuilder.Options options) {
    this.options = options;
    this.contentRoot = options.content().toAbsolutePath().normalize();
    this.templatesRoot = options.templates().toAbsolutePath().normalize();
  }

  /** Builds everything, as after a change it cannot narrow down. */
  public Outcome full() throws IOException {
    last = null;
    pending.clear();
    LoadedContent content = new ContentLoader().load(options.content());
    Validator.Memo memo = new Validator.Memo();
    Validator.Result checked = new Validator().validate(content, validation(), memo);
    if (!checked.ok()) {
      return new Outcome(checked.problems(), 0, false);
    }
    Archive archive = SiteBuilder.archive(checked.site().orElseThrow(), options);
    SiteRenderer renderer = new SiteRenderer(options.templates(), RenderCache.forPreview());
    List<PlannedFile> plan = renderer.plan(archive);
    new Publisher().publish(options.out(), sink -> SiteRenderer.write(plan, sink, true));
    last =
        new State(
            content,
            memo,
            archive,
            SiteRenderer.paths(plan),
            renderer,
            TemplateSources.files(templatesRoot).keySet());
    return new Outcome(List.of(), plan.size(), false);
  }

  /**
   * Runs the update an edit of one record would run, on a record left as it is, so that the first
   * real edit finds the update's code already compiled by the JVM and is shown as quickly as later
   * ones. It writes the bytes the files already hold. Only after a good build.
   */
  public void warmUp() throws IOException {
    if (last == null || last.content().records().isEmpty()) {
      return;
    }
    List<RecordFolder> records = last.content().records();
    update(Set.of(records.get(records.size() / 2).dir().resolve("engagement.yaml")));
  }

  /** Told which files were just written, so the preview can reload the pages showing them. */
  @FunctionalInterface
  public interface Progress {
    void written(Set<String> files);
  }

  /**
   * Builds after {@code changed} paths changed: only what they touch when they are all files of
   * existing records, else everything.
   */
  public Outcome update(Set<Path> changed) throws IOException {
    return update(changed, files -> {});
  }

  /**
   * As {@link #update(Set)}; an incremental update writes the edited records' own pages first and
   * reports them to {@code progress}, so the page an editor is looking at shows the edit while the
   * lists and exports that also carry it are still being written (reported next).
   */
  public Outcome update(Set<Path> changed, Progress progress) throws IOException {
    Optional<Set<String>> sources =
        last == null || !pending.isEmpty() ? Optional.empty() : sourcesOf(changed);
    if (sources.isPresent()) {
      return restyled(sources.get(), progress);
    }
    Optional<Set<String>> records = last == null ? Optional.empty() : recordsOf(changed);
    if (records.isEmpty()) {
      return full();
    }
    pending.addAll(records.get());
    LoadedContent content = new ContentLoader().reload(last.content(), pending);
    Validator.Result checked = new Validator().validate(content, validation(), last.memo());
    if (!checked.ok()) {
      return new Outcome(checked.problems(), 0, true);
    }
    Archive archive = SiteBuilder.archive(checked.site().orElseThrow(), options);
    List<PlannedFile> plan = last.renderer().plan(archive);
    Set<String> planned = SiteRenderer.paths(plan);
    Optional<Set<String>> touched =
        last.renderer().affectedBy(last.archive(), last.files(), archive, planned, pending);
    if (touched.isEmpty()) {
      return full();
    }
    Set<String> own = new HashSet<>();
    for (String id : pending) {
      for (Lang lang : Lang.values()) {
        own.add(Routes.engagement(lang, id));
      }
    }
    List<PlannedFile> first = new ArrayList<>();
    List<PlannedFile> then = new ArrayList<>();
    for (PlannedFile file : plan) {
      if (touched.get().contains(file.path())) {
        (own.contains(file.path()) ? first : then).add(file);
      }
    }
    InPlace sink = new InPlace(options.out());
    SiteRenderer.write(first, sink, true);
    progress.written(SiteRenderer.paths(first));
    SiteRenderer.write(then, sink, true);
    progress.written(SiteRenderer.paths(then));
    last = new State(content, last.memo(), archive, planned, last.renderer(), last.templateFiles());
    pending.clear();
    return new Outcome(List.of(), first.size() + then.size(), true);
  }

  /**
   * Renders again, with the templates as they are now, the files made from the page templates and
   * assets {@code edited} (and from the templates that import or include them), the content as it
   * was; everything when that cannot be narrowed down.
   */
  private Outcome restyled(Set<String> edited, Progress progress) throws IOException {
    if (edited.isEmpty()) {
      return new Outcome(List.of(), 0, true); // only an editor's own files came and went
    }
    Optional<Set<String>> sources = TemplateSources.touchedBy(options.templates(), edited);
    if (sources.isEmpty()) {
      return full();
    }
    SiteRenderer renderer = new SiteRenderer(options.templates(), RenderCache.forPreview());
    List<PlannedFile> plan = renderer.plan(last.archive());
    Set<String> planned = SiteRenderer.paths(plan);
    if (!planned.equals(last.files())) {
      return full(); // an asset added or removed
    }
    Set<String> touched = SiteRenderer.madeFrom(plan, sources.get());
    List<PlannedFile> files = plan.stream().filter(file -> touched.contains(file.path())).toList();
    SiteRenderer.write(files, new InPlace(options.out()), true);
    progress.written(touched);
    last =
        new State(
            last.content(),
            last.memo(),
            last.archive(),
            planned,
            renderer,
            TemplateSources.files(templatesRoot).keySet());
    return new Outcome(List.of(), files.size(), true);
  }

  /**
   * The names of the page templates and assets among {@code changed}, when every other path is an
   * editor's: a file gone that the last build did not see (saved through and renamed over the
   * template, as sed -i does, or made and removed at once, as vim does), or a hidden or backup file
   * (vim's swap file, a file ending in {@code ~}), which no template reads. Empty when another file
   * changed, or a source was removed (what the templates folder makes changes then).
   */
  private Optional<Set<String>> sourcesOf(Set<Path> changed) {
    Set<String> names = new HashSet<>();
    for (Path path : changed) {
      Path absolute = path.toAbsolutePath().normalize();
      if (!absolute.startsWith(templatesRoot) || absolute.equals(templatesRoot)) {
        return Optional.empty();
      }
      String name = TemplateSources.name(templatesRoot, absolute);
      String file = absolute.getFileName().toString();
      if (file.startsWith(".") || file.endsWith("~")) {
        continue;
      }
      if (!Files.exists(absolute) && !last.templateFiles().contains(name)) {
        continue;
      }
      if (!Files.isRegularFile(absolute) || !TemplateSources.isSource(name)) {
        return Optional.empty();
      }
      names.add(name);
    }
    return Optional.of(names);
  }

  private Validator.Options validation() {
    return new Validator.Options(options.strict(), options.drafts());
  }

  /**
   * The ids of the records whose files {@code changed} are, when every path is a file inside a
   * record folder that existed at the last good build and still does; else empty.
   */
  private Optional<Set<String>> recordsOf(Set<Path> changed) {
    Set<String> known = new HashSet<>();
    last.content().records().forEach(folder -> known.add(folder.id()));
    Set<String> ids = new HashSet<>();
    for (Path path : changed) {
      Path relative = contentRoot.relativize(path.toAbsolutePath().normalize());
      if (relative.getNameCount() != 3
          || relative.startsWith("..")
          || !relative.getName(0).toString().equals(ENGAGEMENTS)) {
        return Optional.empty();
      }
      String id = relative.getName(1).toString();
      if (!known.contains(id) || !Files.isDirectory(contentRoot.resolve(ENGAGEMENTS).resolve(id))) {
        return Optional.empty();
      }
      ids.add(id);
    }
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
  }

  /**
   * Replaces files of a built site one at a time: each is written beside its old self and renamed
   * over it, so the server never sends half a page.
   */
  private static final class InPlace implements OutputSink {
    private final Path root;

    InPlace(Path root) {
      this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void write(String relative, Body body) throws IOException {
      Path path = root.resolve(relative).normalize();
      if (!path.startsWith(root) || path.equals(root)) {
        throw new IllegalArgumentException("output path leaves the output folder: " + relative);
      }
      Path temporary = path.resolveSibling("." + path.getFileName() + ".part");
      try {
        try (OutputStream out =
            new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
          body.writeTo(out);
        }
        Files.move(
            temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }
}
