package org.briefing.content;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records the last build found valid, each as the validator encoded it, kept with the YAML
 * memory ({@link ParsedYaml}) for a build that reuses that build. A folder the loader takes unread
 * ({@link UnchangedRecords}) whose record is here needs neither its YAML decoded nor its rules
 * checked again: at 10,000 records, those were most of the time loading and validating took, and
 * their garbage most of the collector's work in a build that adds one record.
 *
 * <p>A record is taken only when all it was checked against is as it was: its folder's bytes (its
 * hash), the program and the shared files (the stamp, for the whole memory), and the records it
 * names as related, each of which must still exist. Anything else is read and checked as usual, and
 * its problems reported as usual. The bytes mean nothing here: the validator writes and reads them.
 *
 * <p>Thread-safe: records are read and checked in parallel.
 */
public final class ValidatedRecords {

  /** A record the validator found valid: its folder, hash, related ids and encoded form. */
  record Entry(String key, String hash, List<String> needs, byte[] record) {}

  private String earlierStamp;
  private Map<String, Entry> earlier;

  /** The program's identity and the shared files' text, once read; null while unknown. */
  private volatile String stamp;

  private final String program;

  /** What this build found valid, for the next; null when not remembering. */
  private final Map<String, Entry> now;

  private ValidatedRecords(
      String earlierStamp, Map<String, Entry> earlier, String program, boolean remembering) {
    this.earlierStamp = earlierStamp;
    this.earlier = earlier;
    this.program = program;
    this.now = remembering ? new ConcurrentHashMap<>() : null;
  }

  /** Keeps nothing and takes nothing. */
  public static ValidatedRecords none() {
    return new ValidatedRecords("", Map.of(), null, false);
  }

  /**
   * Notes the shared files as this build read them ({@code shared}, a hash of their text): the
   * records of the last build are taken only if it read the same, with the same program.
   */
  void sharedFilesRead(String shared) {
    stamp = program == null ? null : program + " " + shared;
  }

  /**
   * The record the last build found valid in {@code folder}, when the folder holds the same bytes
   * ({@code hash}), the program and shared files are the same, and every record it names is among
   * {@code ids}; kept for the next build too.
   */
  Optional<byte[]> take(Path folder, String hash, Set<String> ids) {
    if (stamp == null || !stamp.equals(earlierStamp)) {
      return Optional.empty();
    }
    Entry entry = earlier.get(folder.toString());
    if (entry == null || !entry.hash().equals(hash) || !ids.containsAll(entry.needs())) {
      return Optional.empty();
    }
    if (now != null) {
      now.put(entry.key(), entry);
    }
    return Optional.of(entry.record());
  }

  /**
   * Keeps {@code record}, the validator's encoding of the valid record in {@code folder}, which
   * names the records {@code related}, for the next build.
   */
  public void keep(RecordFolder folder, List<String> related, byte[] record) {
    if (now != null && stamp != null && !folder.validated().isPresent()) {
      String key = folder.dir().toString();
      now.put(key, new Entry(key, folder.hash(), List.copyOf(related), record));
    }
  }

  /** Whether this build kept just what the last one did, under the same stamp. */
  boolean asRemembered() {
    return written().equals(earlierStamp) && now.equals(earlier);
  }

  /** The stamp as written: none is an empty one, which no build takes records under. */
  private String written() {
    return stamp == null ? "" : stamp;
  }

  void forget() {
    now.clear();
    earlier = Map.of();
    earlierStamp = "";
  }

  /** Writes what this build kept, sorted (mostly in the order of the last). */
  void write(DataOutputStream out) throws IOException {
    NodeCodec.string(out, written());
    String[] keys = SortedKeys.of(now.keySet(), earlier.keySet());
    out.writeInt(keys.length);
    for (String key : keys) {
      Entry entry = now.get(key);
      NodeCodec.string(out, key);
      NodeCodec.string(out, entry.hash());
      out.writeInt(entry.needs().size());
      for (String id : entry.needs()) {
        NodeCodec.string(out, id);
      }
      out.writeInt(entry.record().length);
      out.write(entry.record());
    }
  }

  /** What {@link #write} wrote, for a build of {@code program} that remembers for the next. */
  static ValidatedRecords read(DataInputStream in, String program) throws IOException {
    String stamp = NodeCodec.string(in);
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      String key = NodeCodec.string(in);
      String hash = NodeCodec.string(in);
      int n = in.readInt();
      if (n < 0 || n > in.available()) {
        throw new IOException("damaged");
      }
      List<String> needs = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        needs.add(NodeCodec.string(in));
      }
      entries.put(key, new Entry(key, hash, List.copyOf(needs), NodeCodec.bytes(in)));
    }
    return new ValidatedRecords(stamp, entries, program, true);
  }

  /** An empty memory, for a build of {@code program} that remembers for the next. */
  static ValidatedRecords empty(String program) {
    return new ValidatedRecords("", Map.of(), program, true);
  }
}
