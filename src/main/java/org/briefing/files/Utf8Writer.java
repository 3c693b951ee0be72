package org.briefing.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Text into a byte stream as UTF-8, gathered into chunks first. Templates write a page as thousands
 * of short pieces; an {@link java.io.OutputStreamWriter} runs its encoder once per piece, where
 * this one appends them to a buffer and encodes the buffer in one go. The bytes are the same: a
 * surrogate pair is never split between chunks, and a lone surrogate becomes {@code ?} in both.
 *
 * <p>Not thread-safe: one writer per file.
 */
final class Utf8Writer extends Writer {

  /** Chunks of this many characters at most (pages are smaller; sitemaps are not). */
  private static final int CHUNK = 1 << 16;

  private final OutputStream out;
  private final StringBuilder text = new StringBuilder(CHUNK / 4);

  Utf8Writer(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    text.append(chars, offset, length);
    drainIfFull();
  }

  @Override
  public void write(String string, int offset, int length) throws IOException {
    text.append(string, offset, offset + length);
    drainIfFull();
  }

  @Override
  public void write(int c) throws IOException {
    text.append((char) c);
    drainIfFull();
  }

  @Override
  public Writer append(CharSequence chars) throws IOException {
    text.append(chars);
    drainIfFull();
    return this;
  }

  /** Writes out all but a trailing half pair, as the JDK's writer does on flush. */
  @Override
  public void flush() throws IOException {
    drain(whole());
    out.flush();
  }

  @Override
  public void close() throws IOException {
    drain(text.length());
    out.close();
  }

  private void drainIfFull() throws IOException {
    if (text.length() >= CHUNK) {
      drain(whole());
    }
  }

  /** The text up to a trailing half pair, which waits for its other half from the next piece. */
  private int whole() {
    int end = text.length();
    return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
  }

  private void drain(int end) throws IOException {
    if (end > 0) {
      out.write(text.substring(0, end).getBytes(StandardCharsets.UTF_8));
      text.delete(0, end);
    }
  }
}
