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
  private final Path staging;
  private final Set<String> kept;
  private final Mover mover;
  private final Deque<Undo> done = new ArrayDeque<>();
  private final Set<Path> folders = new HashSet<>();
  private Path backup;
  private int aside;

  private Patch(Path target, Path staging, Set<String> kept) {
    this.target = target;
    this.staging = staging;
    this.kept = kept;
    this.mover = MOVERS.getOrDefault(target, RENAME);
  }

  /**
   * Makes {@code target} hold the files {@code kept} (already there, left as they are) and those
   * written under {@code staging}, and nothing else but the placeholder {@code placeholder} at its
   * top. The staging folder is deleted when this succeeds.
   *
   * @throws IOException when a step fails; the folder is then as it was before
   */
  static void commit(Path target, Path staging, Set<String> kept, String placeholder)
      throws IOException {
    new Patch(target, staging, kept).commit(placeholder);
  }

  private void commit(String placeholder) throws IOException {
    List<String> staged = relativeFiles(staging);
    Set<String> fresh = new HashSet<>(staged);
    Set<String> folders = new HashSet<>();
    for (Set<String> files : List.of(kept, fresh)) {
      for (String file : files) {
        for (int slash = file.lastIndexOf('/');
            slash > 0;
            slash = file.lastIndexOf('/', slash - 1)) {
          if (!folders.add(file.substring(0, slash))) {
            break; // its parents were added with it
          }
        }
      }
    }
    Queue<Path> strays = new ConcurrentLinkedQueue<>();
    int found = scan(target, "", folders, fresh, placeholder, strays);
    if (found != kept.size()) {
      throw new IOException(
          (kept.size() - found)
              + " of the "
              + kept.size()
              + " files to keep are missing from "
              + target
              + "; it was changed while the site was built");
    }
    backup =
        Files.createTempDirectory(
            target.getParent(),
            "." + target.getFileName() + OutputLock.OLD + OutputLock.owner() + "-");
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
      for (String relative : staged) {
        moveIn(staging.resolve(relative), target.resolve(relative));
      }
    } catch (IOException | RuntimeException e) {
      undo(e);
      throw e;
    }
    done.clear();
    try {
      Publisher.deleteTree(backup);
      Publisher.deleteTree(staging);
    } catch (IOException e) {
      // The new site is in place: a failure now must not undo it, nor say the build failed.
      System.err.println(
          "note: could not remove " + e.getMessage() + "; the next build into the folder does");
    }
  }

  /**
   * Counts the kept files under {@code dir} and adds to {@code strays} every file the new site
   * lacks. Entries are told apart by name, without asking the disk about each: a name that is a
   * kept file's is that file (the build checked each is as it left it) and a folder holding kept or
   * staged files is a folder. Only other entries are looked at: a file where a staged one goes, a
   * file dropped in by hand, a removed record's folder. At 10,000 records that spares some 80,000
   * lookups of a walk that asks about every entry.
   *
   * <p>Folders are listed with {@link File#list}, which asks the kernel half as many times as a
   * directory stream, and sub-folders on every core: at 10,000 records the 40,000 folders took a
   * second and a half listed one after another, each listing waiting on the kernel.
   */
  private int scan(
      Path dir,
      String prefix,
      Set<String> folders,
      Set<String> fresh,
      String placeholder,
      Queue<Path> strays)
      throws IOException {
    String[] names = dir.toFile().list();
    if (names == null) {
      throw new IOException(dir + " could not be listed");
    }
    int found = 0;
    List<String> below = new ArrayList<>();
    for (String name : names) {
      String relative = prefix + name;
      if (kept.contains(relative)) {
        found++;
      } else if (folders.contains(relative)
          || Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        below.add(name);
      } else if (!fresh.contains(relative) && !relative.equals(placeholder)) {
        strays.add(dir.resolve(name));
      }
    }
    try {
      return found
          + below.parallelStream()
              .mapToInt(
                  name -> {
                    try {
                      return scan(
                          dir.resolve(name),
                          prefix + name + "/",
                          folders,
                          fresh,
                          placeholder,
                          strays);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .sum();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
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
