package org.briefing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
