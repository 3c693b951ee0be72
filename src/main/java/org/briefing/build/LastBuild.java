package org.briefing.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import org.briefing.archive.Archive;
import org.briefing.files.EarlierFiles;
import org.briefing.files.PlannedFile;
import org.briefing.files.RecordPieces;

/**
 * What a reusing build may take from the last build into the same folder, as its state describes
 * it: the files it can keep, the files it may leave in place when they come out the same, and the
 * parts of the data exports it can copy. Each is checked against the disk, never taken on trust.
 */
final class LastBuild {

  private LastBuild() {}

  /**
   * The files to render again that {@link ChangedFilesOnly} may leave in place if they come out the
   * same: those the last build wrote, small, and still as it left them; with their sizes.
   */
  static Map<String, Long> comparable(BuildState last, List<PlannedFile> render, Path out) {
    return render.parallelStream()
        .map(PlannedFile::path)
        .filter(
            path -> {
              BuildState.Output was = last.files().get(path);
              return was != null
                  && was.size() <= ChangedFilesOnly.MAX_COMPARED_BYTES
                  && last.unchanged(out, Set.of(path));
            })
        .collect(Collectors.toMap(path -> path, path -> last.files().get(path).size()));
  }

  /**
   * The parts of the last build's data exports and search records that this one can copy: those of
   * the records that did not change ({@code records} but not {@code changed}), from files that are
   * still as that build wrote them.
   */
  static RecordPieces pieces(
      BuildState last, Map<String, String> records, Set<String> changed, Path out) {
    Set<String> unchanged = new HashSet<>(records.keySet());
    unchanged.removeAll(changed);
    Map<String, Map<String, RecordPieces.Piece>> earlier = new TreeMap<>();
    last.pieces()
        .forEach(
            (file, byId) -> {
              if (last.unchanged(out, Set.of(file))) {
                earlier.put(file, byId);
              }
            });
    return new RecordPieces(out, earlier, unchanged);
  }

  /**
   * The files of the last build that this one can keep as they are: those that no record changed,
   * added or removed since touches, nor made {@code fromSources} (page templates or assets edited
   * since), when they are still as that build left them.
   */
  static Optional<Set<String>> reusable(
      BuildState last,
      Set<String> changed,
      Archive archive,
      Set<String> planned,
      Set<String> fromSources,
      Background<Set<String>> moved,
      SiteRenderer renderer)
      throws IOException {
    if (changed.isEmpty()) {
      Set<String> keep = new HashSet<>(planned);
      keep.removeAll(fromSources);
      boolean same = last.files().keySet().equals(planned) && unchanged(last, moved.get(), keep);
      return same ? Optional.of(keep) : Optional.empty();
    }
    List<Set<String>> earlier = new ArrayList<>();
    for (String id : changed) {
      earlier.add(last.footprints().getOrDefault(id, Set.of()));
    }
    // Records only added, and newer than every other, leave most of the search index as it was.
    Set<String> added = added(changed, last);
    Optional<Set<String>> search =
        added.size() == changed.size()
            ? renderer.searchFilesTouchedByAdding(archive, added)
            : Optional.empty();
    Optional<Set<String>> kept =
        AffectedFiles.since(earlier, last.files().keySet(), archive, planned, changed, search)
            .map(
                touched -> {
                  Set<String> keep = new HashSet<>(planned);
                  keep.removeAll(touched);
                  keep.removeAll(fromSources);
                  return keep;
                });
    return kept.isPresent() && unchanged(last, moved.get(), kept.get()) ? kept : Optional.empty();
  }

  /** The records edited, added or removed since the {@code last} build, by id. */
  static Set<String> changed(BuildState last, Map<String, String> records) {
    Set<String> changed = new TreeSet<>();
    records.forEach(
        (id, hash) -> {
          if (!hash.equals(last.records().get(id))) {
            changed.add(id);
          }
        });
    last.records().keySet().stream().filter(id -> !records.containsKey(id)).forEach(changed::add);
    return changed;
  }

  /**
   * The files the last build left, for a build whose only change since, {@code changed}, is records
   * added ({@link EarlierFiles}): none when the last build was made another way, or when a record
   * was edited or removed. A file reads as it is only while its size and time are those the state
   * recorded, looked at just before it is read.
   */
  static EarlierFiles earlier(Optional<BuildState> same, Set<String> changed, Path out) {
    if (same.isEmpty()) {
      return EarlierFiles.none();
    }
    BuildState last = same.get();
    Set<String> added = added(changed, last);
    if (added.isEmpty() || added.size() != changed.size()) {
      return EarlierFiles.none();
    }
    return new EarlierFiles(
        added,
        path -> {
          if (!last.unchanged(out, Set.of(path))) {
            return Optional.empty();
          }
          try {
            return Optional.of(Files.readAllBytes(out.resolve(path)));
          } catch (IOException e) {
            return Optional.empty(); // made afresh
          }
        });
  }

  /** Those of {@code changed} that the {@code last} build did not have. */
  private static Set<String> added(Set<String> changed, BuildState last) {
    Set<String> added = new TreeSet<>(changed);
    added.removeAll(last.records().keySet());
    return added;
  }

  /**
   * The last build's footprints that this build would make again: when the records {@code changed}
   * since were only added (none edited or removed), those of every record but the ones {@link
   * AffectedFiles#footprintsChangedByAdding} names; else none.
   */
  static Map<String, Set<String>> footprints(
      BuildState last, Set<String> changed, Archive archive) {
    Set<String> added = added(changed, last);
    if (added.size() != changed.size()) {
      return Map.of(); // some edited or removed
    }
    Set<String> again = AffectedFiles.footprintsChangedByAdding(archive, added);
    Map<String, Set<String>> still = new HashMap<>();
    last.footprints()
        .forEach(
            (id, paths) -> {
              if (!again.contains(id)) {
                still.put(id, paths);
              }
            });
    return still;
  }

  /**
   * The threads that ask the disk for the sizes and times of the last build's files. From a cold
   * cache each lookup waits on the disk, which answers many at once; from a warm one they are work
   * for the cores, and the extra threads only take turns. One record added to 10,000, the page
   * cache dropped before each build: 4.07 s against 5.14 s with the common pool's two threads
   * (medians of 4 pairs in turn, each pair faster); with the cache kept, 1.86 s against 1.855 s (6
   * pairs). Whole process timed from outside, the launcher, 2 cores.
   */
  static final int LOOKERS = 16;

  /** A path of the last build and where the file system kept its file. */
  private record Placed(long place, String path) {}

  /**
   * Starts asking the disk which of the files {@code last} recorded in {@code out} are no longer as
   * it recorded them (another size or time), on a thread of its own and {@link #LOOKERS} more: at
   * 10,000 records that is 84,000 lookups, each waiting on the kernel. Started once the state is
   * read, they run while the site is planned on one core, where they came after the plan.
   */
  static Background<Set<String>> look(BuildState last, Path out) {
    return new Background<>(
        "kept-files",
        () -> {
          ForkJoinPool lookers = new ForkJoinPool(LOOKERS);
          try {
            // In the order the file system keeps the files (their places), each thread taking
            // runs of neighbours: from a cold cache the kernel then reads the inode table in runs.
            // 84,000 outputs looked at cold on 16 threads took 1.26-1.95 s that way against
            // 2.66-2.75 s by path (a test outside the build, 2 runs each). A parallel stream
            // started inside a pool runs on that pool's threads; an array splits evenly.
            Placed[] byPlace = new Placed[last.files().size()];
            int i = 0;
            for (Map.Entry<String, BuildState.Output> file : last.files().entrySet()) {
              byPlace[i++] = new Placed(file.getValue().place(), file.getKey());
            }
            Arrays.sort(byPlace, Comparator.comparingLong(Placed::place));
            return lookers
                .submit(
                    () ->
                        Arrays.stream(byPlace)
                            .parallel()
                            .map(Placed::path)
                            .filter(path -> !last.unchanged(out, Set.of(path)))
                            .collect(Collectors.toUnmodifiableSet()))
                .join();
          } finally {
            lookers.shutdown();
          }
        });
  }

  /**
   * Whether every one of {@code paths} is as {@code last} recorded it: recorded, and not among the
   * files found {@code moved} since (see {@link #look}).
   */
  static boolean unchanged(BuildState last, Set<String> moved, Set<String> paths) {
    for (String path : paths) {
      if (!last.files().containsKey(path) || moved.contains(path)) {
        return false;
      }
    }
    return true;
  }

  /** Each planned file's size and time now (see {@link #output}), looked up on every core. */
  static Map<String, BuildState.Output> outputs(
      Path out,
      Set<String> planned,
      Set<String> kept,
      Set<String> leftAsIs,
      Optional<BuildState> last)
      throws IOException {
    try {
      return planned.parallelStream()
          .collect(Collectors.toMap(path -> path, path -> output(out, path, kept, leftAsIs, last)));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The size and time of the file at {@code path} now. Files kept from the last build, or left as
   * they were, are as the last build recorded them (this build checked, and holds the folder): only
   * the files written are asked of the disk again, which at 10,000 records spares 80,000 lookups.
   */
  private static BuildState.Output output(
      Path out, String path, Set<String> kept, Set<String> leftAsIs, Optional<BuildState> last) {
    if (last.isPresent() && (kept.contains(path) || leftAsIs.contains(path))) {
      BuildState.Output recorded = last.get().files().get(path);
      if (recorded != null) {
        return recorded;
      }
    }
    try {
      return BuildState.output(out.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
