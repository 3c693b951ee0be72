package org.briefing.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Text into a byte stream as UTF-8, gathered into chunks first. Templates write a page as thousands
 * of short pieces; an {@link java.io.OutputStreamWriter} runs its encoder once per piece, where
 * this one copies them into an array and encodes the array in one go. The bytes are the same: a
 * surrogate pair is never split between chunks, and a lone surrogate becomes {@code ?} in both.
 *
 * <p>Pieces are copied with {@link String#getChars}, one block copy, and encoded by a plain loop
 * over the array. A build runs its short-lived code through the client compiler only, which does
 * not reduce the JDK's per-character paths ({@code StringBuilder.append(CharSequence, int, int)},
 * {@code String.getBytes} of Arabic text) to such loops: through them, writing was a tenth of a
 * 10,000-record build.
 *
 * <p>Its buffers are the writing thread's spares ({@link Spare}), until it is closed.
 *
 * <p>Not thread-safe: one writer per file, closed on the thread that opened it.
 */
final class Utf8Writer extends Writer implements ReplacingWriter {

  /** Characters gathered before they are encoded; the sink's stream buffers the bytes again. */
  private static final int CHUNK = 1 << 13;

  /**
   * At most this many characters are copied in at once by {@link #writeReplacing}: after each
   * replaced character the rest of the piece is copied again, so a text made of nothing else costs
   * this many copies a character at most, not a chunk's.
   */
  static final int REPLACING_PIECE = 256;

  static final Spare<char[]> CHARS = new Spare<>(() -> new char[CHUNK]);
  static final Spare<byte[]> BYTES = new Spare<>(() -> new byte[CHUNK * 3]);

  private final OutputStream out;
  private char[] chars = CHARS.lend();
  private byte[] bytes = BYTES.lend(); // at most three bytes a character
  private int length; // characters gathered

  Utf8Writer(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(char[] from, int offset, int count) throws IOException {
    while (count > 0) {
      int n = Math.min(count, room());
      System.arraycopy(from, offset, chars, length, n);
      length += n;
      offset += n;
      count -= n;
    }
  }

  @Override
  public void write(String string, int offset, int count) throws IOException {
    while (count > 0) {
      int n = Math.min(count, room());
      string.getChars(offset, offset + n, chars, length);
      length += n;
      offset += n;
      count -= n;
    }
  }

  /**
   * Copies each piece of {@code text} into the chunk as {@link #write(String, int, int)} does, then
   * looks through the copy: up to the first character to replace, the copy stands; from it on, it
   * is dropped, the replacement written and the rest copied again. Text with nothing to replace,
   * most of it, is copied once and read once, with no copy of its own.
   */
  @Override
  public void writeReplacing(String text, String[] replacements) throws IOException {
    int from = 0;
    int end = text.length();
    while (from < end) {
      int n = Math.min(Math.min(end - from, REPLACING_PIECE), room());
      text.getChars(from, from + n, chars, length);
      int start = length;
      int stop = start + n;
      int i = start;
      while (i < stop && (chars[i] >= replacements.length || replacements[chars[i]] == null)) {
        i++;
      }
      length = i;
      from += i - start;
      if (i < stop) {
        write(replacements[chars[i]]);
        from++;
      }
    }
  }

  @Override
  public void write(String string) throws IOException {
    write(string, 0, string.length());
  }

  @Override
  public void write(int c) throws IOException {
    room();
    chars[length++] = (char) c;
  }

  @Override
  public Writer append(CharSequence text) throws IOException {
    String string = String.valueOf(text);
    write(string, 0, string.length());
    return this;
  }

  /** Writes out all but a trailing half pair, as the JDK's writer does on flush. */
  @Override
  public void flush() throws IOException {
    open();
    drain(whole());
    out.flush();
  }

  /**
   * Writes out everything gathered and gives the buffers back to the thread for its next file. The
   * stream stays open: the sink it belongs to closes it. Closing again does nothing; writing after
   * closing fails.
   */
  @Override
  public void close() throws IOException {
    if (chars == null) {
      return;
    }
    try {
      drain(length);
      out.flush();
    } finally {
      CHARS.giveBack(chars);
      BYTES.giveBack(bytes);
      chars = null;
      bytes = null;
    }
  }

  /** Room for at least one more character, draining the gathered ones when there is none. */
  private int room() throws IOException {
    open();
    if (length == CHUNK) {
      drain(whole());
    }
    return CHUNK - length;
  }

  /** Fails once the writer is closed: its buffers belong to the thread's next file by then. */
  private void open() throws IOException {
    if (chars == null) {
      throw new IOException("writer closed");
    }
  }

  /** The text up to a trailing half pair, which waits for its other half from the next piece. */
  private int whole() {
    return length > 0 && Character.isHighSurrogate(chars[length - 1]) ? length - 1 : length;
  }

  /** Encodes and writes the first {@code end} characters; any after them move to the front. */
  private void drain(int end) throws IOException {
    char[] chars = this.chars;
    byte[] bytes = this.bytes;
    int n = 0;
    int i = 0;
    while (i < end) {
      // Runs of one kind, each in a loop of its own: the markup is ASCII and a language's letters
      // take two bytes (Arabic) or one (English), so most characters stay in the loop they are in.
      char c;
      while (i < end && (c = chars[i]) < 0x80) {
        bytes[n++] = (byte) c;
        i++;
      }
      while (i < end && (c = chars[i]) >= 0x80 && c < 0x800) {
        bytes[n++] = (byte) (0xc0 | c >> 6);
        bytes[n++] = (byte) (0x80 | c & 0x3f);
        i++;
      }
      if (i == end || (c = chars[i]) < 0x800) {
        continue;
      }
      if (!Character.isSurrogate(c)) {
        bytes[n++] = (byte) (0xe0 | c >> 12);
        bytes[n++] = (byte) (0x80 | c >> 6 & 0x3f);
        bytes[n++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(chars[i + 1])) {
        int p = Character.toCodePoint(c, chars[++i]);
        bytes[n++] = (byte) (0xf0 | p >> 18);
        bytes[n++] = (byte) (0x80 | p >> 12 & 0x3f);
        bytes[n++] = (byte) (0x80 | p >> 6 & 0x3f);
        bytes[n++] = (byte) (0x80 | p & 0x3f);
      } else {
        bytes[n++] = '?'; // a lone half, as String#getBytes writes it
      }
      i++;
    }
    if (n > 0) {
      out.write(bytes, 0, n);
    }
    System.arraycopy(chars, end, chars, 0, length - end);
    length -= end;
  }
}
