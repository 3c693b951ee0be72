package org.briefing.files;

/**
 * A file of the site, planned but not yet made: where it goes (relative, {@code /}-separated) and
 * how to write it. Pages, feeds, exports and assets are all planned this way, then made into an
 * {@link OutputSink} as they are rendered.
 */
public record PlannedFile(String path, OutputSink.Body body) {}
