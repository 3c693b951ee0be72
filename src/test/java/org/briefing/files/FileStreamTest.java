package org.briefing.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every file of the site goes to disk through {@link FileStream}, whose buffer one file hands to
 * the next: each file must hold its own bytes, all of them, and reach the disk in few writes.
 */
class FileStreamTest {

  /** A file that counts the writes it gets and remembers whether it was closed. */
  private static final class File extends ByteArrayOutputStream {
    int writes;
    boolean closed;

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      writes++;
      super.write(b, off, len);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void bytesInPiecesOfEverySizeArriveWholeAndInOrder() throws IOException {
    Random random = new Random(7);
    for (int file = 0; file < 20; file++) {
      File out = new File();
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      try (OutputStream stream = OutputSink.buffered(out)) {
        int pieces = random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
          byte[] piece = new byte[random.nextInt(3) == 0 ? random.nextInt(200_000) : 1];
          random.nextBytes(piece);
          if (piece.length == 1) {
            stream.write(piece[0]);
          } else {
            stream.write(piece, 0, piece.length);
          }
          expected.write(piece);
        }
      }
      assertArrayEquals(expected.toByteArray(), out.toByteArray(), "file " + file);
      assertTrue(out.closed);
    }
  }

  @Test
  void aPageReachesItsFileInOneWrite() throws IOException {
    File out = new File();
    try (OutputStream stream = OutputSink.buffered(out)) {
      for (int i = 0; i < 1_000; i++) {
        stream.write("<li>قطر</li>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    assertEquals(1, out.writes, "a 17 KB page, gathered");
  }

  @Test
  void filesOneAfterAnotherAndOneInsideAnotherKeepTheirOwnBytes() throws IOException {
    List<File> files = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      files.add(new File());
    }
    OutputStream outer = OutputSink.buffered(files.get(0));
    outer.write(new byte[] {1, 2, 3});
    try (OutputStream inner = OutputSink.buffered(files.get(1))) {
      inner.write(new byte[] {9, 9});
    }
    outer.write(4);
    outer.close();
    try (OutputStream next = OutputSink.buffered(files.get(2))) {
      next.write(5);
    }
    try (OutputStream empty = OutputSink.buffered(files.get(3))) {
      // nothing: an empty file stays empty, whatever the buffer held before
    }
    assertArrayEquals(new byte[] {1, 2, 3, 4}, files.get(0).toByteArray());
    assertArrayEquals(new byte[] {9, 9}, files.get(1).toByteArray());
    assertArrayEquals(new byte[] {5}, files.get(2).toByteArray());
    assertArrayEquals(new byte[] {}, files.get(3).toByteArray());
  }

  @Test
  void closingTwiceIsHarmlessAndWritingAfterwardsFails() throws IOException {
    File out = new File();
    OutputStream stream = OutputSink.buffered(out);
    stream.write(1);
    stream.close();
    stream.close();
    assertArrayEquals(new byte[] {1}, out.toByteArray());
    assertThrows(IOException.class, () -> stream.write(2));
    assertThrows(IOException.class, () -> stream.write(new byte[] {2, 3}, 0, 2));
  }
}
