package org.briefing.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.briefing.render.OutputFile;

/**
 * The only place that writes the site to disk. The new site is written whole into a temporary
 * folder beside the output folder, then swapped in with two renames, so readers and CI never
 * see a half-written site, and a build that fails before this point leaves the last good site
 * exactly as it was. Files of the old site that the new one lacks are gone with it.
 */
public final class Publisher {

  /** Kept across builds so the folder can stay in git as an empty placeholder. */
  private static final String PLACEHOLDER = ".gitkeep";

  /**
   * Writes {@code files} as the complete content of {@code out}.
   *
   * @throws IOException when the disk refuses; the old site is then restored when possible
   * @throws IllegalArgumentException when a path would leave the output folder or repeats
   */
  public void publish(List<OutputFile> files, Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
    try {
      writeAll(files, staging);
      if (Files.exists(target.resolve(PLACEHOLDER))) {
        Files.copy(target.resolve(PLACEHOLDER), staging.resolve(PLACEHOLDER));
      }
      swap(staging, target);
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
  }

  private static void writeAll(List<OutputFile> files, Path staging) throws IOException {
    Set<String> seen = new HashSet<>();
    for (OutputFile file : files) {
      Path path = staging.resolve(file.path()).normalize();
      if (!path.startsWith(staging) || path.equals(staging)) {
        throw new IllegalArgumentException("output path leaves the output folder: " + file.path());
      }
      if (!seen.add(file.path())) {
        throw new IllegalArgumentException("two pages would be written to " + file.path());
      }
      Files.createDirectories(path.getParent());
      Files.write(path, file.content());
    }
  }

  private static void swap(Path staging, Path target) throws IOException {
    if (!Files.exists(target)) {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
    Files.delete(old); // only its unique name is wanted
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    deleteTree(old);
  }

  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
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
