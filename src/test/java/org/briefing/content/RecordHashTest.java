package org.briefing.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The hash that tells a build which records changed: two different checksums of the same bytes, so
 * that an edit one of them misses the other still sees, and labels that keep file boundaries.
 */
class RecordHashTest {

  private static final byte[] TEXT =
      "---\ntitle: زيارة\nsummary: A visit.\n---\nBody.\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void itIsTheCrc32cAndTheCrc32OfTheBytesSideBySide() {
    CRC32C first = new CRC32C();
    first.update(TEXT);
    CRC32 second = new CRC32();
    second.update(TEXT);
    TextFiles.Hash hash = new TextFiles.Hash();
    hash.update(TEXT);
    String hex = hash.hex();
    assertEquals(16, hex.length());
    assertEquals(HexFormat.of().toHexDigits((int) first.getValue()), hex.substring(0, 8));
    assertEquals(HexFormat.of().toHexDigits((int) second.getValue()), hex.substring(8));
  }

  @Test
  void aLabelIsItsLengthItsBytesAndAZeroByte() {
    TextFiles.Hash labelled = new TextFiles.Hash();
    labelled.label("en.md 41");
    TextFiles.Hash spelled = new TextFiles.Hash();
    byte[] label = "en.md 41".getBytes(StandardCharsets.UTF_8);
    spelled.update((byte) label.length);
    spelled.update(label);
    spelled.update((byte) 0);
    assertEquals(spelled.hex(), labelled.hex());

    TextFiles.Hash byteByByte = new TextFiles.Hash();
    byteByByte.update((byte) label.length);
    for (byte b : label) {
      byteByByte.update(b);
    }
    byteByByte.update((byte) 0);
    assertEquals(spelled.hex(), byteByByte.hex(), "a byte at a time, or all at once");

    TextFiles.Hash other = new TextFiles.Hash();
    other.label("en.md 42");
    assertNotEquals(labelled.hex(), other.hex());
  }
}
