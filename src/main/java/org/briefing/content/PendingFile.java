package org.briefing.content;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** What a build read, written beside the file it is to replace. */
public final class PendingFile implements Closeable {
  private final Path file;
  private final Path temporary;
  private final Path created;
  private boolean kept;

  PendingFile(Path file, Path temporary, Path created) {
    this.file = file;
    this.temporary = temporary;
    this.created = created;
  }

  /** Puts it in place of the last build's, in one step. */
  public void keep() throws IOException {
    if (temporary == null) {
      return; // nothing new to keep
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    kept = true;
  }

  /** Unless kept, removes it, and the folder it made for it when that is empty. */
  @Override
  public void close() throws IOException {
    if (kept || temporary == null) {
      return;
    }
    Files.deleteIfExists(temporary);
    if (created != null) {
      try {
        Files.deleteIfExists(created);
      } catch (DirectoryNotEmptyException e) {
        // something else keeps it now
      }
    }
  }
}
