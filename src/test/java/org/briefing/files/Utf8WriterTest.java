package org.briefing.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pages are written through {@link Utf8Writer}: its bytes must be exactly UTF-8's. */
class Utf8WriterTest {

  /** Arabic, Latin, an emoji (a surrogate pair), markup and a combining mark. */
  private static final String[] PIECES = {
    "التعاون الأمني",
    " ",
    "security",
    "<p>",
    "😀",
    "\u0651",
    "&amp;",
    "\n",
    "ـ",
    "Qatar",
    // the first and last character of each length of UTF-8, and a letter of the last plane
    "\u007f\u0080",
    "\u07ff\u0800",
    "€\u200f",
    "\uffff",
    "\uD800\uDC00",
    "\uDB40\uDC41"
  };

  @Test
  void writesTheBytesOfUtf8WhereverThePiecesAndChunksBreak() throws IOException {
    Random random = new Random(20261130L);
    StringBuilder expected = new StringBuilder();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Writer writer = OutputSink.utf8(bytes);
    // Far past one chunk, so that chunks break at every kind of character, pairs included.
    while (expected.length() < 400_000) {
      String piece = PIECES[random.nextInt(PIECES.length)];
      if (random.nextInt(50) == 0) { // longer than a chunk: a sitemap's or a data file's text
        piece = piece.repeat(2_000 + random.nextInt(4_000));
      }
      switch (random.nextInt(4)) {
        case 0 -> writer.write(piece);
        case 1 -> writer.write(piece.toCharArray());
        case 2 -> writer.append(piece);
        default -> piece.chars().forEach(c -> write(writer, c)); // a pair's halves one by one
      }
      expected.append(piece);
    }
    writer.flush();
    assertTrue(expected.toString().contains("😀"));
    assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
  }

  /**
   * Replacements of every kind: longer and shorter than the character, empty, and beyond ASCII
   * (pages use the table of HTML entities, checked against Freemarker's in HtmlEscapingTest).
   */
  private static final String[] REPLACED =
      table(Map.of('<', "‹", '>', "›", '&', " and ", '"', "", '\'', "’", '=', "&#61;"));

  private static String[] table(Map<Character, String> replacements) {
    String[] table = new String['>' + 1];
    replacements.forEach((c, replacement) -> table[c] = replacement);
    return table;
  }

  @Test
  void replacesEveryMarkedCharacterAndNothingElseWhereverPiecesAndChunksBreak() throws IOException {
    Random random = new Random(20261202L);
    String[] pieces = {"<", ">", "&", "\"", "'", "<script>", "=", "a", "قطر", " ", "😀", "\uD83D"};
    StringBuilder expected = new StringBuilder();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Writer writer = OutputSink.utf8(bytes);
    while (expected.length() < 400_000) {
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(20) == 0 ? 2_000 : 1 + random.nextInt(12);
      for (int i = 0; i < count; i++) { // now and then far past a piece and a chunk
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String value = text.toString();
      if (random.nextBoolean()) {
        ((ReplacingWriter) writer).writeReplacing(value, REPLACED);
        expected.append(escaped(value));
      } else { // page markup between the values, as it is, never replaced
        writer.write(value);
        expected.append(value);
      }
    }
    writer.close();
    assertTrue(expected.toString().contains("‹script›"));
    assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
  }

  @Test
  void aValueOfNothingButReplacedCharactersIsReplacedWhole() throws IOException {
    String value = "<&\"'>=".repeat(3 * Utf8Writer.REPLACING_PIECE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer writer = OutputSink.utf8(bytes)) {
      ((ReplacingWriter) writer).writeReplacing(value, REPLACED);
      ((ReplacingWriter) writer).writeReplacing("", REPLACED);
    }
    assertEquals(escaped(value), bytes.toString(StandardCharsets.UTF_8));
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    text.chars()
        .forEach(
            c -> out.append(c < REPLACED.length && REPLACED[c] != null ? REPLACED[c] : (char) c));
    return out.toString();
  }

  @Test
  void aLoneSurrogateBecomesAQuestionMarkAsTheJdkWriterMakesIt() throws IOException {
    String text = "a\uD83Db\uDE00c\uD83D";
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    Writer writer = OutputSink.utf8(ours);
    writer.write(text);
    writer.flush();
    ByteArrayOutputStream jdk = new ByteArrayOutputStream();
    Writer reference = new OutputStreamWriter(jdk, StandardCharsets.UTF_8);
    reference.write(text);
    reference.flush();
    assertArrayEquals(jdk.toByteArray(), ours.toByteArray());
    assertEquals("a?b?c", ours.toString(StandardCharsets.UTF_8), "the last half waits for a pair");
    writer.close();
    reference.close();
    assertArrayEquals(jdk.toByteArray(), ours.toByteArray());
    assertEquals("a?b?c?", ours.toString(StandardCharsets.UTF_8), "until the writer is closed");
  }

  @Test
  void flushingReachesTheFileAndClosingLeavesItToTheSink() throws IOException {
    int[] flushes = {0};
    boolean[] closed = {false};
    ByteArrayOutputStream file =
        new ByteArrayOutputStream() {
          @Override
          public void flush() {
            flushes[0]++;
          }

          @Override
          public void close() {
            closed[0] = true;
          }
        };
    Writer writer = OutputSink.utf8(file);
    writer.append("قطر").append(' ').append("Qatar");
    writer.flush();
    assertEquals("قطر Qatar", file.toString(StandardCharsets.UTF_8));
    assertEquals(1, flushes[0], "a flushed page is in the file's stream, not held back");
    writer.append(" ليبيا");
    writer.close();
    assertEquals("قطر Qatar ليبيا", file.toString(StandardCharsets.UTF_8), "closing writes it out");
    assertFalse(closed[0], "the sink closes the file, after the page is written");
    assertEquals(2, flushes[0], "closing flushes the file's stream");
    char[] handedOn = Utf8Writer.CHARS.lend();
    assertEquals('ل', handedOn[1], "its buffer goes to the thread's next page");
    Utf8Writer.CHARS.giveBack(handedOn);
    byte[] encoded = Utf8Writer.BYTES.lend();
    assertEquals(' ', encoded[0], "so does the encoded one");
    Utf8Writer.BYTES.giveBack(encoded);
    writer.close(); // again: nothing more
    assertEquals("قطر Qatar ليبيا", file.toString(StandardCharsets.UTF_8));
    assertThrows(IOException.class, () -> writer.write("late"), "nothing is lost silently");
    assertThrows(IOException.class, writer::flush, "as any closed writer");
  }

  @Test
  void writersOnOneThreadKeepTheirOwnTextThoughTheyShareBuffers() throws IOException {
    // A page longer than one chunk, a second page opened while it is open, and a short page after
    // both: the short one's buffers are the ones the others gave back.
    String longPage = "التعاون الأمني Qatar ".repeat(1_000);
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    ByteArrayOutputStream after = new ByteArrayOutputStream();
    Writer outer = OutputSink.utf8(first);
    outer.write(longPage);
    try (Writer nested = OutputSink.utf8(inner)) {
      nested.write("Oman");
    }
    outer.write("end");
    outer.close();
    try (Writer next = OutputSink.utf8(after)) {
      next.write("ab");
    }
    assertEquals(longPage + "end", first.toString(StandardCharsets.UTF_8));
    assertEquals("Oman", inner.toString(StandardCharsets.UTF_8));
    assertEquals("ab", after.toString(StandardCharsets.UTF_8), "no bytes of the pages before");
  }

  private static void write(Writer writer, int c) {
    try {
      writer.write(c);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
