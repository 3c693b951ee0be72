package org.briefing.build;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the state of an output folder is kept: beside it, never inside it, so that publishing the
 * folder never publishes the state. Small on purpose: the first run of {@code java -jar} asks it
 * whether a build will reuse the last one, before any of the build's own classes are loaded.
 */
public final class StateFolder {

  /** The manifest of the last build's outputs (see {@link StateManifest}). */
  static final String MANIFEST = "manifest.bin";

  private StateFolder() {}

  /** Where the state of the output folder {@code out} is kept. */
  static Path of(Path out) {
    Path target = out.toAbsolutePath().normalize();
    // Joined without +, which the first run of java -jar would pay for (see Relaunch).
    return target.resolveSibling(".".concat(target.getFileName().toString()).concat(".state"));
  }

  /**
   * Whether {@code out}'s last build left its manifest, so that a build into it may reuse that
   * build: only looked for, not read.
   */
  public static boolean holdsManifest(Path out) {
    return Files.isRegularFile(of(out).resolve(MANIFEST));
  }
}
