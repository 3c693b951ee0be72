package org.briefing.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a whole file into memory, or writes one from it, as {@link
 * java.nio.file.Files#readAllBytes} and {@link java.nio.file.Files#write(Path, byte[],
 * java.nio.file.OpenOption...)} do, but asking the system for at most {@link #CHUNK} bytes at a
 * time. The JDK copies every read into a heap array, and every write from one, through a native
 * buffer as large as the read or write, kept per thread: reading a 15 MB file at once had it make
 * (and zero, page by page) a 15 MB buffer first. The build's memory of the YAML it read, its state
 * and the program's jar are such files; at 10,000 records that buffer held two-thirds of the time
 * spent reading the YAML memory in a build that adds one record.
 */
public final class FileBytes {

  /** The most asked of the system in one read: the size of the native buffer the JDK keeps. */
  static final int CHUNK = 1 << 16;

  /** The largest file an array can hold. */
  private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

  private FileBytes() {}

  /** Every byte of {@code file}, to its end, even when it grew or shrank since it was opened. */
  public static byte[] read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > MAX_BYTES) {
        throw new IOException(file + " is too large to read whole (" + size + " bytes)");
      }
      byte[] bytes = new byte[(int) size];
      int filled = fill(channel, bytes, 0);
      while (filled == bytes.length) {
        // As large as it was when opened: one more byte read tells whether it ends there.
        ByteBuffer next = ByteBuffer.allocate(1);
        if (channel.read(next) < 0) {
          return bytes;
        }
        if (bytes.length == MAX_BYTES) {
          throw new IOException(file + " is too large to read whole");
        }
        bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BYTES, Math.max(16, bytes.length * 2L)));
        bytes[filled] = next.get(0);
        filled = fill(channel, bytes, filled + 1);
      }
      return Arrays.copyOf(bytes, filled); // it shrank since
    }
  }

  /** Writes {@code bytes} as the whole of {@code file}, made or emptied first. */
  public static void write(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int written = 0; written < bytes.length; ) {
        written +=
            channel.write(ByteBuffer.wrap(bytes, written, Math.min(CHUNK, bytes.length - written)));
      }
    }
  }

  /** Reads into {@code bytes} from {@code filled} until it is full or the file ends. */
  private static int fill(FileChannel channel, byte[] bytes, int filled) throws IOException {
    while (filled < bytes.length) {
      int read =
          channel.read(ByteBuffer.wrap(bytes, filled, Math.min(CHUNK, bytes.length - filled)));
      if (read < 0) {
        break;
      }
      filled += read;
    }
    return filled;
  }
}
