package org.briefing.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

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
  private final Map<String, FileChannel> open = new ConcurrentHashMap<>();

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
    for (FileChannel channel : open.values()) {
      channel.close();
    }
    open.clear();
  }

  private FileChannel channel(String file) throws IOException {
    try {
      return open.computeIfAbsent(
          file,
          f -> {
            try {
              return FileChannel.open(lastSite.resolve(f));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Writes the record {@code id}'s part of {@code file}: the last build's, or {@code made}'s. */
  public void write(String file, String id, Counting out, java.util.function.Supplier<byte[]> made)
      throws IOException {
    byte[] bytes = earlier(file, id).orElseGet(made);
    now.computeIfAbsent(file, f -> new ConcurrentHashMap<>())
        .put(id, new Piece(out.count, bytes.length));
    out.write(bytes, 0, bytes.length);
  }

  private Optional<byte[]> earlier(String file, String id) {
    Piece piece = unchanged.contains(id) ? earlier.getOrDefault(file, Map.of()).get(id) : null;
    if (piece == null) {
      return Optional.empty();
    }
    try {
      FileChannel channel = channel(file);
      ByteBuffer buffer = ByteBuffer.allocate(piece.length());
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, piece.offset() + buffer.position()) < 0) {
          return Optional.empty();
        }
      }
      return Optional.of(buffer.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
