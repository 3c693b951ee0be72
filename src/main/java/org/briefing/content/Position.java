package org.briefing.content;

import java.nio.file.Path;

/** Where a value was written: file, 1-based line and column (0 when not known). */
public record Position(Path file, int line, int column) {

  public static Position startOf(Path file) {
    return new Position(file, 0, 0);
  }
}
