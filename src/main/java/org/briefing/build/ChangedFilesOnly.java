package org.briefing.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.briefing.files.OutputSink;

/**
 * Writes a file that a reusing build renders again only when its bytes changed. Many such files
 * come out the same: the search shards, which any change to any record might touch, and most of
 * them did not; a neighbour's page whose links did not move. Those named in {@code comparable}
 * (files the last build wrote, still as it left them, small enough to hold in memory) are rendered
 * into memory and compared with the file in the output folder; the same bytes leave the file where
 * it is ({@link OutputSink#keepAsIs}), untouched, and the disk is spared a new file and the old
 * one's removal. A file of another size differs without being read, and one of the same size is
 * read only up to its first difference: after a change that renders every page again, most files
 * differ, and reading each whole cost a 10,000-record build some seconds.
 */
final class ChangedFilesOnly implements OutputSink {

  /** Files larger than this the last time are written without comparing: pages are far smaller. */
  static final long MAX_COMPARED_BYTES = 1 << 20;

  /** How much of a file is read at a time when compared. */
  private static final int PIECE = 8 * 1024;

  private final OutputSink sink;
  private final Path out;
  private final Map<String, Long> comparable;
  private final Set<String> unchanged;

  /**
   * {@code comparable} gives each file to compare and its size in the folder; {@code unchanged}
   * gathers the files that came out as they were and were left in place.
   */
  ChangedFilesOnly(OutputSink sink, Path out, Map<String, Long> comparable, Set<String> unchanged) {
    this.sink = sink;
    this.out = out;
    this.comparable = comparable;
    this.unchanged = unchanged;
  }

  @Override
  public void write(String path, Body body) throws IOException {
    Long size = comparable.get(path);
    if (size == null) {
      sink.write(path, body);
      return;
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    body.writeTo(buffer);
    byte[] bytes = buffer.toByteArray();
    if (bytes.length == size && sameAs(bytes, out.resolve(path))) {
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

  /** Whether {@code file} holds {@code bytes}, read a piece at a time up to a difference. */
  private static boolean sameAs(byte[] bytes, Path file) throws IOException {
    byte[] piece = new byte[PIECE];
    try (InputStream in = Files.newInputStream(file)) {
      int at = 0;
      while (true) {
        int n = in.readNBytes(piece, 0, piece.length);
        if (n == 0) {
          return at == bytes.length;
        }
        if (at + n > bytes.length || !Arrays.equals(piece, 0, n, bytes, at, at + n)) {
          return false; // longer, or different here
        }
        at += n;
      }
    }
  }
}
