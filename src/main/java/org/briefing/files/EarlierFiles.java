package org.briefing.files;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The files the last build left in the output folder, for a build whose only change since is the
 * records {@code added}: a file it renders again may be the last build's with the new records' part
 * added, rather than made from every record. {@code read} gives a file's bytes only while the
 * folder holds it as the last build wrote it (its size and time as recorded); anything else reads
 * as empty, and the file is made afresh.
 */
public record EarlierFiles(Set<String> added, Function<String, Optional<byte[]>> read) {

  /** No earlier files: everything is made afresh. */
  public static EarlierFiles none() {
    return new EarlierFiles(Set.of(), path -> Optional.empty());
  }

  /** The bytes of {@code path} as the last build wrote it, if the folder still holds them. */
  public Optional<byte[]> bytes(String path) {
    return added.isEmpty() ? Optional.empty() : read.apply(path);
  }
}
