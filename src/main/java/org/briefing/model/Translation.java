package org.briefing.model;

/**
 * A record's text in one language.
 *
 * @param body the Markdown body as the editor wrote it; rendering happens in the render stage
 */
public record Translation(Lang lang, String title, String summary, String body) {}
