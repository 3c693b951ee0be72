package org.briefing.files;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file's bytes gathered in the writing thread's spare 64 KiB before they go to {@code out}: most
 * pages reach the disk in one write, as through a {@link java.io.BufferedOutputStream} of that
 * size, without a new buffer for each of the site's files.
 *
 * <p>Not thread-safe: one stream per file, closed on the thread that opened it.
 */
final class FileStream extends OutputStream {

  static final int SIZE = 1 << 16;

  static final Spare<byte[]> BUFFERS = new Spare<>(() -> new byte[SIZE]);

  private final OutputStream out;
  private byte[] buffer = BUFFERS.lend();
  private int count;

  FileStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    if (count == open().length) {
      drain();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (length >= open().length) { // as large as the buffer: straight through
      drain();
      out.write(bytes, offset, length);
      return;
    }
    if (length > buffer.length - count) {
      drain();
    }
    System.arraycopy(bytes, offset, buffer, count, length);
    count += length;
  }

  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  /** Writes what is gathered, closes the file and gives the buffer back; again, does nothing. */
  @Override
  public void close() throws IOException {
    if (buffer == null) {
      return;
    }
    byte[] done = buffer;
    try (out) {
      drain();
    } finally {
      buffer = null;
      BUFFERS.giveBack(done);
    }
  }

  private byte[] open() throws IOException {
    if (buffer == null) {
      throw new IOException("stream closed");
    }
    return buffer;
  }

  private void drain() throws IOException {
    if (count > 0) {
      out.write(buffer, 0, count);
      count = 0;
    }
  }
}
