package org.briefing.files;

import java.io.IOException;

/**
 * A writer that can copy text in with some of its characters replaced, in one pass: the pages'
 * writer, for the escaping of every value a page shows.
 */
public interface ReplacingWriter {

  /**
   * Writes {@code text} with each character {@code c} below {@code replacements.length} for which
   * {@code replacements[c]} is not null written as that string instead.
   */
  void writeReplacing(String text, String[] replacements) throws IOException;
}
