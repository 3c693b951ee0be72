package org.briefing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
