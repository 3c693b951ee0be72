package org.briefing.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that reuses the last one copies the unchanged records' parts of an export from the last
 * build's file, and the file comes out as making every part again would make it.
 */
class RecordPiecesTest {

  private static final String FILE = "data/engagements.json";

  @TempDir Path site;

  /** Each record's part, made fresh: its id and some text, some parts larger than a megabyte. */
  private static byte[] made(String id, int version) {
    StringBuilder part = new StringBuilder("{\"id\":\"" + id + "\",\"v\":" + version + ",\"t\":\"");
    int repeat = id.endsWith("7") ? 80_000 : 1 + Math.floorMod(id.hashCode(), 300);
    part.append("نص مقتطف text ".repeat(repeat)).append("\"}\n");
    return part.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The records whose parts were made rather than copied, by the last {@link #write}. */
  private final Set<String> madeAgain = new TreeSet<>();

  /** Writes the file through {@code pieces}, records in the order given. */
  private byte[] write(RecordPieces pieces, List<String> ids, Map<String, Integer> version)
      throws IOException {
    madeAgain.clear();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RecordPieces.Counting out = new RecordPieces.Counting(bytes);
    out.write('[');
    for (String id : ids) {
      pieces.write(
          FILE,
          id,
          out,
          () -> {
            madeAgain.add(id);
            return made(id, version.get(id));
          });
    }
    out.write(']');
    return bytes.toByteArray();
  }

  @Test
  void partsCopiedFromTheLastFileAreThePartsMadeAgain() throws IOException {
    Random random = new Random(7);
    List<String> ids = new ArrayList<>();
    Map<String, Integer> version = new LinkedHashMap<>();
    for (int i = 0; i < 400; i++) {
      ids.add("record-" + i);
      version.put("record-" + i, 1);
    }
    RecordPieces first = RecordPieces.none();
    byte[] before = write(first, ids, version);
    Files.createDirectories(site.resolve("data"));
    Files.write(site.resolve(FILE), before);

    // Some records changed, one added, one removed, and the order shuffled here and there.
    Set<String> unchanged = new TreeSet<>(ids);
    for (int i = 0; i < 40; i++) {
      String id = ids.get(random.nextInt(ids.size()));
      version.put(id, 2);
      unchanged.remove(id);
    }
    ids.remove(10);
    ids.add(200, "record-new");
    version.put("record-new", 1);
    Collections.swap(ids, 3, 300);
    RecordPieces again = new RecordPieces(site, first.written(), unchanged);
    byte[] reused = write(again, ids, version);
    again.close();
    Set<String> changed = new TreeSet<>(ids);
    changed.removeAll(unchanged);
    assertEquals(changed, madeAgain, "only the parts of records changed or added are made again");

    byte[] fresh = write(RecordPieces.none(), ids, version);
    assertArrayEquals(fresh, reused);
    assertEquals(RecordPiecesTest.pieces(fresh, ids, version), again.written().get(FILE));
  }

  @Test
  void aLastFileCutShortHasItsMissingPartsMadeAgain() throws IOException {
    List<String> ids = List.of("a", "b", "c", "d");
    Map<String, Integer> version = Map.of("a", 1, "b", 1, "c", 1, "d", 1);
    RecordPieces first = RecordPieces.none();
    byte[] before = write(first, ids, version);
    Files.createDirectories(site.resolve("data"));
    int cut = (int) first.written().get(FILE).get("c").offset() + 3; // "c" and "d" cut off
    Files.write(site.resolve(FILE), java.util.Arrays.copyOf(before, cut));

    RecordPieces again = new RecordPieces(site, first.written(), Set.copyOf(ids));
    byte[] reused = write(again, ids, version);
    again.close();
    assertArrayEquals(before, reused);
    assertEquals(Set.of("c", "d"), madeAgain, "the parts cut off, and only those, made again");
  }

  /** Where each part lies in {@code file}, worked out from the parts themselves. */
  private static Map<String, RecordPieces.Piece> pieces(
      byte[] file, List<String> ids, Map<String, Integer> version) {
    Map<String, RecordPieces.Piece> pieces = new java.util.TreeMap<>();
    long at = 1;
    for (String id : ids) {
      int length = made(id, version.get(id)).length;
      pieces.put(id, new RecordPieces.Piece(at, length));
      at += length;
    }
    assertEquals(file.length, at + 1);
    return pieces;
  }
}
