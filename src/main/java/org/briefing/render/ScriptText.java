package org.briefing.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.briefing.i18n.Localizer;
import org.briefing.i18n.Strings;
import org.briefing.model.Lang;

/**
 * The words a page's script writes (the search results' and the timeline filters' messages), as one
 * JSON object for a {@code data-text} attribute, so scripts never carry interface text of their own
 * and stay in the page's language:
 *
 * <pre>{"counts": {"one": "{n} engagement", "other": "{n} engagements"},
 *  "digits": "0123456789", "none": "No engagement matches.", ...}</pre>
 *
 * <p>{@code counts} has one form of {@code engagements_count} per plural category of the language
 * (the script picks one with {@code Intl.PluralRules}, whose CLDR rules are those of {@link
 * Strings#category}); {@code digits} are the page's ten digits.
 */
final class ScriptText {

  private static final JsonFactory JSON = new JsonFactory();

  /** A number in each plural category: Arabic's six, English's two. */
  private static final Map<String, Long> SAMPLES =
      Map.of("zero", 0L, "one", 1L, "two", 2L, "few", 3L, "many", 11L, "other", 100L);

  private ScriptText() {}

  /** The JSON text; {@code texts} are further keys of strings.yaml, by the name scripts use. */
  static String of(Lang lang, Strings strings, Localizer l, Map<String, String> texts) {
    StringWriter json = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(json)) {
      out.writeStartObject();
      out.writeObjectFieldStart("counts");
      Map<String, String> forms = new LinkedHashMap<>();
      for (String category : new String[] {"zero", "one", "two", "few", "many", "other"}) {
        long n = SAMPLES.get(category);
        if (Strings.category(lang, n).equals(category)) {
          forms.put(category, strings.plural(lang, "engagements_count", n, "{n}"));
        }
      }
      for (Map.Entry<String, String> form : forms.entrySet()) {
        out.writeStringField(form.getKey(), form.getValue());
      }
      out.writeEndObject();
      StringBuilder digits = new StringBuilder();
      for (int d = 0; d <= 9; d++) {
        digits.append(l.n(d));
      }
      out.writeStringField("digits", digits.toString());
      for (Map.Entry<String, String> text : new TreeMap<>(texts).entrySet()) { // stable order
        out.writeStringField(text.getKey(), strings.get(lang, text.getValue()));
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return json.toString();
  }
}
