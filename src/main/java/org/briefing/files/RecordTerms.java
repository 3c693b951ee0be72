package org.briefing.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Each record's search terms in each language, kept from one build to the next so that a build
 * reusing the last one reads again only the words of the records that changed. Reading a record's
 * words (its Markdown to text, then normalising and stemming every word) is most of what the search
 * index costs, and every change to any record rewrites the index.
 *
 * <p>Each language's words are kept once, in a table, and each record's terms as numbers into it.
 * The next build keeps the table as it was and adds the words it has not seen, so the terms of a
 * record that did not change are copied as the bytes they were: at 10,000 records, encoding every
 * record's terms again was a tenth of a build that added one record. A word that no record uses any
 * more stays in the table until a build makes every record's terms afresh (after a change of
 * program, templates or strings).
 *
 * <p>Terms are stored by record id with the hash of the record's files; an entry whose record has
 * changed since is never used. Thread-safe: pages of one language, rendered side by side, record
 * into their language's table one at a time.
 */
public final class RecordTerms {

  /** A record's terms in one language and the weight of each, in the order they were found. */
  public record Terms(String[] words, int[] weights) {}

  private static final String FORMAT = "briefing record terms 2";

  /** A record's terms as the last build kept them: numbers into its language's table. */
  private record Kept(String hash, byte[] bytes) {}

  private final Map<String, String> hashes;
  private final Map<String, String[]> tables;
  private final Map<String, Map<String, Kept>> earlier;
  private final Map<String, Recorder> recorders = new HashMap<>();

  /** Whether {@link #write} would write the file this was read from again: see {@link #asRead}. */
  private final boolean whole;

  private volatile boolean made;

  /**
   * @param hashes each record's hash in this build, by id; records not in it are not recorded
   * @param tables the last build's words, by language code
   * @param earlier the last build's terms by language code and id, only those of records that have
   *     not changed since
   */
  private RecordTerms(
      Map<String, String> hashes,
      Map<String, String[]> tables,
      Map<String, Map<String, Kept>> earlier,
      boolean whole) {
    this.hashes = hashes;
    this.tables = tables;
    this.earlier = earlier;
    this.whole = whole;
  }

  /** Nothing kept and nothing to keep: every record's terms are made. */
  public static RecordTerms none() {
    return new RecordTerms(Map.of(), Map.of(), Map.of(), false);
  }

  /** Nothing kept yet: every record's terms are made, and recorded for the next build. */
  public static RecordTerms recording(Map<String, String> hashes) {
    return new RecordTerms(hashes, Map.of(), Map.of(), false);
  }

  /**
   * The terms kept in {@code file} for the records whose hash is still the one in {@code hashes};
   * nothing when the file is missing or unreadable (which costs only the work of making them).
   */
  public static RecordTerms read(Path file, Map<String, String> hashes) {
    Map<String, String[]> tables = new HashMap<>();
    Map<String, Map<String, Kept>> earlier = new HashMap<>();
    boolean whole = true;
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (!FORMAT.equals(in.readUTF())) {
        return recording(hashes);
      }
      for (int languages = in.readInt(); languages > 0; languages--) {
        String lang = in.readUTF();
        String[] words = new String[in.readInt()];
        for (int i = 0; i < words.length; i++) {
          words[i] = in.readUTF();
        }
        Map<String, Kept> kept = new HashMap<>();
        for (int records = in.readInt(); records > 0; records--) {
          String id = in.readUTF();
          String hash = in.readUTF();
          byte[] bytes = new byte[in.readInt()];
          in.readFully(bytes);
          if (hash.equals(hashes.get(id))) {
            kept.put(id, new Kept(hash, bytes));
          } else {
            whole = false; // a record since changed or removed: written again without it
          }
        }
        tables.put(lang, words);
        earlier.put(lang, kept);
      }
    } catch (NoSuchFileException e) {
      return recording(hashes);
    } catch (IOException | RuntimeException e) {
      return recording(hashes); // a damaged file only costs the work
    }
    return new RecordTerms(hashes, tables, earlier, whole);
  }

  /**
   * The terms of the record {@code id} in the language {@code lang}: the last build's when the
   * record has not changed, else {@code make}'s. Either way they are recorded for the next build.
   */
  public Terms of(String lang, String id, Supplier<Terms> make) {
    Kept kept = earlier.getOrDefault(lang, Map.of()).get(id);
    if (kept != null) {
      String[] table = tables.get(lang);
      Terms terms = decode(i -> table[i], kept.bytes());
      if (terms != null) {
        recorder(lang).keep(id, kept);
        return terms;
      }
    }
    String hash = hashes.get(id);
    if (hash == null) {
      return make.get();
    }
    Terms made = recorder(lang).terms(id);
    if (made != null) { // offered by the record's page
      return made;
    }
    Terms terms = make.get();
    this.made = true;
    recorder(lang).add(id, hash, terms);
    return terms;
  }

  /**
   * Records the terms of the record {@code id} in {@code lang}, made by {@code make}, unless they
   * are known already: from the last build, or recorded earlier in this one. A page that has read
   * its record's body offers them, so that {@link #of} need not read the body again.
   */
  public void offer(String lang, String id, Supplier<Terms> make) {
    String hash = hashes.get(id);
    if (hash == null || earlier.getOrDefault(lang, Map.of()).containsKey(id)) {
      return;
    }
    Recorder recorder = recorder(lang);
    if (!recorder.has(id)) {
      made = true;
      recorder.add(id, hash, make.get());
    }
  }

  /**
   * Whether {@link #write} would write what the file read holds: every record in it still has its
   * hash, and no record's terms were made. A build with nothing to do leaves the file alone.
   */
  public boolean asRead() {
    return whole && !made;
  }

  /**
   * Writes what this build recorded to {@code file}, and the last build's terms of the records it
   * did not need (a build that kept the search index as it was reads no record's words).
   */
  public void write(Path file) throws IOException {
    earlier.forEach(
        (lang, byId) -> {
          Recorder recorder = recorder(lang);
          new TreeMap<>(byId).forEach(recorder::keep); // once only: see Recorder#keep
        });
    Map<String, Recorder> all;
    synchronized (recorders) {
      all = new TreeMap<>(recorders);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      DataOutputStream data = new DataOutputStream(out);
      data.writeUTF(FORMAT);
      data.writeInt(all.size());
      for (Map.Entry<String, Recorder> lang : all.entrySet()) {
        data.writeUTF(lang.getKey());
        lang.getValue().writeTo(data);
      }
    }
  }

  /** The terms {@code bytes} number in {@code table}; null when they do not fit it (damaged). */
  private static Terms decode(IntFunction<String> table, byte[] bytes) {
    int[] at = {0};
    try {
      int count = readNumber(bytes, at);
      String[] words = new String[count];
      int[] weights = new int[count];
      for (int i = 0; i < count; i++) {
        words[i] = table.apply(readNumber(bytes, at));
        weights[i] = readNumber(bytes, at);
      }
      return at[0] == bytes.length ? new Terms(words, weights) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A number of zero or more in as few bytes as it needs: seven bits a byte, low bits first. */
  private static void writeNumber(ByteArrayOutputStream out, int n) {
    while ((n & ~0x7f) != 0) {
      out.write((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.write(n);
  }

  private static int readNumber(byte[] bytes, int[] at) {
    int n = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = bytes[at[0]++] & 0xff;
      n |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return n;
      }
    }
    throw new IllegalStateException("a number longer than an int");
  }

  private Recorder recorder(String lang) {
    synchronized (recorders) {
      return recorders.computeIfAbsent(
          lang, l -> new Recorder(tables.getOrDefault(l, new String[0])));
    }
  }

  /**
   * One language's records as they are recorded, already in the file's form: the last build's table
   * of words, with the words it lacked added at its end, and each record's terms as numbers into
   * it.
   */
  private static final class Recorder {
    private final List<String> words;
    private Map<String, Integer> numbers; // made when a record's terms are first encoded
    private final Map<String, Kept> records = new LinkedHashMap<>();

    Recorder(String[] table) {
      words = new ArrayList<>(List.of(table));
    }

    /** Records the terms of a record that did not change, as the last build kept them. */
    synchronized void keep(String id, Kept kept) {
      records.putIfAbsent(id, kept); // a second search plan of the same build: the same terms
    }

    synchronized boolean has(String id) {
      return records.containsKey(id);
    }

    /** The terms recorded for {@code id}, or null. */
    synchronized Terms terms(String id) {
      Kept kept = records.get(id);
      return kept == null ? null : decode(words::get, kept.bytes());
    }

    synchronized void add(String id, String hash, Terms terms) {
      if (records.containsKey(id)) {
        return;
      }
      if (numbers == null) {
        numbers = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
          numbers.putIfAbsent(words.get(i), i);
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(terms.words().length * 3 + 4);
      writeNumber(bytes, terms.words().length);
      for (int i = 0; i < terms.words().length; i++) {
        Integer known = numbers.get(terms.words()[i]);
        if (known == null) {
          known = words.size();
          words.add(terms.words()[i]);
          numbers.put(terms.words()[i], known);
        }
        writeNumber(bytes, known);
        writeNumber(bytes, terms.weights()[i]);
      }
      records.put(id, new Kept(hash, bytes.toByteArray()));
    }

    synchronized void writeTo(DataOutputStream data) throws IOException {
      data.writeInt(words.size());
      for (String word : words) {
        data.writeUTF(word);
      }
      data.writeInt(records.size());
      for (Map.Entry<String, Kept> record : records.entrySet()) {
        data.writeUTF(record.getKey());
        data.writeUTF(record.getValue().hash());
        data.writeInt(record.getValue().bytes().length);
        data.write(record.getValue().bytes());
      }
    }
  }
}
