package org.briefing.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each folder of an output folder last changed, as a build saw it. Adding, removing or
 * renaming an entry changes its folder's time, so a folder whose time is still the one recorded
 * holds the entries it held then: a patch need not list it to find the files the new site lacks. At
 * 10,000 records that spares listing 40,000 folders and sorting out their 120,000 names, a second
 * or more of a build that adds one record.
 *
 * <p>A time is trusted only when it was already {@link #SETTLED_MILLIS} old when read. A file
 * system's clock ticks coarsely (every few milliseconds; every two seconds on some), so a change in
 * the same tick as the last one would leave the folder's time as it was; a folder changed just
 * before it was looked at is {@link #UNKNOWN} and listed next time. Git's index treats a file
 * changed in the second it was recorded the same way.
 *
 * <p>Folders are named relative to the output folder, with forward slashes; its top is {@code ""}.
 */
public final class FolderTimes {

  /** The time of a folder to list next time: it changed too recently to be trusted. */
  public static final long UNKNOWN = Long.MIN_VALUE;

  /** How old a folder's time must be when read to be trusted. */
  static final long SETTLED_MILLIS = 2_000;

  private final Map<String, Long> last;
  private final Set<String> lastFiles;
  private final Map<String, Long> seen = new ConcurrentHashMap<>();
  private long lookedAt;

  /**
   * For one patch: it learns the times the patch reads, so each patch needs its own.
   *
   * @param last every folder the last build left, with its time or {@link #UNKNOWN}
   * @param lastFiles every file the last build left
   */
  public FolderTimes(Map<String, Long> last, Set<String> lastFiles) {
    this.last = last;
    this.lastFiles = lastFiles;
  }

  /** For a patch that knows nothing of the last build's folders: it lists every one. */
  public static FolderTimes none() {
    return new FolderTimes(Map.of(), Set.of());
  }

  /**
   * Each folder holding one of {@code files} under {@code out} (the top included) and its time,
   * read now on every core: what a build that wrote the whole folder records.
   */
  public static Map<String, Long> look(Path out, Collection<String> files) throws IOException {
    Set<String> folders = new HashSet<>();
    folders.add("");
    for (String file : files) {
      for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
        if (!folders.add(file.substring(0, slash))) {
          break; // its parents were added with it
        }
      }
    }
    long lookedAt = System.currentTimeMillis();
    Map<String, Long> times = new ConcurrentHashMap<>();
    try {
      folders.parallelStream()
          .forEach(folder -> times.put(folder, settled(time(out.resolve(folder)), lookedAt)));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return times;
  }

  /** {@code time}, or {@link #UNKNOWN} when it was not yet settled at {@code lookedAt}. */
  static long settled(long time, long lookedAt) {
    return time <= lookedAt - SETTLED_MILLIS ? time : UNKNOWN;
  }

  /** The time of the folder at {@code dir}, or {@link #UNKNOWN} when there is no folder there. */
  static long time(Path dir) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attributes.isDirectory() ? attributes.lastModifiedTime().toMillis() : UNKNOWN;
    } catch (NoSuchFileException e) {
      return UNKNOWN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folders the last build left. */
  Set<String> folders() {
    return last.keySet();
  }

  /** The files the last build left. */
  Set<String> lastFiles() {
    return lastFiles;
  }

  /** Starts a look at the folder: the time before any of them is read. */
  void start() {
    lookedAt = System.currentTimeMillis();
  }

  /**
   * Notes that {@code folder}'s time was {@code time} before it was looked into, and tells whether
   * it holds what the last build left there. A time cut to whole seconds (as some archives keep it,
   * and so a cache restored between CI runs) counts as the same.
   */
  boolean unchanged(String folder, long time) {
    seen.put(folder, time);
    Long recorded = last.get(folder);
    return recorded != null
        && recorded != UNKNOWN
        && (recorded == time || recorded / 1000 * 1000 == time);
  }

  /** Notes a folder found and listed that the last build did not leave, and its time. */
  void found(String folder, long time) {
    seen.put(folder, time);
  }

  /**
   * The times to record for the next build: each folder's as it was read before it was looked into,
   * or {@link #UNKNOWN} when it was not yet settled then. A folder the patch then changed has a
   * later time by the next build, which therefore lists it; one the patch made or removed is found,
   * or missed, by listing its parent, changed too.
   */
  public Map<String, Long> next() {
    Map<String, Long> next = new HashMap<>(seen.size() * 2);
    seen.forEach((folder, time) -> next.put(folder, settled(time, lookedAt)));
    return next;
  }
}
