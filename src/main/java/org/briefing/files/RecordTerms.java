package org.briefing.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each record's search terms in each language, kept from one build to the next so that a build
 * reusing the last one reads again only the words of the records that changed. Reading a record's
 * words (its Markdown to text, then normalising and stemming every word) is most of what the search
 * index costs, and every change to any record rewrites the index.
 *
 * <p>Terms are stored by record id with the hash of the record's files; an entry whose record has
 * changed since is never used. Thread-safe: each language is recorded by one thread at a time, the
 * languages by different ones.
 */
public final class RecordTerms {

  /** A record's terms in one language and the weight of each, in the order they were found. */
  public record Terms(String[] words, int[] weights) {}

  private static final String FORMAT = "briefing record terms 1";

  private final Map<String, String> hashes;
  private final Map<String, Terms> earlier;
  private final Map<String, Recorder> recorders = new HashMap<>();

  /**
   * @param hashes each record's hash in this build, by id; records not in it are not recorded
   * @param earlier the terms of the last build, by language code and id ({@code "ar/id"}), only
   *     those of records that have not changed since
   */
  private RecordTerms(Map<String, String> hashes, Map<String, Terms> earlier) {
    this.hashes = hashes;
    this.earlier = earlier;
  }

  /** Nothing kept and nothing to keep: every record's terms are made. */
  public static RecordTerms none() {
    return new RecordTerms(Map.of(), Map.of());
  }

  /** Nothing kept yet: every record's terms are made, and recorded for the next build. */
  public static RecordTerms recording(Map<String, String> hashes) {
    return new RecordTerms(hashes, Map.of());
  }

  /**
   * The terms kept in {@code file} for the records whose hash is still the one in {@code hashes};
   * nothing when the file is missing or unreadable (which costs only the work of making them).
   */
  public static RecordTerms read(Path file, Map<String, String> hashes) {
    Map<String, Terms> earlier = new HashMap<>();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (!FORMAT.equals(in.readUTF())) {
        return new RecordTerms(hashes, Map.of());
      }
      List<String> words = new ArrayList<>();
      for (int languages = in.readInt(); languages > 0; languages--) {
        String lang = in.readUTF();
        words.clear();
        for (int records = in.readInt(); records > 0; records--) {
          String id = in.readUTF();
          String hash = in.readUTF();
          int count = readNumber(in);
          String[] terms = new String[count];
          int[] weights = new int[count];
          for (int i = 0; i < count; i++) {
            int word = readNumber(in);
            if (word == words.size()) { // first use of a word: it follows
              words.add(in.readUTF());
            }
            terms[i] = words.get(word);
            weights[i] = readNumber(in);
          }
          if (hash.equals(hashes.get(id))) {
            earlier.put(lang + "/" + id, new Terms(terms, weights));
          }
        }
      }
    } catch (NoSuchFileException e) {
      return new RecordTerms(hashes, Map.of());
    } catch (IOException | RuntimeException e) {
      return new RecordTerms(hashes, Map.of()); // a damaged file only costs the work
    }
    return new RecordTerms(hashes, earlier);
  }

  /**
   * The terms of the record {@code id} in the language {@code lang}: the last build's when the
   * record has not changed, else {@code make}'s. Either way they are recorded for the next build.
   */
  public Terms of(String lang, String id, Supplier<Terms> make) {
    Terms terms = earlier.get(lang + "/" + id);
    if (terms == null) {
      terms = make.get();
    }
    String hash = hashes.get(id);
    if (hash != null) {
      recorder(lang).add(id, hash, terms);
    }
    return terms;
  }

  /**
   * Writes what this build recorded to {@code file}, and the last build's terms of the records it
   * did not need (a build that kept the search index as it was reads no record's words).
   */
  public void write(Path file) throws IOException {
    for (Map.Entry<String, Terms> kept : new java.util.TreeMap<>(earlier).entrySet()) {
      String lang = kept.getKey().substring(0, kept.getKey().indexOf('/'));
      String id = kept.getKey().substring(lang.length() + 1);
      recorder(lang).add(id, hashes.get(id), kept.getValue()); // once only: see Recorder#add
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      DataOutputStream data = new DataOutputStream(out);
      data.writeUTF(FORMAT);
      Map<String, Recorder> all;
      synchronized (recorders) {
        all = new HashMap<>(recorders);
      }
      data.writeInt(all.size());
      for (Map.Entry<String, Recorder> lang : new java.util.TreeMap<>(all).entrySet()) {
        data.writeUTF(lang.getKey());
        lang.getValue().writeTo(data);
      }
    }
  }

  /** A number of zero or more in as few bytes as it needs: seven bits a byte, low bits first. */
  private static void writeNumber(DataOutputStream out, int n) throws IOException {
    while ((n & ~0x7f) != 0) {
      out.writeByte((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.writeByte(n);
  }

  private static int readNumber(DataInputStream in) throws IOException {
    int n = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.readUnsignedByte();
      n |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return n;
      }
    }
    throw new IOException("a number longer than an int");
  }

  private Recorder recorder(String lang) {
    synchronized (recorders) {
      return recorders.computeIfAbsent(lang, l -> new Recorder());
    }
  }

  /**
   * One language's records as they are recorded, already in the file's form: each word is written
   * in full at its first use and by number after, so the index's millions of terms take a few
   * megabytes.
   */
  private static final class Recorder {
    private final Map<String, Integer> words = new HashMap<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<String, Boolean> recorded = new HashMap<>();
    private int records;

    synchronized void add(String id, String hash, Terms terms) {
      if (recorded.put(id, Boolean.TRUE) != null) {
        return; // a second search plan of the same build: the terms are the same
      }
      try {
        out.writeUTF(id);
        out.writeUTF(hash);
        writeNumber(out, terms.words().length);
        for (int i = 0; i < terms.words().length; i++) {
          Integer known = words.get(terms.words()[i]);
          if (known == null) {
            writeNumber(out, words.size());
            out.writeUTF(terms.words()[i]);
            words.put(terms.words()[i], words.size());
          } else {
            writeNumber(out, known);
          }
          writeNumber(out, terms.weights()[i]);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e); // memory does not fail that way
      }
      records++;
    }

    synchronized void writeTo(DataOutputStream data) throws IOException {
      data.writeInt(records);
      out.flush();
      bytes.writeTo(data);
    }
  }
}
