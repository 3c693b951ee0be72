package org.briefing.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole files read and written a chunk at a time hold exactly the bytes {@link Files} would read
 * and write at once: the build's state and memory of the YAML are read back byte for byte.
 */
class FileBytesTest {

  @TempDir Path dir;

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  @Test
  void filesOfEverySizeAroundTheChunkAreReadWhole() throws IOException {
    int chunk = FileBytes.CHUNK;
    for (int size : new int[] {0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 17}) {
      Path file = dir.resolve("file-" + size);
      byte[] bytes = random(size);
      Files.write(file, bytes);
      assertArrayEquals(bytes, FileBytes.read(file), "a file of " + size + " bytes");
    }
  }

  @Test
  void writtenFilesHoldTheBytesAndNothingOfWhatWasThere() throws IOException {
    Path file = dir.resolve("state.bin");
    Files.write(file, random(5 * FileBytes.CHUNK)); // longer than what replaces it
    byte[] bytes = random(2 * FileBytes.CHUNK + 3);
    FileBytes.write(file, bytes);
    assertArrayEquals(bytes, Files.readAllBytes(file));
    FileBytes.write(dir.resolve("new.bin"), new byte[0]);
    assertEquals(0, Files.size(dir.resolve("new.bin")));
  }

  @Test
  void aMissingFileIsReportedAsMissing() {
    assertThrows(NoSuchFileException.class, () -> FileBytes.read(dir.resolve("gone.bin")));
  }

  /**
   * A file whose size the system does not know when it is opened (a pipe, here) is read to its end,
   * past the size it had then: the same holds for a file that grows while it is read.
   */
  @Test
  void aFileLongerThanItsSizeWhenOpenedIsReadToItsEnd() throws Exception {
    Path pipe = dir.resolve("pipe");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here: " + e.getMessage());
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    byte[] bytes = random(4 * FileBytes.CHUNK + 5);
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream out = Files.newOutputStream(pipe)) {
                for (int at = 0; at < bytes.length; at += 1000) {
                  out.write(bytes, at, Math.min(1000, bytes.length - at));
                }
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertArrayEquals(bytes, FileBytes.read(pipe));
    writer.get();
  }
}
