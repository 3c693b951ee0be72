package org.briefing.outputs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
   */
  static Optional<String> patched(int k, byte[] earlier, Map<String, Postings> added) {
    String text = new String(earlier, StandardCharsets.UTF_8);
    String head = "briefingSearchShard(\"terms\"," + k + ",";
    String tail = ");\n";
    if (!text.startsWith(head) || !text.endsWith(tail)) {
      return Optional.empty();
    }
    Map<String, String> codes = new TreeMap<>();
    try (JsonParser in = JSON.createParser(text.substring(head.length(), text.length() - 3))) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String term = in.getCurrentName();
        if (in.nextToken() != JsonToken.VALUE_STRING) {
          return Optional.empty();
        }
        codes.put(term, in.getText());
      }
      if (in.currentToken() != JsonToken.END_OBJECT || in.nextToken() != null) {
        return Optional.empty();
      }
      for (Map.Entry<String, Postings> t : added.entrySet()) {
        String code = codes.getOrDefault(t.getKey(), "");
        int last = PostingsCode.lastRecord(code);
        Postings p = t.getValue();
        if (!code.isEmpty() && p.pairs[0] <= last) {
          return Optional.empty(); // not records after the shard's: they would not follow
        }
        codes.put(t.getKey(), code + PostingsCode.encode(t.getKey(), p.pairs, p.size, last));
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // not a shard this program wrote
    }
    return Optional.of(text(k, codes, (term, code) -> code));
  }

  private static <V> String text(int k, Map<String, V> terms, BiFunction<String, V, String> code) {
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
    return "briefingSearchShard(\"terms\"," + k + "," + scriptSafe(json.toString()) + ");\n";
  }

  /** JSON allows U+2028 and U+2029 raw in strings; older JavaScript parsers do not. */
  static String scriptSafe(String json) {
    return json.indexOf('\u2028') < 0 && json.indexOf('\u2029') < 0
        ? json
        : json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }
}
