package org.briefing.outputs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.briefing.markdown.PlainText;
import org.briefing.model.Archive;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.Translation;
import org.briefing.render.PageViews.Card;
import org.briefing.render.PageViews.Link;
import org.briefing.render.PlannedFile;
import org.briefing.render.RecordPieces;
import org.briefing.render.RenderCache;
import org.briefing.render.Routes;

/**
 * What the search page of one language searches, written by the build as
 * {@code {lang}/search/records.js}: every record as that language's lists show it (url, title,
 * date, countries, summary, the text's language and direction, whether its translation is
 * pending) with the plain text of its body, its organizations and its type.
 *
 * <p>It is a script that sets {@value #GLOBAL} rather than a JSON file because browsers refuse
 * to fetch files from a page opened from disk, and the site must work from disk. The browser
 * builds the lunr index from it ({@code assets/search.js}), where all word analysis (Arabic
 * folding and stemming, English stemming) happens, once, for records and queries alike: this
 * class ships the texts exactly as the pages show them.
 *
 * <p>The search engine itself, lunr, comes from its WebJar on the classpath and is copied to
 * {@link #ENGINE} with its license header.
 */
public final class SearchIndex {

  /** The global the records script sets: {@code {"lang": "ar", "records": [...]}}. */
  static final String GLOBAL = "window.briefingSearchRecords";

  /** Where lunr goes in the site. */
  public static final String ENGINE = Routes.searchEngine();

  /** lunr in its WebJar; the version is the one pom.xml names. */
  private static final String ENGINE_RESOURCE = "META-INF/resources/webjars/lunr/2.3.9/lunr.min.js";

  private static final JsonFactory JSON = new JsonFactory();

  private final Archive archive;
  private final PlainText plainText = new PlainText();
  private final RenderCache cache;

  public SearchIndex(Archive archive, RenderCache cache) {
    this.archive = archive;
    this.cache = cache;
  }

  /**
   * The records script of {@code lang}, records newest first as on the timeline, each as
   * {@code cards} shows it in that language's lists.
   */
  public PlannedFile records(Lang lang, Function<Engagement, Card> cards) {
    String kind = "search-" + lang.code();
    return new PlannedFile(Routes.searchRecords(lang), file -> {
      RecordPieces.Counting out = new RecordPieces.Counting(file);
      out.write(utf8("/* The records the " + lang.code() + " search page searches, one per line;"
          + " written by the build, read by assets/search.js. */\n" + GLOBAL + " = {\"lang\":\""
          + lang.code() + "\",\"records\":["));
      List<Engagement> all = archive.engagements();
      for (int i = 0; i < all.size(); i++) {
        Engagement e = all.get(i);
        out.write(i == 0 ? NEWLINE : COMMA_NEWLINE);
        cache.writeRecordData(Routes.searchRecords(lang), kind, e,
            () -> utf8(line(e, cards.apply(e), lang)), out);
      }
      out.write(utf8("\n]};\n"));
    });
  }

  private static final byte[] NEWLINE = utf8("\n");
  private static final byte[] COMMA_NEWLINE = utf8(",\n");

  private static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * One record as a line of JSON. JSON allows U+2028 and U+2029 raw inside strings; older
   * JavaScript parsers do not, so they are escaped.
   */
  private String line(Engagement e, Card card, Lang lang) {
    String json = record(e, card, lang);
    return json.indexOf('\u2028') < 0 && json.indexOf('\u2029') < 0 ? json
        : json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  /** One record as a line of JSON. */
  private String record(Engagement e, Card card, Lang lang) {
    StringWriter json = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(json)) {
      record(out, e, card, lang);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return json.toString();
  }

  private void record(JsonGenerator out, Engagement e, Card card, Lang lang) throws IOException {
    Translation text = e.textFor(lang);
    out.writeStartObject();
    out.writeStringField("id", e.id());
    out.writeStringField("url", card.url());
    out.writeStringField("title", card.title());
    out.writeStringField("date", card.date());
    out.writeStringField("iso", card.iso());
    strings(out, "countries", card.countries().stream().map(Link::text).toList());
    out.writeStringField("summary", card.summary());
    out.writeStringField("lang", card.textLang());
    out.writeStringField("dir", card.textDir());
    out.writeBooleanField("pending", card.pending());
    out.writeStringField("type", card.type().text());
    strings(out, "organizations", e.organizations().stream().map((Localized o) -> o.get(lang)).toList());
    out.writeStringField("body", plainText.of(text.body()));
    out.writeEndObject();
  }

  private static void strings(JsonGenerator out, String field, List<String> values)
      throws IOException {
    out.writeArrayFieldStart(field);
    for (String v : values) {
      out.writeString(v);
    }
    out.writeEndArray();
  }

  /** lunr.min.js, as its authors ship it (the MIT license header included). */
  public static PlannedFile engine() {
    return new PlannedFile(ENGINE, out -> out.write(engineBytes()));
  }

  private static byte[] engineBytes() {
    try (InputStream in = SearchIndex.class.getClassLoader().getResourceAsStream(ENGINE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(ENGINE_RESOURCE + " is missing from the classpath;"
            + " pom.xml must depend on org.webjars.npm:lunr:2.3.9");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
