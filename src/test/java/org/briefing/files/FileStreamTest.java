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
  void piecesThatFillTheBufferExactlyStillGoInOneWrite() throws IOException {
    File out = new File();
    try (OutputStream stream = OutputSink.buffered(out)) {
      stream.write(new byte[FileStream.SIZE - 10], 0, FileStream.SIZE - 10);
      stream.write(new byte[10], 0, 10);
      assertEquals(0, out.writes, "gathered until the buffer must be emptied");
    }
    assertEquals(1, out.writes);
    assertEquals(FileStream.SIZE, out.size());
  }

  @Test
  void aPieceAsLargeAsTheBufferGoesStraightToTheFile() throws IOException {
    File out = new File();
    try (OutputStream stream = OutputSink.buffered(out)) {
      stream.write(7);
      stream.write(new byte[FileStream.SIZE], 0, FileStream.SIZE);
      assertEquals(1 + FileStream.SIZE, out.size(), "the byte before it, then the piece itself");
    }
  }

  @Test
  void singleBytesPastTheBufferAndAFlushReachTheFile() throws IOException {
    File out = new File();
    int[] flushes = {0};
    OutputStream counted =
        new OutputStream() {
          @Override
          public void write(int b) {
            out.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            out.write(b, off, len);
          }

          @Override
          public void flush() {
            flushes[0]++;
          }
        };
    try (OutputStream stream = OutputSink.buffered(counted)) {
      for (int i = 0; i < FileStream.SIZE + 3; i++) {
        stream.write(i);
      }
      assertEquals(FileStream.SIZE, out.size(), "a full buffer is written out");
      stream.flush();
      assertEquals(FileStream.SIZE + 3, out.size(), "a flush writes the rest");
      assertEquals(1, flushes[0], "and flushes the file");
    }
    assertEquals((byte) (FileStream.SIZE + 2), out.toByteArray()[FileStream.SIZE + 2]);
  }

  @Test
  void aClosedFilesBufferIsTheNextFilesOnThisThread() throws IOException {
    // What makes writing 84,000 files cheap: the buffer is handed on, with the last file's bytes
    // still in it, which the next file overwrites (see filesOneAfterAnother...).
    try (OutputStream stream = OutputSink.buffered(new File())) {
      stream.write(new byte[] {42, 43}, 0, 2);
    }
    byte[] handedOn = FileStream.BUFFERS.lend();
    assertEquals(42, handedOn[0]);
    assertEquals(43, handedOn[1]);
    FileStream.BUFFERS.giveBack(handedOn);
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
