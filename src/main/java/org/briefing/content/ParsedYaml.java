package org.briefing.content;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads YAML through {@link YamlReader}, remembering what an earlier build read: a file whose YAML
 * text is the very text read then (compared in full, not by a checksum) gets the nodes read then,
 * without parsing. Parsing was most of the time a build that reuses the last one spent on 10,000
 * unchanged records. Only text read without a single problem is remembered, so text that gets one
 * is always parsed, and reported, again.
 *
 * <p>It also remembers which language files were read whole without a problem (their length,
 * CRC-32C and where their body starts), so that the very same bytes need only their front matter
 * decoded: their body is known to be good text.
 *
 * <p>The memory is kept in a file of its own (the build keeps it with its state). It describes
 * texts, not a folder, so one older or newer than the content is never wrong, only less useful; one
 * that cannot be read is an empty memory.
 *
 * <p>Thread-safe: records are read in parallel.
 */
public final class ParsedYaml {

  private static final int FORMAT = 0x62594d32; // "bYM2"

  /**
   * A text read without problems, as UTF-8, and its nodes in the form {@link #encode} writes. Bytes
   * rather than strings: kept as read and written as kept, with nothing to decode or encode again,
   * and nothing for the collector to look into.
   */
  private record Entry(byte[] text, byte[] nodes) {}

  /**
   * A language file read whole without a problem: its length and CRC-32C, and the byte its body
   * starts at.
   */
  private record Whole(int length, long checksum, int bodyStart) {}

  private record Memory(Map<String, Entry> texts, Map<String, Whole> files) {
    static final Memory NONE = new Memory(Map.of(), Map.of());
  }

  private final YamlReader reader = new YamlReader();
  private Map<String, Entry> earlier;
  private Map<String, Whole> earlierFiles;

  /** How many texts were parsed rather than remembered. */
  private final AtomicInteger parsed = new AtomicInteger();

  /** What this build read, to be written for the next; null when not remembering. */
  private final Map<String, Entry> now;

  private final Map<String, Whole> nowFiles;

  private ParsedYaml(Memory earlier, boolean remembering) {
    this.earlier = earlier.texts();
    this.earlierFiles = earlier.files();
    this.now = remembering ? new ConcurrentHashMap<>() : null;
    this.nowFiles = remembering ? new ConcurrentHashMap<>() : null;
  }

  /** Parses everything and remembers nothing: for commands that read the content once. */
  public static ParsedYaml none() {
    return new ParsedYaml(Memory.NONE, false);
  }

  /**
   * Remembers what an earlier build kept in {@code file}, if anything, and what this one reads, for
   * {@link #keepBeside}.
   */
  public static ParsedYaml read(Path file) {
    return new ParsedYaml(memory(file), true);
  }

  /**
   * Parses {@code text}, as {@link YamlReader#read} does, unless the same file held the very same
   * text at the same line when the memory was written.
   */
  Optional<YamlNode> read(Path file, String text, int lineOffset, List<Problem> problems) {
    String key = lineOffset + ":" + file;
    Entry known = earlier.get(key);
    // Encoded only to compare or to remember: a reader that does neither (the preview's, check's)
    // parses as YamlReader does, and nothing more.
    byte[] utf8 = known == null && now == null ? null : text.getBytes(StandardCharsets.UTF_8);
    if (known != null && Arrays.equals(known.text(), utf8)) {
      Optional<YamlNode> node = decode(file, known.nodes());
      if (node.isPresent()) {
        remember(key, known);
        return node;
      }
    }
    int before = problems.size();
    parsed.incrementAndGet();
    Optional<YamlNode> node = reader.read(file, text, lineOffset, problems);
    if (node.isPresent() && problems.size() == before && now != null) {
      remember(key, new Entry(utf8, encode(node.get())));
    }
    return node;
  }

  /** Whether the last build read YAML from {@code file} at that line: the file was there then. */
  boolean remembers(Path file, int lineOffset) {
    return earlier.containsKey(lineOffset + ":" + file);
  }

  /**
   * Where the body of the language file {@code file} starts, as a byte offset, if the last build
   * read these very bytes (the same length and CRC-32C) whole, without a problem: the rest of the
   * file need not be decoded to be known good.
   */
  OptionalInt bodyStart(Path file, int length, long checksum) {
    Whole whole = earlierFiles.get(file.toString());
    return whole != null && whole.length() == length && whole.checksum() == checksum
        ? OptionalInt.of(whole.bodyStart())
        : OptionalInt.empty();
  }

  /** Notes that the language file {@code file} was read whole without a problem, for the next. */
  void readWhole(Path file, int length, long checksum, int bodyStart) {
    if (nowFiles != null) {
      nowFiles.put(file.toString(), new Whole(length, checksum, bodyStart));
    }
  }

  /** How many texts this reader has parsed, not taken from memory. */
  int parsed() {
    return parsed.get();
  }

  private void remember(String key, Entry entry) {
    if (now != null) {
      now.put(key, entry);
    }
  }

  /**
   * Writes what this build read (and only that: files since removed are forgotten) beside {@code
   * file}, to take its place when the build publishes ({@link Pending#keep}); closed without that,
   * it leaves nothing. Written as soon as the content is read, and let go: held until the end, it
   * added to the build's peak memory. This reader remembers nothing more afterwards.
   */
  public Pending keepBeside(Path file) throws IOException {
    if (now == null) {
      throw new IllegalStateException("this reader remembers nothing");
    }
    Path folder = file.toAbsolutePath().getParent();
    Path created = Files.isDirectory(folder) ? null : Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, "yaml", ".part");
    Pending pending = new Pending(file, temporary, created);
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
      out.writeInt(FORMAT);
      // The same reads, the same bytes: sorted, mostly in the order the last build wrote them.
      String[] texts = SortedKeys.of(now.keySet(), earlier.keySet());
      out.writeInt(texts.length);
      for (String key : texts) {
        Entry entry = now.get(key);
        string(out, key);
        out.writeInt(entry.text().length);
        out.write(entry.text());
        out.writeInt(entry.nodes().length);
        out.write(entry.nodes());
      }
      String[] files = SortedKeys.of(nowFiles.keySet(), earlierFiles.keySet());
      out.writeInt(files.length);
      for (String key : files) {
        Whole whole = nowFiles.get(key);
        string(out, key);
        out.writeInt(whole.length());
        out.writeLong(whole.checksum());
        out.writeInt(whole.bodyStart());
      }
    } catch (IOException | RuntimeException e) {
      pending.close();
      throw e;
    }
    now.clear();
    nowFiles.clear();
    earlier = Map.of();
    earlierFiles = Map.of();
    return pending;
  }

  /** What a build read, written beside the file it is to replace. */
  public static final class Pending implements Closeable {
    private final Path file;
    private final Path temporary;
    private final Path created;
    private boolean kept;

    private Pending(Path file, Path temporary, Path created) {
      this.file = file;
      this.temporary = temporary;
      this.created = created;
    }

    /** Puts it in place of the last build's, in one step. */
    public void keep() throws IOException {
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      kept = true;
    }

    /** Unless kept, removes it, and the folder it made for it when that is empty. */
    @Override
    public void close() throws IOException {
      if (kept) {
        return;
      }
      Files.deleteIfExists(temporary);
      if (created != null) {
        try {
          Files.deleteIfExists(created);
        } catch (DirectoryNotEmptyException e) {
          // something else keeps it now
        }
      }
    }
  }

  private static Memory memory(Path file) {
    if (!Files.isRegularFile(file)) {
      return Memory.NONE;
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      if (in.readInt() != FORMAT) {
        return Memory.NONE;
      }
      // In the order written, which is sorted: the next memory is written mostly in that order.
      Map<String, Entry> texts = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        texts.put(string(in), new Entry(bytes(in), bytes(in)));
      }
      Map<String, Whole> files = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        files.put(string(in), new Whole(in.readInt(), in.readLong(), in.readInt()));
      }
      return in.available() == 0 ? new Memory(texts, files) : Memory.NONE;
    } catch (IOException | RuntimeException e) {
      return Memory.NONE; // a damaged memory only costs parsing everything again
    }
  }

  private static final int SCALAR = 0;
  private static final int NULL = 1;
  private static final int SEQUENCE = 2;
  private static final int MAPPING = 3;

  /** The nodes of one text, positions without their file (which is the key's). */
  static byte[] encode(YamlNode node) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      encode(out, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array cannot fail to be written
    }
    return bytes.toByteArray();
  }

  private static void encode(DataOutputStream out, YamlNode node) throws IOException {
    if (node instanceof YamlNode.Scalar scalar) {
      out.writeByte(scalar.isNull() ? NULL : SCALAR);
      string(out, scalar.text());
    } else if (node instanceof YamlNode.Sequence sequence) {
      out.writeByte(SEQUENCE);
      out.writeInt(sequence.items().size());
      for (YamlNode item : sequence.items()) {
        encode(out, item);
      }
    } else {
      YamlNode.Mapping mapping = (YamlNode.Mapping) node;
      out.writeByte(MAPPING);
      out.writeInt(mapping.entries().size());
      for (Map.Entry<String, YamlNode> entry : mapping.entries().entrySet()) {
        string(out, entry.getKey());
        position(out, mapping.keyPositions().get(entry.getKey()));
        encode(out, entry.getValue());
      }
    }
    position(out, node.position());
  }

  /**
   * The nodes {@link #encode} wrote, as {@link YamlReader} makes them, in {@code file}; empty when
   * the bytes are damaged.
   */
  static Optional<YamlNode> decode(Path file, byte[] nodes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(nodes))) {
      YamlNode node = decode(in, file, 0);
      return in.available() == 0 ? Optional.of(node) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static YamlNode decode(DataInputStream in, Path file, int depth) throws IOException {
    if (depth > YamlReader.MAX_DEPTH) {
      throw new IOException("nested deeper than the reader allows");
    }
    int kind = in.readByte();
    switch (kind) {
      case SCALAR, NULL -> {
        String text = string(in);
        return new YamlNode.Scalar(text, kind == NULL, position(in, file));
      }
      case SEQUENCE -> {
        int count = in.readInt();
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          items.add(decode(in, file, depth + 1));
        }
        return new YamlNode.Sequence(List.copyOf(items), position(in, file));
      }
      case MAPPING -> {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
          throw new IOException("a mapping of " + count + " keys");
        }
        String[] keys = new String[count];
        Position[] at = new Position[count];
        YamlNode[] values = new YamlNode[count];
        for (int i = 0; i < count; i++) {
          keys[i] = string(in).intern(); // the same few field names in every record
          at[i] = position(in, file);
          values[i] = decode(in, file, depth + 1);
        }
        return new YamlNode.Mapping(
            new OrderedMap<>(keys, values), new OrderedMap<>(keys, at), position(in, file));
      }
      default -> throw new IOException("not a node: " + kind);
    }
  }

  private static void position(DataOutputStream out, Position position) throws IOException {
    out.writeInt(position.line());
    out.writeInt(position.column());
  }

  private static Position position(DataInputStream in, Path file) throws IOException {
    return new Position(file, in.readInt(), in.readInt());
  }

  /** UTF-8 with its length first: {@code writeUTF} stops at 64 KiB, a YAML text may not. */
  private static void string(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** A length and as many bytes, the length checked against what is left: memory may be damaged. */
  private static byte[] bytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("a length of " + length + " with " + in.available() + " bytes left");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  private static String string(DataInputStream in) throws IOException {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }
}
