package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.briefing.files.OutputSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files rendered again are left in place exactly when their bytes are the folder's. */
class ChangedFilesOnlyTest {

  @TempDir Path out;

  /** What reached the sink: each path's bytes when written, or "kept" when left as it is. */
  private final Map<String, String> reached = new TreeMap<>();

  private final OutputSink sink =
      new OutputSink() {
        @Override
        public void write(String path, Body body) throws IOException {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          body.writeTo(bytes);
          reached.put(path, bytes.size() + " bytes written");
        }

        @Override
        public void keepAsIs(String path) {
          reached.put(path, "kept");
        }
      };

  @Test
  void onlyTheVeryBytesOfTheFolderAreLeftInPlace() throws IOException {
    byte[] page = new byte[20_000]; // more than two pieces read at a time
    Arrays.fill(page, (byte) 'a');
    byte[] lastByteOff = page.clone();
    lastByteOff[page.length - 1] = 'b';
    byte[] firstPieceOff = page.clone();
    firstPieceOff[10] = 'b';
    Map<String, Long> comparable = new HashMap<>();
    for (String name : new String[] {"same", "end", "start", "longer", "shorter", "resized"}) {
      Files.write(out.resolve(name), page);
      comparable.put(name, (long) page.length);
    }
    comparable.put("resized", page.length + 1L); // as the state recorded it: another size
    Files.write(out.resolve("unlisted"), page);
    Set<String> unchanged = new HashSet<>();
    ChangedFilesOnly files = new ChangedFilesOnly(sink, out, comparable, unchanged);

    files.write("same", stream -> stream.write(page));
    files.write("end", stream -> stream.write(lastByteOff));
    files.write("start", stream -> stream.write(firstPieceOff));
    files.write("longer", stream -> stream.write(Arrays.copyOf(page, page.length + 1)));
    files.write("shorter", stream -> stream.write(page, 0, page.length - 1));
    files.write("resized", stream -> stream.write(page));
    files.write("unlisted", stream -> stream.write(page));

    assertEquals(
        new TreeMap<>(
            Map.of(
                "same", "kept",
                "end", "20000 bytes written",
                "start", "20000 bytes written",
                "longer", "20001 bytes written",
                "shorter", "19999 bytes written",
                "resized", "20000 bytes written",
                "unlisted", "20000 bytes written")),
        reached);
    assertEquals(Set.of("same"), unchanged);
  }
}
