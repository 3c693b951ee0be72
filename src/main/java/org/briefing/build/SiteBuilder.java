package org.briefing.build;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.briefing.archive.Archive;
import org.briefing.content.ContentLoader;
import org.briefing.content.LoadedContent;
import org.briefing.content.ParsedYaml;
import org.briefing.content.PendingFile;
import org.briefing.content.Problem;
import org.briefing.files.OutputFile;
import org.briefing.files.PlannedFile;
import org.briefing.files.RecordPieces;
import org.briefing.files.RecordTerms;
import org.briefing.model.Engagement;
import org.briefing.model.Site;
import org.briefing.publish.FolderTimes;
import org.briefing.publish.Publisher;
import org.briefing.render.RenderCache;
import org.briefing.render.TemplateSet;
import org.briefing.validate.Validator;

/**
 * The pipeline, in the order it runs: load the content, validate it into a site model, derive the
 * archive, render every page, publish them all at once. Pages stream from the renderer into the
 * publisher's staging folder, which replaces the site only when every page is written; nothing is
 * written at all unless loading and validation succeeded.
 */
public final class SiteBuilder {

  /**
   * What to build and where.
   *
   * @param baseUrl overrides site.yaml's base_url when present
   */
  public record Options(
      Path content,
      Path templates,
      Path out,
      Optional<String> baseUrl,
      boolean drafts,
      boolean strict) {}

  /**
   * The outcome: the problems found (none when the site was written), the files the site has, how
   * many of them were rendered (the others were kept from the last build), and how many of those
   * were written (the others came out as they were, and were left in place).
   */
  public record Outcome(List<Problem> problems, int files, int rendered, int written) {
    public Outcome(List<Problem> problems, int files) {
      this(problems, files, files, files);
    }

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
    Background<TemplateSet> templates = templates(options);
    Validator.Result checked = check(options);
    if (!checked.ok()) {
      return new Outcome(checked.problems(), 0);
    }
    Archive archive = archive(checked.site().orElseThrow(), options);
    SiteRenderer renderer = new SiteRenderer(templates.get(), new RenderCache());
    int files =
        new Publisher().publish(options.out(), sink -> renderer.render(archive, sink, parallel));
    return new Outcome(List.of(), files);
  }

  /**
   * Builds as {@link #build(Options)} does, into the same bytes, but renders again only the files
   * that what changed since the last build into {@code options.out()} touches, keeping the others,
   * when that build left its {@link BuildState} and nothing else wrote the folder since. Records
   * edited, added or removed are narrowed down; anything else (a template, a shared content file,
   * the program, the options, a page of a country, pair or type gained or lost) renders everything.
   * A build that keeps files patches the output folder in place (see {@link Publisher#patch}); one
   * that keeps none swaps a whole new folder in. A build with problems, or one whose publishing
   * fails, changes neither the site nor the state.
   */
  public Outcome buildReusing(Options options) throws IOException {
    Background<TemplateSet> templates = templates(options);
    Path memory = BuildState.yaml(options.out());
    String program = BuildInputs.program();
    ParsedYaml yaml = ParsedYaml.read(memory, program);
    Checked checked = checked(options, yaml);
    if (!checked.problems().isEmpty()) {
      return new Outcome(checked.problems(), 0);
    }
    String key = BuildInputs.key(options, program);
    // The YAML read is kept for the next build only if this one publishes (the state too). It is
    // written on another core while this one reads the last state and plans the site, on one.
    Background<PendingFile> read = new Background<>("yaml-memory", () -> yaml.keepBeside(memory));
    // However the build ends, the memory is first written whole, then removed unless kept.
    try (Closeable unlessKept = () -> read.get().close()) {
      // From reading the last build's state to writing this one's, no other build may write the
      // folder or its state: it would swap in a site this build's state does not describe.
      return Publisher.holding(
          options.out(),
          () ->
              reusing(
                  options,
                  checked.archive().orElseThrow(),
                  key,
                  checked.records(),
                  read,
                  templates));
    }
  }

  /**
   * Starts reading the templates on a thread of their own: they need nothing from the content,
   * which is loaded and checked meanwhile. A build whose content has problems never asks for them,
   * and reports only those problems, as before.
   */
  private static Background<TemplateSet> templates(Options options) {
    return new Background<>("templates", () -> SiteRenderer.prepare(options.templates()));
  }

  /** A site read and validated: its problems, or its archive and each record's hash. */
  private record Checked(
      List<Problem> problems, Optional<Archive> archive, Map<String, String> records) {}

  /**
   * Loads and validates, keeping only what the rest of the build needs. The content read (every
   * file's YAML, as nodes) is let go when this returns: held by the caller, it lived through the
   * whole build, some hundred megabytes at 10,000 records that no collection could free.
   */
  private static Checked checked(Options options, ParsedYaml yaml) {
    LoadedContent content = new ContentLoader(yaml).load(options.content());
    Validator.Result checked =
        new Validator()
            .validate(
                content,
                new Validator.Options(options.strict(), options.drafts()),
                yaml.validated());
    if (!checked.ok()) {
      return new Checked(checked.problems(), Optional.empty(), Map.of());
    }
    Archive archive = archive(checked.site().orElseThrow(), options);
    return new Checked(List.of(), Optional.of(archive), BuildInputs.records(content));
  }

  private Outcome reusing(
      Options options,
      Archive archive,
      String key,
      Map<String, String> records,
      Background<PendingFile> read,
      Background<TemplateSet> templates)
      throws IOException {
    Path out = options.out().toAbsolutePath().normalize();
    // The terms file stands on its own, read while the manifest is (a few tenths of a second each
    // at 10,000 records); it is used only if the last build was made as this one is.
    Background<RecordTerms> earlierTerms =
        new Background<>("terms", () -> RecordTerms.read(BuildState.terms(out), records));
    Optional<BuildState.Layered> lastRead = BuildState.readLayered(options.out());
    Optional<BuildState> last = lastRead.map(BuildState.Layered::state);
    // The last build was made as this one is, but perhaps for some page templates or assets: the
    // files made from those are rendered again, as if their records had changed.
    Optional<Set<String>> sourcesTouched = sourcesTouched(last, key, options.templates());
    Optional<BuildState> same = last.filter(state -> sourcesTouched.isPresent());
    Optional<Background<Set<String>>> moved = same.map(state -> LastBuild.look(state, out));
    Set<String> changed = same.map(state -> LastBuild.changed(state, records)).orElse(Set.of());
    // Records only added: the other footprints hold, and the state is written as its changes.
    Map<String, Set<String>> still = lastFootprints(same, changed, archive);
    boolean asChanges = same.isPresent() && !still.isEmpty() && same.get().key().equals(key);
    RecordPieces pieces =
        same.map(state -> LastBuild.pieces(state, records, changed, out))
            .orElse(RecordPieces.none());
    RecordTerms terms = same.isPresent() ? earlierTerms.get() : RecordTerms.recording(records);
    RenderCache cache = new RenderCache(pieces, terms, LastBuild.earlier(same, changed, out));
    SiteRenderer renderer = new SiteRenderer(templates.get(), cache);
    // Which files are kept is known only from the plan's paths; files are written after that.
    AtomicReference<Set<String>> keeping = new AtomicReference<>(Set.of());
    List<PlannedFile> plan = renderer.plan(archive, path -> !keeping.get().contains(path));
    Set<String> planned = SiteRenderer.paths(plan);
    Set<String> fromSources = SiteRenderer.madeFrom(plan, sourcesTouched.orElse(Set.of()));
    Set<String> kept =
        same.isEmpty()
            ? Set.of()
            : LastBuild.reusable(
                    same.get(), changed, archive, planned, fromSources, moved.get(), renderer)
                .orElse(Set.of());
    keeping.set(kept);
    List<PlannedFile> render = plan.stream().filter(file -> !kept.contains(file.path())).toList();
    // Nothing to write: the patch can only take away files dropped in by hand, which leaves every
    // file the state names as it says, so the state stays. Else, from here on the folder may no
    // longer be what it says.
    Optional<BuildState> quiet =
        same.filter(s -> render.isEmpty() && s.records().equals(records))
            .filter(s -> s.files().keySet().equals(planned));
    if (quiet.isEmpty()) {
      BuildState.forget(options.out());
    }
    int files;
    boolean patched;
    // The last build's files describe the folder even if it was made another way (a template or
    // the program changed): a file that comes out as it is there is left in place. After a page
    // template's edit, 10,000 records' 40,000 citation files and 4,500 search shards stay.
    Map<String, Long> comparable =
        last.map(state -> LastBuild.comparable(state, render, out)).orElse(Map.of());
    boolean inPlace = !kept.isEmpty() || !comparable.isEmpty();
    Set<String> leftAsIs = ConcurrentHashMap.newKeySet();
    // The footprints need only the archive and the plan. They are made once the files are written,
    // while the publisher moves them into place, a step that mostly waits on the disk.
    AtomicReference<Background<Map<String, Set<String>>>> footprints = new AtomicReference<>();
    FolderTimes folderTimes =
        last.map(s -> new FolderTimes(s.folders(), s.files().keySet()))
            .orElseGet(FolderTimes::none);
    Publisher.SiteWriter writer =
        sink -> {
          SiteRenderer.write(
              render, inPlace ? new ChangedFilesOnly(sink, out, comparable, leftAsIs) : sink, true);
          if (quiet.isEmpty() && !asChanges) {
            footprints.set(
                new Background<>("footprints", () -> footprints(archive, planned, still)));
          }
        };
    try {
      // Keeping files, the folder is patched in place: the kept ones are never touched, where a
      // new folder would need a link to each and the old one deleting, most of the build's time.
      Publisher publisher = new Publisher();
      files =
          !inPlace
              ? publisher.publish(options.out(), writer)
              : kept.isEmpty()
                  ? publisher.update(options.out(), writer, folderTimes)
                  : publisher.patch(options.out(), writer, kept, folderTimes);
      patched = inPlace && publisher.patchedInPlace();
    } catch (IOException | RuntimeException e) {
      if (lastRead.isPresent()) { // the folder was left as it was, and so is its state
        BuildState.restore(options.out(), lastRead.get());
      }
      throw e;
    } finally {
      pieces.close();
    }
    // The terms file stands on its own, so it is written on another core while the state is made
    // on this one; the build waits for both.
    Background<Void> termsKept =
        new Background<>("terms-write", () -> writeTerms(options.out(), terms));
    try (Closeable waited = termsKept::get) {
      // A folder written whole is looked at whole; a patched one, by the patch as it went.
      Map<String, Long> folders = patched ? folderTimes.next() : FolderTimes.look(out, planned);
      // The same records, files and folders as the state says: it would be written byte for byte
      // as it is, and so would the terms and the memory of the YAML read. A build with nothing to
      // do writes nothing. One whose records were only added writes its changes, while they stay
      // few; any other writes the state whole.
      if ((quiet.isEmpty() || !quiet.get().folders().equals(folders))
          && !(asChanges
              && BuildState.writeAsChanges(
                  options.out(),
                  lastRead.get(),
                  StateChanges.of(
                      same.get(),
                      records,
                      changed,
                      archive,
                      still,
                      render.stream()
                          .map(PlannedFile::path)
                          .filter(path -> !leftAsIs.contains(path))
                          .toList(),
                      planned,
                      where(pieces, same, kept),
                      folders,
                      out)))) {
        Map<String, BuildState.Output> outputs =
            LastBuild.outputs(out, planned, kept, leftAsIs, last);
        Map<String, Set<String>> footprinted =
            footprints.get() == null // quiet, or written as changes until they grew too many
                ? footprints(archive, planned, still)
                : footprints.get().get();
        new BuildState(key, records, footprinted, outputs, where(pieces, same, kept), folders)
            .write(options.out(), last);
      }
    }
    read.get().keep();
    return new Outcome(List.of(), files, render.size(), render.size() - leftAsIs.size());
  }

  /**
   * The page templates and assets whose files differ from the {@code last} build's for what they
   * are made from ({@link TemplateSources#touchedBy}): none when it was made from the same. Empty
   * when there was no last build, or it was made from another program, options, strings or shared
   * content, or a template names another in a way that cannot be followed: then every file is
   * rendered again.
   */
  private static Optional<Set<String>> sourcesTouched(
      Optional<BuildState> last, String key, Path templates) throws IOException {
    Optional<Set<String>> edited =
        last.flatMap(state -> BuildInputs.sourcesEdited(state.key(), key));
    if (edited.isEmpty() || edited.get().isEmpty()) {
      return edited;
    }
    return TemplateSources.touchedBy(templates, edited.get());
  }

  /** Keeps this build's search terms for the next, unless they are the very ones read. */
  private static Void writeTerms(Path out, RecordTerms terms) throws IOException {
    if (!terms.asRead()) {
      BuildState.writeTerms(out, terms);
    }
    return null;
  }

  /** Where each record's part of each file lies: as written now, or, for a file kept, as before. */
  private static Map<String, Map<String, RecordPieces.Piece>> where(
      RecordPieces pieces, Optional<BuildState> same, Set<String> kept) {
    Map<String, Map<String, RecordPieces.Piece>> where = pieces.written();
    for (var earlier : same.map(BuildState::pieces).orElse(Map.of()).entrySet()) {
      if (kept.contains(earlier.getKey())) {
        where.putIfAbsent(earlier.getKey(), earlier.getValue());
      }
    }
    return where;
  }

  /** The last build's footprints that still hold (see {@link LastBuild#footprints}). */
  private static Map<String, Set<String>> lastFootprints(
      Optional<BuildState> same, Set<String> changed, Archive archive) {
    return same.map(state -> LastBuild.footprints(state, changed, archive)).orElse(Map.of());
  }

  /**
   * Every record's footprint: the files that show it. Those the last build made that still hold
   * ({@code still}) are taken; each of the others reads the whole archive, on its own, so they are
   * made on every core. Adding one record to 10,000 makes a few hundred again, where making all
   * took some 0.6 s on both cores. The state is written sorted, so it is the same whatever the
   * order.
   */
  private static Map<String, Set<String>> footprints(
      Archive archive, Set<String> planned, Map<String, Set<String>> still) {
    Map<String, String> paths = new HashMap<>(planned.size() * 2);
    planned.forEach(path -> paths.put(path, path));
    return archive.engagements().parallelStream()
        .collect(
            Collectors.toMap(
                Engagement::id,
                e -> {
                  Set<String> kept = still.get(e.id());
                  return compact(
                      kept != null ? kept : AffectedFiles.footprint(archive, e.id()), paths);
                }));
  }

  /**
   * A record's footprint as it is held until the state is written: its paths the very strings of
   * the plan, in a set without a node per path. Held as made, the 470,000 paths of 10,000 records
   * and their sets' nodes all lived long enough to be copied by the collector.
   */
  private static Set<String> compact(Set<String> footprint, Map<String, String> paths) {
    String[] shared = new String[footprint.size()];
    int i = 0;
    for (String path : footprint) {
      shared[i++] = paths.getOrDefault(path, path);
    }
    return Set.of(shared);
  }

  /** Loads and validates only: what {@code check} runs, and the first half of a build. */
  public Validator.Result check(Options options) {
    LoadedContent content = new ContentLoader().load(options.content());
    return new Validator()
        .validate(content, new Validator.Options(options.strict(), options.drafts()));
  }

  /** Renders a validated site in memory: for tests and tools; builds stream to disk. */
  public List<OutputFile> render(Site site, Options options) {
    return new SiteRenderer(options.templates()).render(archive(site, options));
  }

  /** The archive of a validated site, with {@code --base-url} applied. */
  public static Archive archive(Site site, Options options) {
    Site withUrl =
        options
            .baseUrl()
            .map(
                url ->
                    new Site(
                        site.config().withBaseUrl(url.endsWith("/") ? url : url + "/"),
                        site.countries(),
                        site.types(),
                        site.topics(),
                        site.actors(),
                        site.engagements()))
            .orElse(site);
    return new Archive(withUrl);
  }
}
