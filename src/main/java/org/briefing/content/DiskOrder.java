package org.briefing.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Record folders read in the order the file system keeps them (their inode numbers), not by name.
 * On ext4 a folder's files have inodes beside its own, numbered in the order they were made, and
 * the kernel reads the inode table ahead in runs; names are in whatever order editors chose. A git
 * checkout writes files in name order, so there both orders are the same; an archive copied,
 * unpacked or generated in another order is otherwise read from a cold disk as random reads.
 *
 * <p>10,000 generated records, written in another order than their names', on a new ext4 file
 * system with the page cache dropped (launcher, 4 and 5 pairs in turn): a full build read them in
 * 2.3-2.7 s against 3.0-5.0 s by name; one record added took 6.3-8.0 s against 7.1-9.1 s, its look
 * at 30,000 file times taking the inode table in runs as well.
 */
final class DiskOrder {

  private DiskOrder() {}

  /**
   * Where {@code child} is kept when it is a folder (links not followed): its inode number, or 0
   * where the file system has none (Windows: every folder at the same place, read by name). Empty
   * when it is anything else or cannot be looked at. One look at the folder, which the loader needs
   * anyway to tell folders from stray files.
   */
  static Optional<Long> folder(Path child) {
    try {
      if (!child.getFileSystem().supportedFileAttributeViews().contains("unix")) {
        return Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .isDirectory()
            ? Optional.of(0L)
            : Optional.empty();
      }
      Map<String, Object> seen =
          Files.readAttributes(child, "unix:isDirectory,ino", LinkOption.NOFOLLOW_LINKS);
      return Boolean.TRUE.equals(seen.get("isDirectory"))
          ? Optional.of(((Number) seen.get("ino")).longValue())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code read} applied to each of {@code folders} in parallel (in the calling thread's pool), in
   * the order of their {@code places} ({@link #byPlace}), each thread taking runs of folders next
   * to each other on disk; the results in the order of {@code folders}.
   */
  static <T> List<T> each(List<Path> folders, Map<Path, Long> places, Function<Path, T> read) {
    int[] byPlace = byPlace(folders, places);
    Object[] results = new Object[folders.size()];
    IntStream.range(0, byPlace.length)
        .parallel()
        .forEach(n -> results[byPlace[n]] = read.apply(folders.get(byPlace[n])));
    @SuppressWarnings("unchecked")
    List<T> inOrder = (List<T>) Arrays.asList(results);
    return List.copyOf(inOrder);
  }

  /**
   * The positions in {@code folders} in the order of their {@code places}; folders at the same
   * place (or with none) keep their order.
   */
  static int[] byPlace(List<Path> folders, Map<Path, Long> places) {
    return IntStream.range(0, folders.size())
        .boxed()
        .sorted(Comparator.comparingLong(i -> places.getOrDefault(folders.get(i), 0L)))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
