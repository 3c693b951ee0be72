package org.briefing.files;

import java.util.Optional;

/**
 * A file of the site, planned but not yet made: where it goes (relative, {@code /}-separated) and
 * how to write it. Pages, feeds, exports and assets are all planned this way, then made into an
 * {@link OutputSink} as they are rendered.
 *
 * @param source the file of the templates folder it is made from, beside the content and the
 *     strings: a page's template, an asset's original; none for the files the program writes on its
 *     own (feeds, exports, citations, the search index)
 */
public record PlannedFile(String path, OutputSink.Body body, Optional<String> source) {

  /** A file made from no file of the templates folder. */
  public PlannedFile(String path, OutputSink.Body body) {
    this(path, body, Optional.empty());
  }
}
