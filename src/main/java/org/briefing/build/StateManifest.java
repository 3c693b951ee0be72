package org.briefing.build;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.briefing.content.SortedKeys;
import org.briefing.files.RecordPieces;

/**
 * The bytes of a {@link BuildState}, binary so that a 10,000-record state (some 84,000 files, each
 * shown by several records) reads and writes in a fraction of the time its text took.
 *
 * <p>Layout, all numbers big-endian, each text as an int byte count and its UTF-8 bytes, so any
 * path is kept as it is (a tab or a line break included):
 *
 * <pre>
 * "BRFSTATE" (8 bytes), int format version
 * text key
 * int n, n texts                          the table: every path and id, each once
 * int n, n × (int id, text hash)          records, by id
 * int n, n × (int id, int m, m × int path) footprints, by id, paths in table order
 * int n, n × (int path, long size, long millis, long place)   files, by path
 * int n, n × (int file, int m, m × (int id, long offset, int length))   pieces
 * int n, n × (text folder, long millis)   folders, in order
 * long CRC-32 of all the bytes before it
 * </pre>
 *
 * <p>Ids and paths are numbers into the table, which holds the output files' paths in order, then
 * every other path and id in order: the same state always gives the same bytes. Read back, the
 * footprints share the table's strings.
 */
final class StateManifest {

  private static final byte[] MARKER = "BRFSTATE".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 3;
  private static final int CHECKSUM = Long.BYTES;

  private StateManifest() {}

  /**
   * The bytes of {@code state}. Its paths and ids are written sorted; those also in {@code earlier}
   * (the last build's state, as read) take their order from it, so that only the new ones are
   * sorted.
   */
  static byte[] encode(BuildState state, BuildState earlier) {
    String[] ids = SortedKeys.of(state.records().keySet(), earlier.records().keySet());
    String[] footprinted =
        SortedKeys.of(state.footprints().keySet(), earlier.footprints().keySet());
    String[] pieceFiles = SortedKeys.of(state.pieces().keySet());
    String[] paths = SortedKeys.of(state.files().keySet(), earlier.files().keySet());
    BuildState.Output[] files = new BuildState.Output[paths.length];
    Table table = new Table(files.length + ids.length);
    for (String path : paths) {
      files[table.add(path)] = state.files().get(path); // the table's first paths, in order
    }
    List<Set<String>> sets = new ArrayList<>(footprinted.length);
    for (String id : footprinted) {
      sets.add(state.footprints().get(id));
    }
    int[][] numbers = table.number(sets, Arrays.asList(ids), state.pieces());

    Bytes out =
        new Bytes(
            64L * table.strings.size()
                + Integer.BYTES * table.footprinted
                + 48L * state.folders().size()
                + 1024);
    out.raw(MARKER);
    out.putInt(VERSION);
    out.text(state.key());
    out.putInt(table.strings.size());
    table.strings.forEach(out::text);
    out.putInt(ids.length);
    for (String id : ids) {
      out.putInt(table.number(id));
      out.text(state.records().get(id));
    }
    out.putInt(footprinted.length);
    for (int k = 0; k < footprinted.length; k++) {
      out.putInt(table.number(footprinted[k]));
      out.putInt(numbers[k].length);
      for (int number : numbers[k]) {
        out.putInt(number);
      }
    }
    out.putInt(files.length);
    for (int path = 0; path < files.length; path++) {
      out.putInt(path);
      out.putLong(files[path].size());
      out.putLong(files[path].millis());
      out.putLong(files[path].place());
    }
    out.putInt(pieceFiles.length);
    for (String file : pieceFiles) {
      Map<String, RecordPieces.Piece> byId = state.pieces().get(file);
      out.putInt(table.number(file));
      out.putInt(byId.size());
      for (String id : SortedKeys.of(byId.keySet())) {
        out.putInt(table.number(id));
        out.putLong(byId.get(id).offset());
        out.putInt(byId.get(id).length());
      }
    }
    String[] folders = SortedKeys.of(state.folders().keySet(), earlier.folders().keySet());
    out.putInt(folders.length);
    for (String folder : folders) {
      out.text(folder);
      out.putLong(state.folders().get(folder));
    }
    CRC32 crc = new CRC32();
    crc.update(out.bytes, 0, out.size);
    out.putLong(crc.getValue());
    return Arrays.copyOf(out.bytes, out.size);
  }

  /** Every path and id of a state being written, each once, and each one's number. */
  private static final class Table {
    final List<String> strings;
    final Map<String, Integer> index;
    long footprinted;

    Table(int size) {
      strings = new ArrayList<>(size);
      index = new HashMap<>(capacity(size));
    }

    /** Adds {@code string}, when new, and gives its number. */
    int add(String string) {
      Integer number = index.putIfAbsent(string, strings.size());
      if (number != null) {
        return number;
      }
      strings.add(string);
      return strings.size() - 1;
    }

    int number(String string) {
      return index.get(string);
    }

    /**
     * Adds, in order, every footprint path not yet in the table and every id, and gives the
     * footprints as sorted numbers. Each path is looked up once, the sets shared out among the
     * cores (the index is only read meanwhile); a path that no output file has (none, as the build
     * makes them) stands in as -1 until the rest of the table is numbered.
     */
    int[][] number(
        Collection<Set<String>> footprints,
        Collection<String> ids,
        Map<String, Map<String, RecordPieces.Piece>> pieces) {
      List<Set<String>> sets = new ArrayList<>(footprints);
      int[][] numbers = new int[sets.size()][];
      IntStream.range(0, numbers.length).parallel().forEach(k -> numbers[k] = numbers(sets.get(k)));
      Set<String> rest = new TreeSet<>(ids);
      for (int k = 0; k < numbers.length; k++) {
        footprinted += numbers[k].length;
        if (numbers[k].length > 0 && numbers[k][0] < 0) {
          sets.get(k).stream().filter(path -> !index.containsKey(path)).forEach(rest::add);
        }
      }
      rest.addAll(pieces.keySet());
      pieces.values().forEach(byId -> rest.addAll(byId.keySet()));
      rest.forEach(this::add);
      for (int k = 0; k < numbers.length; k++) {
        if (numbers[k].length > 0 && numbers[k][0] < 0) {
          numbers[k] = numbers(sets.get(k));
        }
      }
      return numbers;
    }

    /** The numbers of {@code paths}, in order; when one has none yet, the first is -1. */
    private int[] numbers(Set<String> paths) {
      int[] numbers = new int[paths.size()];
      int i = 0;
      for (String path : paths) {
        Integer number = index.get(path);
        numbers[i++] = number == null ? -1 : number;
      }
      Arrays.sort(numbers);
      return numbers;
    }
  }

  /**
   * The state in {@code bytes}, or none when they are not a whole manifest of this format: another
   * format, an older one, cut short or damaged.
   */
  static Optional<BuildState> decode(byte[] bytes) {
    if (bytes.length < MARKER.length + Integer.BYTES + CHECKSUM
        || !Arrays.equals(bytes, 0, MARKER.length, MARKER, 0, MARKER.length)) {
      return Optional.empty();
    }
    int end = bytes.length - CHECKSUM;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, end);
    ByteBuffer in = ByteBuffer.wrap(bytes, MARKER.length, end - MARKER.length);
    if (ByteBuffer.wrap(bytes, end, CHECKSUM).getLong() != crc.getValue()
        || in.getInt() != VERSION) {
      return Optional.empty();
    }
    String key = text(in);
    String[] table = new String[count(in, Integer.BYTES)];
    for (int i = 0; i < table.length; i++) {
      table[i] = text(in);
    }
    int n = count(in, 2 * Integer.BYTES);
    // Each map in the order written, which is sorted: the next state is encoded mostly in it.
    Map<String, String> records = new LinkedHashMap<>(capacity(n));
    for (int i = 0; i < n; i++) {
      records.put(table[in.getInt()], text(in));
    }
    n = count(in, 2 * Integer.BYTES);
    Map<String, Set<String>> footprints = new LinkedHashMap<>(capacity(n));
    for (int i = 0; i < n; i++) {
      String id = table[in.getInt()];
      int[] numbers = new int[count(in, Integer.BYTES)];
      in.asIntBuffer().get(numbers);
      in.position(in.position() + numbers.length * Integer.BYTES);
      for (int j = 0; j < numbers.length; j++) { // each a path of the table, once, in order
        Objects.checkIndex(numbers[j], table.length);
        if (j > 0 && numbers[j] <= numbers[j - 1]) {
          throw new IllegalStateException("footprint paths out of order");
        }
      }
      footprints.put(id, new Paths(table, numbers));
    }
    n = count(in, Integer.BYTES + 3 * Long.BYTES);
    Map<String, BuildState.Output> files = new LinkedHashMap<>(capacity(n));
    for (int i = 0; i < n; i++) {
      files.put(
          table[in.getInt()], new BuildState.Output(in.getLong(), in.getLong(), in.getLong()));
    }
    n = count(in, 2 * Integer.BYTES);
    Map<String, Map<String, RecordPieces.Piece>> pieces = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Map<String, RecordPieces.Piece> byId = new TreeMap<>();
      pieces.put(table[in.getInt()], byId);
      int m = count(in, 2 * Integer.BYTES + Long.BYTES);
      for (int j = 0; j < m; j++) {
        byId.put(table[in.getInt()], new RecordPieces.Piece(in.getLong(), in.getInt()));
      }
    }
    n = count(in, Integer.BYTES + Long.BYTES);
    Map<String, Long> folders = new LinkedHashMap<>(capacity(n));
    for (int i = 0; i < n; i++) {
      folders.put(text(in), in.getLong());
    }
    return in.hasRemaining()
        ? Optional.empty()
        : Optional.of(new BuildState(key, records, footprints, files, pieces, folders));
  }

  /** A count that the bytes left can hold, at {@code least} bytes each; fails otherwise. */
  static int count(ByteBuffer in, int least) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / least) {
      throw new IllegalStateException("a count of " + n + " does not fit the bytes left");
    }
    return n;
  }

  static String text(ByteBuffer in) {
    int length = count(in, 1);
    String text =
        new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }

  /** A hash map's capacity for {@code n} entries at the default load factor. */
  private static int capacity(int n) {
    return (int) (n / 0.75f) + 1;
  }

  /**
   * A footprint as read: its paths' numbers into the table rather than a hash set of its own, as
   * only the footprints of the records changed since are ever walked. Cannot be changed.
   */
  private static final class Paths extends AbstractSet<String> {
    private final String[] table;
    private final int[] numbers;

    Paths(String[] table, int[] numbers) {
      this.table = table;
      this.numbers = numbers;
    }

    @Override
    public Iterator<String> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < numbers.length;
        }

        @Override
        public String next() {
          if (next >= numbers.length) {
            throw new NoSuchElementException();
          }
          return table[numbers[next++]];
        }
      };
    }

    @Override
    public int size() {
      return numbers.length;
    }
  }

  /** A growing array of bytes, big-endian, without the per-call locking of a stream. */
  private static final class Bytes {
    private byte[] bytes;
    private int size;

    Bytes(long estimate) {
      bytes = new byte[(int) Math.min(estimate, 1 << 30)];
    }

    private void room(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    void raw(byte[] raw) {
      room(raw.length);
      System.arraycopy(raw, 0, bytes, size, raw.length);
      size += raw.length;
    }

    void putInt(int n) {
      room(Integer.BYTES);
      bytes[size++] = (byte) (n >>> 24);
      bytes[size++] = (byte) (n >>> 16);
      bytes[size++] = (byte) (n >>> 8);
      bytes[size++] = (byte) n;
    }

    void putLong(long n) {
      putInt((int) (n >>> 32));
      putInt((int) n);
    }

    void text(String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      putInt(utf8.length);
      raw(utf8);
    }
  }
}
