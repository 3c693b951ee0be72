package org.briefing.content;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private static final int FORMAT = 0x62594d34; // "bYM4"

  /**
   * A text read without problems, as UTF-8, and its nodes in the form {@link #encode} writes. Bytes
   * rather than strings: kept as read and written as kept, with nothing to decode or encode again,
   * and nothing for the collector to look into.
   */
  private record Entry(String key, byte[] text, byte[] nodes) {}

  /**
   * A language file read whole without a problem: its length and CRC-32C, and where its body
   * starts: the byte, and the character of the decoded text.
   */
  record Whole(String key, int length, long checksum, int bodyStart, int bodyChars) {}

  /**
   * A record folder as a build saw it just before reading it without a problem (see {@link
   * UnchangedRecords}): the folder's time, each file's name, size and time, in nanoseconds, and the
   * record's hash.
   */
  record Seen(
      String key, long folderTime, List<String> names, long[] sizes, long[] times, String hash) {}

  private record Memory(
      Map<String, Entry> texts,
      Map<String, Whole> files,
      Map<String, Seen> folders,
      ValidatedRecords validated) {}

  private final YamlReader reader = new YamlReader();
  private Map<String, Entry> earlier;
  private Map<String, Whole> earlierFiles;
  private Map<String, Seen> earlierFolders;

  /** How many texts were parsed rather than remembered. */
  private final AtomicInteger parsed = new AtomicInteger();

  /** What this build read, to be written for the next; null when not remembering. */
  private final Map<String, Entry> now;

  private final Map<String, Whole> nowFiles;

  private final Map<String, Seen> nowFolders;

  /** How many record folders were taken from memory without reading their files. */
  private final AtomicInteger unread = new AtomicInteger();

  /** The records the last build found valid, and this one finds. */
  private final ValidatedRecords validated;

  private ParsedYaml(Memory earlier, boolean remembering) {
    this.validated = earlier.validated();
    this.earlier = earlier.texts();
    this.earlierFiles = earlier.files();
    this.earlierFolders = earlier.folders();
    this.now = remembering ? new ConcurrentHashMap<>() : null;
    this.nowFiles = remembering ? new ConcurrentHashMap<>() : null;
    this.nowFolders = remembering ? new ConcurrentHashMap<>() : null;
  }

  /** Parses everything and remembers nothing: for commands that read the content once. */
  public static ParsedYaml none() {
    return new ParsedYaml(empty(ValidatedRecords.none()), false);
  }

  /**
   * Remembers what an earlier build kept in {@code file}, if anything, and what this one reads, for
   * {@link #keepBeside}.
   */
  public static ParsedYaml read(Path file) {
    return read(file, null);
  }

  /**
   * As {@link #read(Path)}, for a build of {@code program} (a hash of its classes): it also takes
   * the records the last build of the same program found valid ({@link ValidatedRecords}).
   */
  public static ParsedYaml read(Path file, String program) {
    return new ParsedYaml(memory(file, program), true);
  }

  /** The records the last build found valid, and where the validator keeps this build's. */
  public ValidatedRecords validated() {
    return validated;
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
      Optional<YamlNode> node = NodeCodec.decode(file, known.nodes());
      if (node.isPresent()) {
        remember(known);
        return node;
      }
    }
    int before = problems.size();
    parsed.incrementAndGet();
    Optional<YamlNode> node = reader.read(file, text, lineOffset, problems);
    if (node.isPresent() && problems.size() == before && now != null) {
      remember(new Entry(key, utf8, NodeCodec.encode(node.get())));
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
  void readWhole(Path file, int length, long checksum, int bodyStart, int bodyChars) {
    keepWhole(new Whole(file.toString(), length, checksum, bodyStart, bodyChars));
  }

  /** Notes that a language file is as {@code whole} says, for the next build. */
  void keepWhole(Whole whole) {
    if (nowFiles != null) {
      nowFiles.put(whole.key(), whole);
    }
  }

  /** The language file {@code file} as the last build read it whole, if it did. */
  Optional<Whole> whole(Path file) {
    return Optional.ofNullable(earlierFiles.get(file.toString()));
  }

  /** The nodes the last build read from {@code file} at that line, kept for the next build too. */
  Optional<YamlNode> remembered(Path file, int lineOffset) {
    String key = lineOffset + ":" + file;
    Entry known = earlier.get(key);
    Optional<YamlNode> node =
        known == null ? Optional.empty() : NodeCodec.decode(file, known.nodes());
    node.ifPresent(read -> remember(known));
    return node;
  }

  /** The record folder {@code folder} as the last build saw it, if it read it without a problem. */
  Optional<Seen> seen(Path folder) {
    return Optional.ofNullable(earlierFolders.get(folder.toString()));
  }

  /** Notes how a record folder was seen before it was read, for the next build. */
  void saw(Seen seen) {
    if (nowFolders != null) {
      nowFolders.put(seen.key(), seen);
    }
  }

  /** Whether the last build saw any record folder, so that this one may take folders unread. */
  boolean sawFolders() {
    return !earlierFolders.isEmpty();
  }

  /** Whether this reader keeps what it reads for the next build. */
  boolean remembering() {
    return now != null;
  }

  /** Counts a record folder taken from memory unread. */
  void tookUnread() {
    unread.incrementAndGet();
  }

  /** How many record folders this reader took from memory without reading their files. */
  int unread() {
    return unread.get();
  }

  /** How many texts this reader has parsed, not taken from memory. */
  int parsed() {
    return parsed.get();
  }

  /**
   * Keeps {@code entry} for the next build, under the very key string it was read with: the next
   * memory is written in the order of the last, and comparing a key with itself is one check.
   */
  private void remember(Entry entry) {
    if (now != null) {
      now.put(entry.key(), entry);
    }
  }

  /**
   * Writes what this build read (and only that: files since removed are forgotten) beside {@code
   * file}, to take its place when the build publishes ({@link PendingFile#keep}); closed without
   * that, it leaves nothing. Written as soon as the content is read, and let go: held until the
   * end, it added to the build's peak memory. This reader remembers nothing more afterwards.
   */
  public PendingFile keepBeside(Path file) throws IOException {
    if (now == null) {
      throw new IllegalStateException("this reader remembers nothing");
    }
    if (asRemembered() && Files.isRegularFile(file)) {
      forget();
      return new PendingFile(file, null, null); // the memory there says just what this build read
    }
    Path folder = file.toAbsolutePath().getParent();
    Path created = Files.isDirectory(folder) ? null : Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, "yaml", ".part");
    PendingFile pending = new PendingFile(file, temporary, created);
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
      out.writeInt(FORMAT);
      // The same reads, the same bytes: sorted, mostly in the order the last build wrote them.
      String[] texts = SortedKeys.of(now.keySet(), earlier.keySet());
      out.writeInt(texts.length);
      for (String key : texts) {
        Entry entry = now.get(key);
        NodeCodec.string(out, key);
        out.writeInt(entry.text().length);
        out.write(entry.text());
        out.writeInt(entry.nodes().length);
        out.write(entry.nodes());
      }
      String[] files = SortedKeys.of(nowFiles.keySet(), earlierFiles.keySet());
      out.writeInt(files.length);
      for (String key : files) {
        Whole whole = nowFiles.get(key);
        NodeCodec.string(out, key);
        out.writeInt(whole.length());
        out.writeLong(whole.checksum());
        out.writeInt(whole.bodyStart());
        out.writeInt(whole.bodyChars());
      }
      String[] folders = SortedKeys.of(nowFolders.keySet(), earlierFolders.keySet());
      out.writeInt(folders.length);
      for (String key : folders) {
        Seen seen = nowFolders.get(key);
        NodeCodec.string(out, key);
        out.writeLong(seen.folderTime());
        NodeCodec.string(out, seen.hash());
        out.writeInt(seen.names().size());
        for (int i = 0; i < seen.names().size(); i++) {
          NodeCodec.string(out, seen.names().get(i));
          out.writeLong(seen.sizes()[i]);
          out.writeLong(seen.times()[i]);
        }
      }
      validated.write(out);
    } catch (IOException | RuntimeException e) {
      pending.close();
      throw e;
    }
    forget();
    return pending;
  }

  /**
   * Whether this build read just what the last one remembered: the same texts, files and folders,
   * each taken from memory. Its memory would then be written byte for byte as it is.
   */
  private boolean asRemembered() {
    // Entries taken from memory are the very objects read, so equal; a file read again is not.
    return now.equals(earlier)
        && nowFiles.equals(earlierFiles)
        && nowFolders.equals(earlierFolders)
        && validated.asRemembered();
  }

  private void forget() {
    now.clear();
    nowFiles.clear();
    nowFolders.clear();
    validated.forget();
    earlier = Map.of();
    earlierFiles = Map.of();
    earlierFolders = Map.of();
  }

  private static Memory empty(ValidatedRecords validated) {
    return new Memory(Map.of(), Map.of(), Map.of(), validated);
  }

  private static Memory memory(Path file, String program) {
    Memory none = empty(ValidatedRecords.empty(program));
    if (!Files.isRegularFile(file)) {
      return none;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(FileBytes.read(file)))) {
      if (in.readInt() != FORMAT) {
        return none;
      }
      // In the order written, which is sorted: the next memory is written mostly in that order.
      Map<String, Entry> texts = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        String key = NodeCodec.string(in);
        texts.put(key, new Entry(key, NodeCodec.bytes(in), NodeCodec.bytes(in)));
      }
      Map<String, Whole> files = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        String key = NodeCodec.string(in);
        files.put(key, new Whole(key, in.readInt(), in.readLong(), in.readInt(), in.readInt()));
      }
      Map<String, Seen> folders = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        String folder = NodeCodec.string(in);
        long time = in.readLong();
        String hash = NodeCodec.string(in);
        int n = in.readInt();
        if (n < 0 || n > 3) {
          return none;
        }
        List<String> names = new ArrayList<>();
        long[] sizes = new long[n];
        long[] times = new long[n];
        for (int j = 0; j < n; j++) {
          names.add(NodeCodec.string(in));
          sizes[j] = in.readLong();
          times[j] = in.readLong();
        }
        folders.put(folder, new Seen(folder, time, List.copyOf(names), sizes, times, hash));
      }
      ValidatedRecords validated = ValidatedRecords.read(in, program);
      return in.available() == 0 ? new Memory(texts, files, folders, validated) : none;
    } catch (IOException | RuntimeException e) {
      return none; // a damaged memory only costs parsing everything again
    }
  }
}
