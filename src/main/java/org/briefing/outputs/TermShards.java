package org.briefing.outputs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The text of a term shard of the search index ({@code {lang}/search/terms/{k}.js}): made from the
 * postings of its terms, or, when records were only added after all the others, from the shard the
 * last build wrote with the new records' postings added at the end of their terms' lists. Both ways
 * give the same bytes: a term's code is its postings' codes one after the other ({@link
 * PostingsCode}), so the new ones follow the old as they would in a code made from every record.
 */
final class TermShards {

  private static final JsonFactory JSON = new JsonFactory();

  /** What closes a terms shard, after its object. */
  private static final String TAIL = ");\n";

  private TermShards() {}

  /**
   * A term's records and weights, in the order records are numbered (oldest first), as pairs in one
   * array: at 10,000 records the index holds millions of them, too many to box one by one.
   */
  static final class Postings {
    private int[] pairs = new int[4];
    private int size;

    void add(int record, int weight) {
      if (size == pairs.length) {
        pairs = Arrays.copyOf(pairs, size * 2);
      }
      pairs[size++] = record;
      pairs[size++] = weight;
    }
  }

  /**
   * {@code briefingSearchShard("terms", k, {"term": "postings", ...})}, the terms in their natural
   * order.
   */
  static String text(int k, Map<String, Postings> terms) {
    return text(k, terms, (term, p) -> PostingsCode.encode(term, p.pairs, p.size));
  }

  /**
   * Shard {@code k} as the last build wrote it ({@code earlier}) with the postings of records
   * {@code added} to it, each numbered above every record there: empty when {@code earlier} is not
   * a term shard {@code k} (then the shard is made from every record).
   *
   * <p>Read and written as bytes: each term's code is ASCII and goes through as it is, only the new
   * postings appended and new terms set in their places. A shard is tens of kilobytes of codes; as
   * text it was decoded, parsed, written and encoded again, a quarter of the rendering of a build
   * that adds one record to 10,000.
   */
  static Optional<byte[]> patched(int k, byte[] earlier, Map<String, Postings> added) {
    byte[] head = (head(k) + "{").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("}" + TAIL).getBytes(StandardCharsets.US_ASCII);
    int end = earlier.length - tail.length;
    if (end < head.length
        || !Arrays.equals(earlier, 0, head.length, head, 0, head.length)
        || !Arrays.equals(earlier, end, earlier.length, tail, 0, tail.length)) {
      return Optional.empty();
    }
    Map<String, Postings> pending = new TreeMap<>(added);
    ByteArrayOutputStream out = new ByteArrayOutputStream(earlier.length + 64 * pending.size());
    out.write(earlier, 0, head.length);
    Iterator<Map.Entry<String, Postings>> next = pending.entrySet().iterator();
    Map.Entry<String, Postings> term = next.hasNext() ? next.next() : null;
    boolean first = true;
    try {
      int i = head.length;
      while (i < end) {
        if (!first && earlier[i++] != ',') {
          return Optional.empty();
        }
        // "key":"code", the key as the generator escaped it, the code plain ASCII
        int keyStart = i;
        int keyEnd = closingQuote(earlier, keyStart, end);
        if (keyEnd < 0 || earlier[keyEnd + 1] != ':') { // the tail's brace stops a cut shard
          return Optional.empty();
        }
        int codeStart = keyEnd + 2;
        int codeEnd = closingQuote(earlier, codeStart, end);
        if (codeEnd < 0 || contains(earlier, (byte) '\\', codeStart, codeEnd)) {
          return Optional.empty();
        }
        String key = key(earlier, keyStart, keyEnd + 1);
        while (term != null && term.getKey().compareTo(key) < 0) {
          separate(out, first);
          first = false;
          out.writeBytes(field(term.getKey(), term.getValue(), 0));
          term = next.hasNext() ? next.next() : null;
        }
        separate(out, first);
        first = false;
        out.write(earlier, keyStart, codeEnd - keyStart); // up to the code's closing quote
        if (term != null && term.getKey().equals(key)) {
          int last = PostingsCode.lastRecord(earlier, codeStart + 1, codeEnd);
          Postings p = term.getValue();
          if (codeEnd > codeStart + 1 && p.pairs[0] <= last) {
            return Optional.empty(); // not records after the shard's: they would not follow
          }
          out.writeBytes(
              PostingsCode.encode(key, p.pairs, p.size, last).getBytes(StandardCharsets.US_ASCII));
          term = next.hasNext() ? next.next() : null;
        }
        out.write('"');
        i = codeEnd + 1;
      }
      while (term != null) {
        separate(out, first);
        first = false;
        out.writeBytes(field(term.getKey(), term.getValue(), 0));
        term = next.hasNext() ? next.next() : null;
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a code this program did not write
    }
    out.writeBytes(tail);
    return Optional.of(out.toByteArray());
  }

  private static void separate(ByteArrayOutputStream out, boolean first) {
    if (!first) {
      out.write(',');
    }
  }

  /**
   * Where the string that opens with the quote at {@code from} closes, past any escaped character;
   * -1 when {@code from} is no quote or the string does not close before {@code end}.
   */
  private static int closingQuote(byte[] bytes, int from, int end) {
    if (from >= end || bytes[from] != '"') {
      return -1;
    }
    for (int i = from + 1; i < end; i++) {
      if (bytes[i] == '\\') {
        i++;
      } else if (bytes[i] == '"') {
        return i;
      } else if (bytes[i] >= 0 && bytes[i] < 0x20) {
        return -1; // the generator escapes control characters
      }
    }
    return -1;
  }

  private static boolean contains(byte[] bytes, byte b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (bytes[i] == b) {
        return true;
      }
    }
    return false;
  }

  /** The JSON string in {@code bytes} from its opening quote to past its closing one, read. */
  private static String key(byte[] bytes, int from, int end) {
    if (!contains(bytes, (byte) '\\', from, end)) {
      return new String(bytes, from + 1, end - from - 2, StandardCharsets.UTF_8);
    }
    try (JsonParser in = JSON.createParser(bytes, from, end - from)) {
      if (in.nextToken() != JsonToken.VALUE_STRING) {
        throw new IllegalArgumentException("not a JSON string");
      }
      return in.getText();
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON string", e);
    }
  }

  /** {@code "term":"code"}, written as {@link #text} writes each of its fields. */
  private static byte[] field(String term, Postings p, int after) {
    String object =
        object(Map.of(term, p), (t, q) -> PostingsCode.encode(t, q.pairs, q.size, after));
    return object.substring(1, object.length() - 1).getBytes(StandardCharsets.UTF_8);
  }

  private static <V> String text(int k, Map<String, V> terms, BiFunction<String, V, String> code) {
    return head(k) + object(terms, code) + TAIL;
  }

  /** What opens shard {@code k}: the call that hands its terms to the page's script. */
  private static String head(int k) {
    return "briefingSearchShard(\"terms\"," + k + ",";
  }

  /** The JSON object of {@code terms}' codes, in the map's order, safe in a script. */
  private static <V> String object(Map<String, V> terms, BiFunction<String, V, String> code) {
    StringWriter json = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(json)) {
      out.writeStartObject();
      for (Map.Entry<String, V> t : terms.entrySet()) {
        out.writeStringField(t.getKey(), code.apply(t.getKey(), t.getValue()));
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return scriptSafe(json.toString());
  }

  /** JSON allows U+2028 and U+2029 raw in strings; older JavaScript parsers do not. */
  static String scriptSafe(String json) {
    return json.indexOf('\u2028') < 0 && json.indexOf('\u2029') < 0
        ? json
        : json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }
}
