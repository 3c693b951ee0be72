package org.briefing.build;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.briefing.files.RecordPieces;

/**
 * What changed in a {@link BuildState} since its manifest was last written whole (the base): the
 * entries set anew and the ones removed, section by section. A build that adds a record to 10,000
 * changes a few hundred of the state's 84,000 files and 10,000 footprints; writing those alone
 * spares encoding the whole manifest again, a third of such a build's time on its main thread
 * (README, "Benchmark").
 *
 * <p>A delta names its base by the base's length and checksum: read with any other base (one
 * written since, or damaged), it is no state at all, never a wrong one.
 *
 * <p>Layout, big-endian, texts as int byte count and UTF-8 bytes:
 *
 * <pre>
 * "BRFDELTA" (8 bytes), int format version, long base length, long base checksum
 * five sections, in the order records, footprints, files, pieces, folders, each:
 *   int n, n × (text key, value)            set anew, keys in order
 *   int n, n × text key                     removed, in order
 * values: records text hash; footprints int m, m × text path; files long size, long millis, long place;
 *         pieces int m, m × (text id, long offset, int length); folders long millis
 * long CRC-32 of all the bytes before it
 * </pre>
 */
record StateDelta(
    long baseLength,
    long baseChecksum,
    Section<String> records,
    Section<Set<String>> footprints,
    Section<BuildState.Output> files,
    Section<Map<String, RecordPieces.Piece>> pieces,
    Section<Long> folders) {

  private static final byte[] MARKER = "BRFDELTA".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 2;

  /**
   * One section's changes: the entries set anew, by key, and the keys removed. A key is in one or
   * the other, never both.
   */
  record Section<V>(Map<String, V> set, Set<String> removed) {

    static <V> Section<V> none() {
      return new Section<>(new TreeMap<>(), new TreeSet<>());
    }

    /** These changes, then {@code later}'s: a later change of a key replaces an earlier one. */
    Section<V> then(Section<V> later) {
      Section<V> merged = new Section<>(new TreeMap<>(set), new TreeSet<>(removed));
      later.removed.forEach(
          key -> {
            merged.set.remove(key);
            merged.removed.add(key);
          });
      later.set.forEach(
          (key, value) -> {
            merged.removed.remove(key);
            merged.set.put(key, value);
          });
      return merged;
    }

    /** Applies the changes to {@code map}: removed keys go, keys set take their new values. */
    void applyTo(Map<String, V> map) {
      removed.forEach(map::remove);
      map.putAll(set);
    }

    int size() {
      return set.size() + removed.size();
    }
  }

  /** No change yet to the base of this {@code length} and {@code checksum}. */
  static StateDelta none(long length, long checksum) {
    return new StateDelta(
        length,
        checksum,
        Section.none(),
        Section.none(),
        Section.none(),
        Section.none(),
        Section.none());
  }

  /** These changes, then {@code later}'s, on the same base. */
  StateDelta then(StateDelta later) {
    return new StateDelta(
        baseLength,
        baseChecksum,
        records.then(later.records),
        footprints.then(later.footprints),
        files.then(later.files),
        pieces.then(later.pieces),
        folders.then(later.folders));
  }

  /**
   * How much this delta holds, counted as the base's entries are ({@link #weightOf}): a delta that
   * has grown to a good part of its base is written whole as a new base instead.
   */
  long weight() {
    return weight(
        records.size() + footprints.size() + files.size() + pieces.size() + folders.size(),
        footprints.set.values(),
        pieces.set.values());
  }

  /** The entries of a whole state, counted as {@link #weight} counts a delta's. */
  static long weightOf(BuildState state) {
    return weight(
        state.records().size()
            + state.footprints().size()
            + state.files().size()
            + state.pieces().size()
            + state.folders().size(),
        state.footprints().values(),
        state.pieces().values());
  }

  /** {@code keys}, and each path of {@code footprints} and record of {@code pieces}, one each. */
  private static long weight(
      long keys,
      Collection<Set<String>> footprints,
      Collection<Map<String, RecordPieces.Piece>> pieces) {
    long weight = keys;
    for (Set<String> footprint : footprints) {
      weight += footprint.size();
    }
    for (Map<String, RecordPieces.Piece> byId : pieces) {
      weight += byId.size();
    }
    return weight;
  }

  /**
   * The state the base {@code base} (as read from its manifest) and these changes make. The base's
   * maps are changed in place: they were made for this.
   */
  BuildState applyTo(BuildState base) {
    records.applyTo(base.records());
    footprints.applyTo(base.footprints());
    files.applyTo(base.files());
    pieces.applyTo(base.pieces());
    folders.applyTo(base.folders());
    return base;
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    CheckedOutputStream checked = new CheckedOutputStream(bytes, new CRC32());
    try (DataOutputStream out = new DataOutputStream(checked)) {
      out.write(MARKER);
      out.writeInt(VERSION);
      out.writeLong(baseLength);
      out.writeLong(baseChecksum);
      section(out, records, (o, hash) -> text(o, hash));
      section(
          out,
          footprints,
          (o, paths) -> {
            o.writeInt(paths.size());
            for (String path : new TreeSet<>(paths)) {
              text(o, path);
            }
          });
      section(
          out,
          files,
          (o, file) -> {
            o.writeLong(file.size());
            o.writeLong(file.millis());
            o.writeLong(file.place());
          });
      section(
          out,
          pieces,
          (o, byId) -> {
            o.writeInt(byId.size());
            for (Map.Entry<String, RecordPieces.Piece> piece : new TreeMap<>(byId).entrySet()) {
              text(o, piece.getKey());
              o.writeLong(piece.getValue().offset());
              o.writeInt(piece.getValue().length());
            }
          });
      section(out, folders, DataOutputStream::writeLong);
      out.writeLong(checked.getChecksum().getValue()); // of every byte before it
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return bytes.toByteArray();
  }

  /**
   * The changes in {@code bytes}, or none when they are not a whole delta of this format: another
   * format, an older one, cut short or damaged.
   */
  static Optional<StateDelta> decode(byte[] bytes) {
    int end = bytes.length - Long.BYTES;
    if (end < MARKER.length + Integer.BYTES
        || !Arrays.equals(bytes, 0, MARKER.length, MARKER, 0, MARKER.length)) {
      return Optional.empty();
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, end);
    if (ByteBuffer.wrap(bytes, end, Long.BYTES).getLong() != crc.getValue()) {
      return Optional.empty();
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, MARKER.length, end - MARKER.length);
    try {
      if (in.getInt() != VERSION) {
        return Optional.empty();
      }
      long length = in.getLong();
      long checksum = in.getLong();
      StateDelta delta =
          new StateDelta(
              length,
              checksum,
              section(in, StateDelta::text),
              section(
                  in,
                  i -> {
                    int m = count(i, Integer.BYTES);
                    Set<String> paths = new HashSet<>(m * 2);
                    for (int k = 0; k < m; k++) {
                      paths.add(text(i));
                    }
                    return paths;
                  }),
              section(in, i -> new BuildState.Output(i.getLong(), i.getLong(), i.getLong())),
              section(
                  in,
                  i -> {
                    int m = count(i, Integer.BYTES + Long.BYTES + Integer.BYTES);
                    Map<String, RecordPieces.Piece> byId = new TreeMap<>();
                    for (int k = 0; k < m; k++) {
                      byId.put(text(i), new RecordPieces.Piece(i.getLong(), i.getInt()));
                    }
                    return byId;
                  }),
              section(in, ByteBuffer::getLong));
      return in.hasRemaining() ? Optional.empty() : Optional.of(delta);
    } catch (RuntimeException e) {
      return Optional.empty(); // counts that do not fit, a cut text
    }
  }

  private interface Writer<V> {
    void write(DataOutputStream out, V value) throws IOException;
  }

  private interface Reader<V> {
    V read(ByteBuffer in);
  }

  private static <V> void section(DataOutputStream out, Section<V> section, Writer<V> value)
      throws IOException {
    Map<String, V> set = new TreeMap<>(section.set);
    out.writeInt(set.size());
    for (Map.Entry<String, V> entry : set.entrySet()) {
      text(out, entry.getKey());
      value.write(out, entry.getValue());
    }
    Set<String> removed = new TreeSet<>(section.removed);
    out.writeInt(removed.size());
    for (String key : removed) {
      text(out, key);
    }
  }

  private static <V> Section<V> section(ByteBuffer in, Reader<V> value) {
    int setCount = count(in, Integer.BYTES);
    Map<String, V> set = new LinkedHashMap<>();
    for (int i = 0; i < setCount; i++) {
      String key = text(in);
      set.put(key, value.read(in));
    }
    int removedCount = count(in, Integer.BYTES);
    Set<String> removed = new HashSet<>();
    for (int i = 0; i < removedCount; i++) {
      removed.add(text(in));
    }
    if (set.size() != setCount
        || removed.size() != removedCount
        || !disjoint(set.keySet(), removed)) {
      throw new IllegalStateException("a key twice, or both set and removed");
    }
    return new Section<>(set, removed);
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    for (String key : b) {
      if (a.contains(key)) {
        return false;
      }
    }
    return true;
  }

  private static void text(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /** A text as {@link StateManifest} reads one: the same layout. */
  private static String text(ByteBuffer in) {
    return StateManifest.text(in);
  }

  private static int count(ByteBuffer in, int least) {
    return StateManifest.count(in, least);
  }
}
