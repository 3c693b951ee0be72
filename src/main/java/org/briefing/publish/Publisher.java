package org.briefing.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.briefing.files.OutputFile;
import org.briefing.files.OutputSink;

/**
 * The only place that writes the site to disk. The new site is written whole into a temporary
 * folder beside the output folder, then swapped in with two renames, so readers and CI never see a
 * half-written site, and a build that fails before this point leaves the last good site exactly as
 * it was. Files of the old site that the new one lacks are gone with it. A build that keeps most of
 * the last site {@link #patch patches} it in place instead, with the same guarantee for a failure
 * but not for readers of the folder during the commit.
 */
public final class Publisher {

  /** Kept across builds so the folder can stay in git as an empty placeholder. */
  private static final String PLACEHOLDER = ".gitkeep";

  /** Writes the whole site into the sink it is given; the files it writes are the new site. */
  @FunctionalInterface
  public interface SiteWriter {
    void writeAll(OutputSink sink) throws IOException;
  }

  /**
   * Writes {@code files} as the complete content of {@code out}.
   *
   * @throws IOException when the disk refuses; the old site is then restored when possible
   * @throws IllegalArgumentException when a path would leave the output folder or repeats
   */
  public void publish(List<OutputFile> files, Path out) throws IOException {
    publish(
        out,
        sink -> {
          for (OutputFile file : files) {
            sink.write(file.path(), stream -> stream.write(file.content()));
          }
        });
  }

  /**
   * Makes the complete content of {@code out} with {@code site}, which streams the files into a
   * staging folder as they are rendered; they replace the old site only once all are written.
   *
   * @return how many files were written
   * @throws IOException when the disk refuses; the old site is then restored when possible
   * @throws IllegalArgumentException when a path would leave the output folder or repeats
   */
  public int publish(Path out, SiteWriter site) throws IOException {
    return publish(out, site, Set.of());
  }

  /**
   * As {@link #publish(Path, SiteWriter)}, with the files {@code kept} of the current site taken
   * over as they are (linked into the staging folder, or copied where links are not possible) for
   * {@code site} to write the rest. The current site is left untouched until the swap.
   *
   * @return how many files the new site has, kept ones included
   */
  public int publish(Path out, SiteWriter site, Set<String> kept) throws IOException {
    return publish(out, site, kept, Optional.empty(), false);
  }

  /**
   * As {@link #publish(Path, SiteWriter, Set)}, but changing the current site in place instead of
   * swapping in a new folder: {@code kept} stay where they are, untouched, the files {@code site}
   * writes replace theirs one rename each, and the files the new site lacks go (see {@link Patch}).
   * Readers may see old and new files side by side while that happens; when a step fails, the site
   * is left as it was. {@code times} tells which folders are as the last build left them, so need
   * not be listed, and learns their times for the next build.
   *
   * @return how many files the new site has, kept ones included
   */
  public int patch(Path out, SiteWriter site, Set<String> kept, FolderTimes times)
      throws IOException {
    return publish(out, site, kept, Optional.of(times), false);
  }

  /**
   * Writes a whole new site over the current one, which {@code times} describes: as {@link #patch}
   * with nothing kept, {@code site} leaving in place the files it finds the same ({@link
   * OutputSink#keepAsIs}), unless it wrote more files anew than it left. Then the files left are
   * linked into the staging folder and it is swapped in, as {@link #publish(Path, SiteWriter)}
   * does: moving each new file into place (with a link to the old one kept until the commit ends)
   * costs the disk more than one rename and a folder to remove. At 10,000 records, with every file
   * changed (another base address), patching took 75–94 s against 48–69 s for the swap; after a
   * page template's edit, with a quarter of the files changed, 28–39 s against 52–64 s (README,
   * "Benchmark"). {@link #patchedInPlace} tells which was done.
   *
   * @return how many files the new site has
   */
  public int update(Path out, SiteWriter site, FolderTimes times) throws IOException {
    return publish(out, site, Set.of(), Optional.of(times), true);
  }

  /** Whether this publisher's last {@link #update} (or {@link #patch}) patched the folder. */
  public boolean patchedInPlace() {
    return patchedInPlace;
  }

  private volatile boolean patchedInPlace;

  /**
   * Swaps in a new folder when {@code patch} is empty; else patches the old one in place, or when
   * {@code swapIfMostlyNew} and most files were written anew, swaps after all.
   */
  private int publish(
      Path out,
      SiteWriter site,
      Set<String> kept,
      Optional<FolderTimes> patch,
      boolean swapIfMostlyNew)
      throws IOException {
    Path target = out.toAbsolutePath().normalize();
    refuseForeign(target);
    Path parent = target.getParent();
    Files.createDirectories(parent);
    OutputLock held = OutputLock.heldHere(target);
    if (held != null) {
      return publish(held, target, site, kept, patch, swapIfMostlyNew);
    }
    try (OutputLock lock = OutputLock.acquire(target, System.err)) {
      return publish(lock, target, site, kept, patch, swapIfMostlyNew);
    }
  }

  private int publish(
      OutputLock lock,
      Path target,
      SiteWriter site,
      Set<String> kept,
      Optional<FolderTimes> patch,
      boolean swapIfMostlyNew)
      throws IOException {
    Publication run = new Publication(lock);
    ACTIVE.add(run);
    try {
      int files = run.publish(target, site, kept, patch, swapIfMostlyNew);
      patchedInPlace = run.patched;
      return files;
    } finally {
      ACTIVE.remove(run);
    }
  }

  /** Work that reads or writes beside the output folder. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code work} with the lock of the output folder {@code out} held, as publishing holds it,
   * so that another build into the same folder waits for the whole of it: a build that reads the
   * state the last build left beside the output, publishes, and writes its own state must not have
   * another build's swap or state in between. {@link #publish} within it uses the lock held.
   */
  public static <T> T holding(Path out, Work<T> work) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    return OutputLock.holding(target, work);
  }

  private static final AtomicLong SWAPS = new AtomicLong();

  /** How many new sites this process has published (swapped in or patched) so far. */
  public static long swapCount() {
    return SWAPS.get();
  }

  /** The builds of this process now publishing, for {@link #interruptAll}. */
  private static final Set<Publication> ACTIVE = ConcurrentHashMap.newKeySet();

  /**
   * Stops every build of this process now publishing, for the handler of SIGINT and SIGTERM, just
   * before the process exits: waits for the files being written (and for a swap under way) to be
   * complete, keeps any more from being written, removes the staging folders and releases the
   * locks. The build threads are left waiting; the caller ends the process.
   *
   * @return whether a new site had already been swapped in (otherwise the last site is unchanged)
   */
  public static boolean interruptAll() {
    boolean published = false;
    for (Publication run : ACTIVE) {
      published |= run.interrupt();
      ACTIVE.remove(run); // its gate stays shut: a second call must not wait on it
    }
    return published;
  }

  /** The gap, in nanoseconds, between the two renames of this publisher's last swap. */
  public long lastSwapGapNanos() {
    return lastSwapGapNanos;
  }

  private volatile long lastSwapGapNanos;

  /** One build's publishing, which a signal may interrupt at any point. */
  private final class Publication {
    private final OutputLock lock;

    /** Writers and the swap hold it to read; an interruption holds it to write, for good. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

    private volatile Path staging;
    private boolean swapped;
    private boolean patched;

    Publication(OutputLock lock) {
      this.lock = lock;
    }

    int publish(
        Path target,
        SiteWriter site,
        Set<String> kept,
        Optional<FolderTimes> patch,
        boolean swapIfMostlyNew)
        throws IOException {
      gate.readLock().lock();
      try {
        staging = OutputLock.folderBeside(target, OutputLock.NEW);
      } finally {
        gate.readLock().unlock();
      }
      try {
        // A patch that cannot turn into a swap writes its files side by side, never as a tree.
        boolean sideBySide = patch.isPresent() && !swapIfMostlyNew;
        FolderSink sink =
            (sideBySide ? FolderSink.flat(staging, gate) : new FolderSink(staging, gate))
                .over(target, patch.isPresent());
        for (String relative : kept) {
          if (patch.isPresent()) {
            sink.reserve(relative);
          } else {
            sink.keep(relative, FolderSink.inside(target, relative));
          }
        }
        site.writeAll(sink);
        patched = patch.isPresent();
        // An update keeps nothing: the files it left in place are all the new site takes over.
        if (patched && swapIfMostlyNew && sink.count() > 2 * sink.keptAsIs().size()) {
          for (String relative : sink.keptAsIs()) {
            sink.linkIn(relative, FolderSink.inside(target, relative));
          }
          patched = false;
        }
        gate.readLock().lock();
        try {
          if (patched) {
            Set<String> all = new HashSet<>(kept);
            all.addAll(sink.keptAsIs());
            Path backup =
                Patch.commit(
                    target,
                    sideBySide ? sink.staged() : Patch.stagedAsTree(staging),
                    all,
                    PLACEHOLDER,
                    patch.get());
            lock.removeAfterwards(List.of(backup, staging));
          } else {
            if (Files.exists(target.resolve(PLACEHOLDER))) {
              Files.copy(target.resolve(PLACEHOLDER), staging.resolve(PLACEHOLDER));
            }
            swap(staging, target).ifPresent(old -> lock.removeAfterwards(List.of(old)));
          }
          swapped = true;
          SWAPS.incrementAndGet();
        } finally {
          gate.readLock().unlock();
        }
        return sink.count();
      } catch (IOException | RuntimeException e) {
        gate.readLock().lock();
        try {
          deleteTree(staging);
        } finally {
          gate.readLock().unlock();
        }
        throw e;
      }
    }

    boolean interrupt() {
      gate.writeLock().lock(); // never released: the process is about to end
      try {
        if (!swapped && staging != null) {
          deleteTree(staging);
        }
        lock.close();
      } catch (IOException e) {
        System.err.println(
            "could not remove " + staging + ": " + e.getMessage() + "; the next build removes it");
      }
      return swapped;
    }
  }

  /**
   * The output folder is replaced whole, so a mistyped {@code --out} (the content folder, the home
   * folder) would be deleted: only a missing or empty folder, or one holding a site (its {@code
   * index.html}) or the placeholder, is replaced.
   */
  private static void refuseForeign(Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    boolean site =
        Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
            && (Files.exists(target.resolve("index.html"))
                || Files.exists(target.resolve(PLACEHOLDER))
                || isEmpty(target));
    if (!site) {
      throw new IOException(
          target
              + " is not a folder this program built (no index.html or "
              + PLACEHOLDER
              + " in it), so it was not replaced; pass an empty or new folder as --out");
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
  }

  /**
   * Two renames: the old site aside, the new one in its place. Between them the output folder does
   * not exist, for the time one rename takes (measured in {@link #lastSwapGapNanos}; see the
   * README): Java cannot exchange two folders in one step.
   *
   * @return the old site, moved aside, for the caller to remove; empty when there was none
   */
  private Optional<Path> swap(Path staging, Path target) throws IOException {
    if (!Files.exists(target)) {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return Optional.empty();
    }
    Path old = OutputLock.folderBeside(target, OutputLock.OLD);
    Files.delete(old); // only its unique name is wanted
    long start = System.nanoTime();
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      lastSwapGapNanos = System.nanoTime() - start;
    } catch (IOException e) {
      Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    return Optional.of(old);
  }

  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
