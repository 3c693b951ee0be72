package org.briefing.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Where rendered files go as they are made: the publish stage's staging folder, the preview's
 * folder, or memory in tests. Pages are streamed into it one by one, so a build never holds the
 * whole site in memory. Implementations are called from several threads at once.
 */
public interface OutputSink {

  /** Makes the file at {@code path} (relative, {@code /}-separated) from {@code body}. */
  void write(String path, Body body) throws IOException;

  /**
   * Leaves the file at {@code path} of the site being replaced as it is, instead of writing it: for
   * a build that found it would write the very same bytes. Only a sink publishing over an earlier
   * site can.
   *
   * @throws UnsupportedOperationException when there is no earlier site to keep the file from
   */
  default void keepAsIs(String path) throws IOException {
    throw new UnsupportedOperationException("no earlier site to keep " + path + " from");
  }

  /**
   * A writer of UTF-8 text into {@code out}; close it when done, which writes out the text but
   * leaves {@code out} open for the sink to close. Unmappable text cannot occur: Java strings
   * always encode to UTF-8 (lone surrogates become {@code ?}, as {@link String#getBytes} makes
   * them).
   */
  static Writer utf8(OutputStream out) {
    return new Utf8Writer(out);
  }

  /**
   * A buffered stream into {@code file}, for a sink's file: closing it closes {@code file}. Its
   * buffer is the thread's, reused from file to file.
   */
  static OutputStream buffered(OutputStream file) {
    return new FileStream(file);
  }

  /** Writes a file's bytes; the stream is buffered and closed by the sink. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
