package org.briefing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File handling the tests share. */
public final class TestFiles {

  private TestFiles() {}

  /**
   * Copies the folder {@code from}, everything in it included, to {@code to} (which must not exist
   * yet); returns {@code to}. Tests that change content or templates change such a copy.
   */
  public static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path source : tree.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }

  /**
   * Sets the time of every file, then every folder, under {@code root} an hour back, as a clone's
   * files are by the time of the next build: times that old are trusted (see {@code
   * UnchangedRecords}). Returns the time set.
   */
  public static FileTime settle(Path root) throws IOException {
    FileTime hourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
    List<Path> all;
    try (Stream<Path> walk = Files.walk(root)) {
      all = walk.sorted(Comparator.reverseOrder()).toList(); // files before their folders
    }
    for (Path path : all) {
      Files.setLastModifiedTime(path, hourAgo);
    }
    return hourAgo;
  }

  /**
   * Removes {@code folder}, everything in it included, when the test JVM exits: for a site built
   * once and shared by several test classes, which no {@code @TempDir} outlives. Each test run
   * would otherwise leave its sites behind in the system's temporary folder.
   */
  public static void deleteOnExit(Path folder) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                  } catch (IOException e) {
                    System.err.println("could not remove the test folder " + folder + ": " + e);
                  }
                }));
  }
}
