package org.briefing.publish;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Publishes a build that kept most of the last site by changing the output folder in place rather
 * than swapping in a whole new one: the files rendered again move from the staging folder to their
 * places, each replacing the old file in one rename; files the new site lacks (a removed record's
 * pages, a file dropped in by hand) are moved aside; folders left empty are removed. Kept files are
 * not touched at all, so a build that renders ten files of 80,000 costs ten renames, not 80,000
 * links and deletions.
 *
 * <p>Every step is recorded as it is done; when one fails, the steps done are undone in reverse
 * order and the folder is byte-identical to what it was. Files moved aside wait in a backup folder
 * named as the swap's old folder ({@code .NAME.old-PID-START-…}), so a build killed mid-way leaves
 * nothing that the next build does not remove.
 */
final class Patch {

  /** Moves one file to a new name, in one step. */
  @FunctionalInterface
  interface Mover {
    void move(Path from, Path to) throws IOException;
  }

  /** A rename: atomic, and replacing the file at {@code to} if there is one. */
  static final Mover RENAME = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);

  /**
   * Movers that replace {@link #RENAME} for the patches of one output folder (absolute and
   * normalized): tests make a commit fail halfway through with them.
   */
  static final Map<Path, Mover> MOVERS = new ConcurrentHashMap<>();

  /** One step done, and how to undo it. */
  @FunctionalInterface
  private interface Undo {
    void run() throws IOException;
  }

  private final Path target;
  private final SortedMap<String, Path> staged;
  private final Set<String> kept;
  private final FolderTimes times;
  private final Mover mover;
  private final Deque<Undo> done = new ArrayDeque<>();
  private final Set<Path> folders = new HashSet<>();
  private Path backup;
  private int aside;

  private Patch(Path target, SortedMap<String, Path> staged, Set<String> kept, FolderTimes times) {
    this.target = target;
    this.staged = staged;
    this.kept = kept;
    this.times = times;
    this.mover = MOVERS.getOrDefault(target, RENAME);
  }

  /**
   * Makes {@code target} hold the files {@code kept} (already there, left as they are) and those
   * {@code staged} (each path in the site, and the file written for it in the staging folder), and
   * nothing else but the placeholder {@code placeholder} at its top. {@code times} says which
   * folders need not be listed, and learns the folders' times for the next patch.
   *
   * @return the backup folder, holding the files replaced or moved aside: the caller removes it,
   *     and the staging folder, now emptied of files
   * @throws IOException when a step fails; the folder is then as it was before
   */
  static Path commit(
      Path target,
      SortedMap<String, Path> staged,
      Set<String> kept,
      String placeholder,
      FolderTimes times)
      throws IOException {
    Patch patch = new Patch(target, staged, kept, times);
    patch.commit(placeholder);
    return patch.backup;
  }

  /** The files written under {@code staging} as the site's tree, each by its path in the site. */
  static SortedMap<String, Path> stagedAsTree(Path staging) throws IOException {
    SortedMap<String, Path> staged = new TreeMap<>();
    for (String relative : relativeFiles(staging)) {
      staged.put(relative, staging.resolve(relative));
    }
    return staged;
  }

  private void commit(String placeholder) throws IOException {
    Set<String> fresh = staged.keySet();
    Queue<Path> strays = new ConcurrentLinkedQueue<>();
    int found;
    try {
      found = scan(fresh, placeholder, strays);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (found != kept.size()) {
      throw new IOException(
          (kept.size() - found)
              + " of the "
              + kept.size()
              + " files to keep are missing from "
              + target
              + "; it was changed while the site was built");
    }
    backup = OutputLock.folderBeside(target, OutputLock.OLD);
    try {
      Set<Path> emptied =
          new TreeSet<>(
              Comparator.comparingInt(Path::getNameCount)
                  .reversed()
                  .thenComparing(Comparator.naturalOrder()));
      for (Path stray : strays) {
        moveAside(stray);
        for (Path dir = stray.getParent(); !dir.equals(target); dir = dir.getParent()) {
          emptied.add(dir);
        }
      }
      // Before the new files come: a folder that a file takes the place of is gone by then, and
      // one that gets new files is made again with them.
      for (Path dir : emptied) {
        removeIfEmpty(dir);
      }
      for (Map.Entry<String, Path> file : staged.entrySet()) {
        moveIn(file.getValue(), target.resolve(file.getKey()));
      }
    } catch (IOException | RuntimeException e) {
      undo(e);
      throw e;
    }
    done.clear();
  }

  /**
   * Counts the kept files and adds to {@code strays} every file the new site lacks. The folders the
   * last build left are looked at first, on every core: one whose time is as recorded holds what
   * that build left there (see {@link FolderTimes}), so its files are known without listing it.
   * Only the others are listed, and the folders found in them that the last build did not leave.
   */
  private int scan(Set<String> fresh, String placeholder, Queue<Path> strays) {
    times.start();
    Set<String> present = ConcurrentHashMap.newKeySet();
    Set<String> same = ConcurrentHashMap.newKeySet();
    Set<String> listed = ConcurrentHashMap.newKeySet();
    times.folders().parallelStream()
        .forEach(
            folder -> {
              long time = FolderTimes.time(target.resolve(folder));
              if (time != FolderTimes.UNKNOWN) { // else gone, and its parent was changed
                present.add(folder);
                (times.unchanged(folder, time) ? same : listed).add(folder);
              }
            });
    if (!present.contains("")) { // nothing known: everything is listed from the top
      times.found("", FolderTimes.time(target));
      listed.add("");
    }
    int found =
        times.lastFiles().parallelStream()
            .filter(file -> same.contains(parent(file)))
            .mapToInt(
                file -> {
                  if (kept.contains(file)) {
                    return 1;
                  }
                  stray(file, fresh, placeholder, strays);
                  return 0;
                })
            .sum();
    return found
        + listed.parallelStream()
            .mapToInt(folder -> list(folder, present, fresh, placeholder, strays))
            .sum();
  }

  /** Adds a file that is not kept to {@code strays} when the new site lacks it. */
  private void stray(String file, Set<String> fresh, String placeholder, Queue<Path> strays) {
    if (!fresh.contains(file) && !file.equals(placeholder)) {
      strays.add(target.resolve(file));
    }
  }

  /**
   * Lists {@code folder}, counting its kept files and sorting out its other entries: a folder that
   * is looked at on its own ({@code known}) is left to that, another one is listed too, on every
   * core. Listed with {@link File#list}, which asks the kernel half as many times as a directory
   * stream.
   */
  private int list(
      String folder, Set<String> known, Set<String> fresh, String placeholder, Queue<Path> strays) {
    Path dir = target.resolve(folder);
    String[] names = dir.toFile().list();
    if (names == null) {
      throw new UncheckedIOException(new IOException(dir + " could not be listed"));
    }
    String prefix = folder.isEmpty() ? "" : folder + "/";
    int found = 0;
    List<String> below = new ArrayList<>();
    for (String name : names) {
      String relative = prefix + name;
      if (kept.contains(relative)) {
        found++;
      } else if (!known.contains(relative)) {
        long time = FolderTimes.time(dir.resolve(name));
        if (time != FolderTimes.UNKNOWN) {
          times.found(relative, time); // read before it is listed
          below.add(relative);
        } else {
          stray(relative, fresh, placeholder, strays);
        }
      }
    }
    return found
        + below.parallelStream()
            .mapToInt(sub -> list(sub, known, fresh, placeholder, strays))
            .sum();
  }

  private static String parent(String file) {
    int slash = file.lastIndexOf('/');
    return slash == -1 ? "" : file.substring(0, slash);
  }

  /** Moves a file the new site lacks into the backup folder. */
  private void moveAside(Path file) throws IOException {
    Path saved = backup.resolve(Integer.toString(aside++));
    mover.move(file, saved);
    done.push(() -> Files.move(saved, file, StandardCopyOption.ATOMIC_MOVE));
  }

  /**
   * Moves a staged file to its place. An old file there is linked into the backup folder first and
   * then replaced by the rename, so it is never missing; where links are not possible (or what is
   * there is a folder, which a file of the last site emptied, or one made by hand), it is moved
   * aside first.
   */
  private void moveIn(Path staged, Path place) throws IOException {
    createFolders(place.getParent());
    if (!Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
      mover.move(staged, place);
      done.push(() -> Files.delete(place));
      return;
    }
    Path saved = backup.resolve(Integer.toString(aside++));
    try {
      Files.createLink(saved, place);
    } catch (UnsupportedOperationException | IOException e) {
      moveAside(place);
      mover.move(staged, place);
      done.push(() -> Files.delete(place));
      return;
    }
    mover.move(staged, place);
    done.push(() -> Files.move(saved, place, StandardCopyOption.ATOMIC_MOVE));
  }

  private void createFolders(Path dir) throws IOException {
    if (folders.contains(dir) || dir.equals(target)) {
      return;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      createFolders(dir.getParent());
      Files.createDirectory(dir);
      done.push(() -> Files.delete(dir));
    }
    folders.add(dir);
  }

  private void removeIfEmpty(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return; // gone already
    }
    try (var entries = Files.newDirectoryStream(dir)) {
      if (entries.iterator().hasNext()) {
        return;
      }
    }
    Files.delete(dir);
    done.push(() -> Files.createDirectory(dir));
  }

  /**
   * Undoes the steps done, last first. When an undo fails too, the backup folder is left (with the
   * files it holds) and the failure is added to {@code cause}.
   */
  private void undo(Exception cause) {
    boolean whole = true;
    while (!done.isEmpty()) {
      try {
        done.pop().run();
      } catch (IOException | RuntimeException e) {
        whole = false;
        cause.addSuppressed(e);
      }
    }
    if (whole) {
      try {
        Publisher.deleteTree(backup);
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /** The regular files under {@code root}, as relative paths with forward slashes, sorted. */
  private static List<String> relativeFiles(Path root) throws IOException {
    List<String> files = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            files.add(relative(root, file));
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(Comparator.naturalOrder());
    return files;
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(File.separatorChar, '/');
  }
}
