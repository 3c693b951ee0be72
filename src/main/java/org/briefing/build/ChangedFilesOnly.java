package org.briefing.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.briefing.files.OutputSink;

/**
 * Writes a file that a reusing build renders again only when its bytes changed. Many such files
 * come out the same: the search shards, which any change to any record might touch, and most of
 * them did not; a neighbour's page whose links did not move. Those named in {@code comparable}
 * (files the last build wrote, still as it left them, small enough to hold in memory) are rendered
 * into memory and compared with the file in the output folder; the same bytes leave the file where
 * it is ({@link OutputSink#keepAsIs}), untouched, and the disk is spared a new file and the old
 * one's removal.
 */
final class ChangedFilesOnly implements OutputSink {

  /** Files larger than this the last time are written without comparing: pages are far smaller. */
  static final long MAX_COMPARED_BYTES = 1 << 20;

  private final OutputSink sink;
  private final Path out;
  private final Set<String> comparable;
  private final Set<String> unchanged;

  /** {@code unchanged} gathers the files that came out as they were and were left in place. */
  ChangedFilesOnly(OutputSink sink, Path out, Set<String> comparable, Set<String> unchanged) {
    this.sink = sink;
    this.out = out;
    this.comparable = comparable;
    this.unchanged = unchanged;
  }

  @Override
  public void write(String path, Body body) throws IOException {
    if (!comparable.contains(path)) {
      sink.write(path, body);
      return;
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    body.writeTo(buffer);
    byte[] bytes = buffer.toByteArray();
    if (sameAs(bytes, out.resolve(path))) {
      sink.keepAsIs(path);
      unchanged.add(path);
    } else {
      sink.write(path, stream -> stream.write(bytes));
    }
  }

  @Override
  public void keepAsIs(String path) throws IOException {
    sink.keepAsIs(path);
  }

  private static boolean sameAs(byte[] bytes, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] old = in.readNBytes(bytes.length + 1); // one more: a longer file is not the same
      return Arrays.equals(bytes, old);
    }
  }
}
