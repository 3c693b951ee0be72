package org.briefing.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import java.io.IOException;
import java.io.Writer;
import org.briefing.files.ReplacingWriter;

/**
 * Freemarker's HTML output format with its escaping done over a copy of the text's characters: the
 * same five characters become the same entities ({@code &lt; &gt; &amp; &quot; &#39;}), and
 * everything else about the format is Freemarker's own.
 *
 * <p>Every value a page shows is escaped. Freemarker reads the text one {@link String#charAt} at a
 * time, which the client compiler that builds run under leaves as calls with range checks (Arabic
 * text is stored two bytes a character, so no shortcut applies): that was a twentieth of a
 * 10,000-record build. A copied array is read by a plain loop; the pages' own writer copies the
 * text into its buffer and reads it there ({@link ReplacingWriter}), one copy fewer.
 */
final class HtmlEscaping extends HTMLOutputFormat {

  static final HtmlEscaping INSTANCE = new HtmlEscaping();

  /** The entity of each character that has one, by the character; all of them are below 63. */
  private static final String[] ENTITIES = new String['>' + 1];

  static {
    ENTITIES['<'] = "&lt;";
    ENTITIES['>'] = "&gt;";
    ENTITIES['&'] = "&amp;";
    ENTITIES['"'] = "&quot;";
    ENTITIES['\''] = "&#39;";
  }

  private HtmlEscaping() {}

  @Override
  public void output(String text, Writer out) throws IOException {
    if (out instanceof ReplacingWriter pages) { // copies the text once, not twice
      pages.writeReplacing(text, ENTITIES);
      return;
    }
    // Any other writer (a template's capture into a variable) takes the escaped text whole.
    out.write(escapePlainText(text));
  }

  @Override
  public String escapePlainText(String text) {
    char[] chars = text.toCharArray();
    StringBuilder out = null;
    int from = 0;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c < ENTITIES.length && ENTITIES[c] != null) {
        if (out == null) {
          out = new StringBuilder(chars.length + 16);
        }
        out.append(chars, from, i - from).append(ENTITIES[c]);
        from = i + 1;
      }
    }
    return out == null ? text : out.append(chars, from, chars.length - from).toString();
  }

  @Override
  protected TemplateHTMLOutputModel newTemplateMarkupOutputModel(
      String plainTextContent, String markupContent) {
    return new Markup(plainTextContent, markupContent);
  }

  /**
   * Markup made in this format ({@code ?no_esc}, {@code ?esc}): Freemarker writes markup as it is
   * only when it belongs to the page's own format.
   */
  private static final class Markup extends TemplateHTMLOutputModel {
    Markup(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public HTMLOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
