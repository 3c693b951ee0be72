package org.briefing.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where each record's part of the files that carry every record (the data exports, the search
 * records) lies in those files, so that a build reusing the last one copies the parts of the
 * records that did not change from the last build's files instead of making them again.
 * Thread-safe: each file is written by one thread, different files by several.
 */
public final class RecordPieces {

  /** Where a record's part lies in its file. */
  public record Piece(long offset, int length) {}

  private final Path lastSite;
  private final Map<String, Map<String, Piece>> earlier;
  private final Set<String> unchanged;
  private final Map<String, Map<String, Piece>> now = new ConcurrentHashMap<>();
  private final Map<String, Window> open = new ConcurrentHashMap<>();

  /**
   * @param lastSite the last build's output folder, still in place while this one renders
   * @param earlier the pieces of its files, by file and record id; only files that are still as the
   *     last build wrote them
   * @param unchanged the records whose files did not change since
   */
  public RecordPieces(
      Path lastSite, Map<String, Map<String, Piece>> earlier, Set<String> unchanged) {
    this.lastSite = lastSite;
    this.earlier = earlier;
    this.unchanged = unchanged;
  }

  /** Nothing to reuse: a build that only notes where the pieces go. */
  public static RecordPieces none() {
    return new RecordPieces(Path.of("."), Map.of(), Set.of());
  }

  /** The pieces written by this build, by file and record id. */
  public Map<String, Map<String, Piece>> written() {
    Map<String, Map<String, Piece>> sorted = new TreeMap<>();
    now.forEach((file, pieces) -> sorted.put(file, new TreeMap<>(pieces)));
    return sorted;
  }

  /** Counts what is written through it, so that each piece knows where it lies. */
  public static final class Counting extends FilterOutputStream {
    private long count;

    public Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** Closes the last build's files it read from. */
  public void close() throws IOException {
    for (Window window : open.values()) {
      window.channel.close();
    }
    open.clear();
  }

  private Window window(String file) throws IOException {
    try {
      return open.computeIfAbsent(
          file,
          f -> {
            try {
              return new Window(FileChannel.open(lastSite.resolve(f)));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Writes the record {@code id}'s part of {@code file}: the last build's, or {@code made}'s. */
  public void write(String file, String id, Counting out, Supplier<byte[]> made)
      throws IOException {
    long at = out.count;
    Piece piece = unchanged.contains(id) ? earlier.getOrDefault(file, Map.of()).get(id) : null;
    int length;
    if (piece != null && window(file).copy(piece, out)) {
      length = piece.length();
    } else {
      byte[] bytes = made.get();
      out.write(bytes, 0, bytes.length);
      length = bytes.length;
    }
    now.computeIfAbsent(file, f -> new ConcurrentHashMap<>()).put(id, new Piece(at, length));
  }

  /**
   * A stretch of one of the last build's files, read ahead: the pieces of a file are asked for in
   * the order they lie in it, so one read of a megabyte serves a hundred of them, where reading
   * each on its own took 40,000 calls into the kernel at 10,000 records.
   */
  private static final class Window {
    private static final int SIZE = 1 << 20;

    final FileChannel channel;
    private byte[] bytes = new byte[0];
    private long start;
    private int size;

    Window(FileChannel channel) {
      this.channel = channel;
    }

    /**
     * Copies {@code piece} to {@code out}; false, with nothing written, when the file ends before
     * the piece does.
     */
    synchronized boolean copy(Piece piece, OutputStream out) throws IOException {
      long end = piece.offset() + piece.length();
      if (piece.offset() < start || end > start + size) {
        fill(piece.offset(), Math.max(SIZE, piece.length()));
        if (end > start + size) {
          return false;
        }
      }
      out.write(bytes, (int) (piece.offset() - start), piece.length());
      return true;
    }

    private void fill(long from, int length) throws IOException {
      if (bytes.length < length) {
        bytes = new byte[length];
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
      while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
        // until full or at the end of the file
      }
      start = from;
      size = buffer.position();
    }
  }
}
