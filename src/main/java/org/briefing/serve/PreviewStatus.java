package org.briefing.serve;

import java.util.List;

/**
 * What the preview shows.
 *
 * @param version how many builds have succeeded; the page reloads when it changes
 * @param problems the last build's problems, one line each; empty when it succeeded
 */
public record PreviewStatus(int version, List<String> problems) {}
