package org.briefing.render;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import freemarker.core.HTMLOutputFormat;
import java.io.IOException;
import java.io.StringWriter;
import org.briefing.RandomTexts;
import org.junit.jupiter.api.Test;

/**
 * Pages escape every value as Freemarker's own HTML format does, character for character: the
 * faster loop must not let a single {@code <} or quote through, nor change any other text.
 */
class HtmlEscapingTest {

  private static final String[] PIECES = {
    "<",
    ">",
    "&",
    "\"",
    "'",
    "<script>",
    "&amp;",
    "قطر",
    "وزير",
    "Qatar",
    " ",
    "\n",
    "😀",
    "\uD83D",
    "=",
    "`",
    "/",
    "\u0000",
    "«",
    "»",
    "ـ",
    "\u200f"
  };

  @Test
  void escapesEveryTextExactlyAsFreemarkersHtmlFormat() throws Exception {
    for (String t : RandomTexts.of(20261130L, 20_000, 16, PIECES)) {
      String expected = HTMLOutputFormat.INSTANCE.escapePlainText(t);
      assertEquals(expected, HtmlEscaping.INSTANCE.escapePlainText(t), t);
      assertEquals(expected, written(t), t);
      // as UTF-8 carries it: a lone half of a pair becomes "?", as in any page
      String encoded = new String(expected.getBytes(UTF_8), UTF_8);
      assertEquals(encoded, writtenToAPage(t), t);
    }
  }

  @Test
  void aTemplateShowsValuesEscapedAndItsOwnMarkupAsIs(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Files.writeString(
        dir.resolve("t.ftlh"), "<p title=\"${v}\">${v}</p>${m?no_esc}${v?esc}");
    String page =
        new TemplateEngine(dir.toFile())
            .render("t.ftlh", java.util.Map.of("v", "<b>\"Qatar's\" & قطر</b>", "m", "<i>ok</i>"));
    String escaped = "&lt;b&gt;&quot;Qatar&#39;s&quot; &amp; قطر&lt;/b&gt;";
    assertEquals("<p title=\"" + escaped + "\">" + escaped + "</p><i>ok</i>" + escaped, page);
  }

  /** Through the writer pages are written with, which replaces as it copies. */
  private static String writtenToAPage(String text) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.Writer out = org.briefing.files.OutputSink.utf8(bytes)) {
      HtmlEscaping.INSTANCE.output(text, out);
    }
    return bytes.toString(UTF_8);
  }

  private static String written(String text) throws IOException {
    StringWriter out = new StringWriter();
    HtmlEscaping.INSTANCE.output(text, out);
    return out.toString();
  }
}
