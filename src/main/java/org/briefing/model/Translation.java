package org.briefing.model;

/**
 * A record's text in one language.
 *
 * @param body the Markdown body as the editor wrote it; rendering happens in the render stage
 */
public record Translation(Lang lang, String title, String summary, Body body) {

  /** A text whose body is held in memory. */
  public Translation(Lang lang, String title, String summary, String body) {
    this(lang, title, summary, Body.of(body));
  }

  /**
   * A Markdown body. A build that reuses the last one leaves most bodies on disk until a page needs
   * one (most never do): held in memory, the bodies of a 10,000-record archive were some 90 MB of
   * text that the collector copied, and that a build rendering nothing never read.
   */
  public interface Body {

    /** The Markdown as the editor wrote it. */
    String text();

    static Body of(String text) {
      return new InMemory(text);
    }
  }

  /** A body held in memory. */
  public record InMemory(String text) implements Body {}
}
