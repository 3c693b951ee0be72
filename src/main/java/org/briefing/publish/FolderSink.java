package org.briefing.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.briefing.files.OutputSink;

/**
 * Writes files into a folder, from several threads at once: each path once only, inside the folder
 * only, never over an existing file. The files go into the folder as the site's tree, or, for a
 * patch, side by side under names of their own ({@link #flat}).
 */
final class FolderSink implements OutputSink {

  private final Path root;
  private final ReentrantReadWriteLock gate;

  /**
   * The files written, each path with the file it went to, when they go side by side; else null.
   */
  private final Map<String, Path> flat;

  private final AtomicInteger names = new AtomicInteger();

  /** Paths claimed, as given: a path {@link #inside} accepts has one spelling only. */
  private final Set<String> written = ConcurrentHashMap.newKeySet();

  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final Set<String> keptAsIs = ConcurrentHashMap.newKeySet();
  private Path current; // the site this one replaces, if {@link #keepAsIs} may keep its files
  private boolean inPlace;

  FolderSink(Path root) {
    this(root, new ReentrantReadWriteLock());
  }

  /** Writes only while it can hold {@code gate} to read; an interrupted build never can. */
  FolderSink(Path root, ReentrantReadWriteLock gate) {
    this(root, gate, null);
  }

  private FolderSink(Path root, ReentrantReadWriteLock gate, Map<String, Path> flat) {
    this.root = root;
    this.gate = gate;
    this.flat = flat;
    folders.add(root);
  }

  /**
   * A sink that writes each file straight into {@code root}, under a number of its own ({@link
   * #staged} says which), for a patch to move into place: it makes no folders. Each folder made
   * costs the disk a new entry, and then its removal once the patch has emptied it; after a page
   * template's edit at 10,000 records, the record pages alone would need 20,000 of them. Such a
   * sink cannot take files over from another site.
   */
  static FolderSink flat(Path root, ReentrantReadWriteLock gate) {
    return new FolderSink(root, gate, new ConcurrentHashMap<>());
  }

  /** The files written side by side, each by its path in the site ({@link #flat} sinks only). */
  SortedMap<String, Path> staged() {
    if (flat == null) {
      throw new IllegalStateException("files written as the site's tree are found by walking it");
    }
    return new TreeMap<>(flat);
  }

  @Override
  public void write(String relative, Body body) throws IOException {
    Path path = claim(relative);
    if (flat != null) {
      path = root.resolve(Integer.toString(names.getAndIncrement()));
      flat.put(relative, path);
    }
    gate.readLock().lock();
    try {
      createParent(path);
      try (OutputStream out =
          OutputSink.buffered(
              Files.newOutputStream(
                  path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
        body.writeTo(out);
      }
    } finally {
      gate.readLock().unlock();
    }
  }

  /** Takes {@code existing} over as the file {@code relative}, a link to it where possible. */
  void keep(String relative, Path existing) throws IOException {
    link(claim(relative), existing);
  }

  /**
   * Links {@code existing} in as the file {@code relative}, already claimed ({@link #reserve},
   * {@link #keepAsIs}) for a file left in the current site, which is now to be swapped out.
   */
  void linkIn(String relative, Path existing) throws IOException {
    link(inside(root, relative), existing);
  }

  private void link(Path path, Path existing) throws IOException {
    if (flat != null) {
      throw new IllegalStateException("files side by side are written, not taken over");
    }
    gate.readLock().lock();
    try {
      createParent(path);
      try {
        Files.createLink(path, existing);
      } catch (UnsupportedOperationException | IOException e) {
        Files.copy(existing, path);
      }
    } finally {
      gate.readLock().unlock();
    }
  }

  private Path claim(String relative) {
    Path path = inside(root, relative);
    if (!written.add(relative)) {
      throw new IllegalArgumentException("two files would be written to " + relative);
    }
    return path;
  }

  private void createParent(Path path) throws IOException {
    if (!folders.contains(path.getParent())) {
      Files.createDirectories(path.getParent());
      folders.add(path.getParent());
    }
  }

  int count() {
    return written.size();
  }

  /**
   * Lets {@link #keepAsIs} keep files of the site at {@code current}: left where they are when
   * {@code inPlace} (a patch), else linked in as {@link #keep} does.
   */
  FolderSink over(Path current, boolean inPlace) {
    this.current = current;
    this.inPlace = inPlace;
    return this;
  }

  @Override
  public void keepAsIs(String relative) throws IOException {
    if (current == null) {
      OutputSink.super.keepAsIs(relative);
    } else if (inPlace) {
      claim(relative);
      keptAsIs.add(relative);
    } else {
      keep(relative, inside(current, relative));
    }
  }

  /** The files {@link #keepAsIs} left in place. */
  Set<String> keptAsIs() {
    return keptAsIs;
  }

  /**
   * Claims {@code relative} for a file of the current site that stays where it is, so that nothing
   * is written over it and it is counted.
   */
  void reserve(String relative) {
    // Not resolved into a path: the patch keeps 80,000 of them at 10,000 records, each one a
    // file of the current site that the patch finds in place or refuses.
    if (!written.add(relative)) {
      throw new IllegalArgumentException("two files would be written to " + relative);
    }
  }

  /**
   * Where {@code relative} goes under {@code staging}. Only plain relative paths are taken: forward
   * slashes between non-empty names, none of them {@code .} or {@code ..}, no backslash, no NUL,
   * nothing absolute. Ids and keys in paths are validated long before, so anything else is a bug,
   * refused before it can write outside the output folder.
   */
  static Path inside(Path staging, String relative) {
    boolean plain =
        !relative.isEmpty()
            && relative.indexOf('\\') < 0
            && relative.indexOf('\0') < 0
            && !relative.startsWith("/");
    for (String name : relative.split("/", -1)) {
      plain &= !name.isEmpty() && !name.equals(".") && !name.equals("..");
    }
    Path path = plain ? staging.resolve(relative).normalize() : staging;
    if (!plain
        || !path.startsWith(staging)
        || path.equals(staging)
        || Path.of(relative).isAbsolute()) {
      throw new IllegalArgumentException(
          "output path leaves the output folder or is not a"
              + " plain relative path: \""
              + relative
              + "\"");
    }
    return path;
  }
}
