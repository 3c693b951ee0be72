package org.briefing.outputs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.briefing.archive.Archive;
import org.briefing.files.PlannedFile;
import org.briefing.files.RecordPieces;
import org.briefing.model.Actor;
import org.briefing.model.Correction;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.Source;
import org.briefing.model.Term;
import org.briefing.model.Translation;
import org.briefing.render.RenderCache;
import org.briefing.render.Routes;

/**
 * The records as data for analysts: {@code /data/engagements.json} (every fact and both languages'
 * texts, described by {@code engagements.schema.json} beside it) and {@code /data/engagements.csv}
 * (one row per record, RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs show Arabic).
 * Records are in chronological order, as analysts sort.
 */
public final class DataExport {

  public static final String JSON = "data/engagements.json";
  public static final String SCHEMA = "data/engagements.schema.json";
  public static final String CSV = "data/engagements.csv";

  static final List<String> CSV_COLUMNS =
      List.of(
          "id",
          "date",
          "end_date",
          "type",
          "type_en",
          "type_ar",
          "countries",
          "countries_en",
          "countries_ar",
          "status",
          "title_en",
          "title_ar",
          "summary_en",
          "summary_ar",
          "actors",
          "actors_en",
          "actors_ar",
          "topics",
          "sources",
          "related",
          "url_en",
          "url_ar");

  private static final JsonFactory FACTORY =
      new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final Archive archive;
  private final String baseUrl;
  private final RenderCache cache;

  public DataExport(Archive archive, RenderCache cache) {
    this.archive = archive;
    this.baseUrl = archive.site().config().baseUrl();
    this.cache = cache;
  }

  public List<PlannedFile> plan() {
    return List.of(
        new PlannedFile(JSON, this::json),
        new PlannedFile(SCHEMA, out -> out.write(schema())),
        new PlannedFile(CSV, this::csv));
  }

  private List<Engagement> chronological() {
    return archive.site().engagements(); // the site model keeps them oldest first
  }

  // ---- JSON --------------------------------------------------------------------------------

  /**
   * The JSON file, pretty-printed as Jackson's default printer lays it out. Each record is printed
   * on its own and then indented to its place, so that the preview can keep every record's bytes
   * and rewrite the file after an edit without printing 10,000 records again.
   */
  private void json(OutputStream file) throws IOException {
    RecordPieces.Counting out = new RecordPieces.Counting(file);
    StringWriter head = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(head)) {
      json.writeString(baseUrl);
    }
    List<Engagement> records = chronological();
    out.write(
        ("{\n  \"$schema\" : \"engagements.schema.json\",\n  \"site\" : "
                + head
                + ",\n  \"count\" : "
                + records.size()
                + ",\n  \"actors\" : "
                + actors()
                + ",\n  \"engagements\" : [ ")
            .getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        out.write(RECORD_SEPARATOR);
      }
      Engagement e = records.get(i);
      cache.writeRecordData(JSON, "json", e, () -> jsonRecord(e), out);
    }
    out.write((records.isEmpty() ? "]\n}\n" : " ]\n}\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Every actor of actors.yaml with its country and roles, as the records' actors refer to. */
  private String actors() throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(
          new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n  ")));
      json.writeStartArray();
      for (Actor a : archive.actors().all()) {
        json.writeStartObject();
        json.writeStringField("id", a.id());
        json.writeStringField("kind", a.kind().key());
        optional(json, "country", a.country().map(Country::code));
        localized(json, a.name());
        json.writeArrayFieldStart("roles");
        for (Actor.Role r : a.roles()) {
          json.writeStartObject();
          optional(json, "from", r.from().map(Object::toString));
          optional(json, "to", r.to().map(Object::toString));
          localized(json, r.title());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    return text.toString().replace("\n", "\n  ");
  }

  private static final byte[] RECORD_SEPARATOR = ", ".getBytes(StandardCharsets.UTF_8);

  /** One record as it stands in the array: its lines indented two spaces deeper. */
  private byte[] jsonRecord(Engagement e) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
      json.setPrettyPrinter(
          new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n  ")));
      record(json, e);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex); // memory does not fail that way
    }
    return bytes.toByteArray();
  }

  private void record(JsonGenerator json, Engagement e) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", e.id());
    json.writeStringField("date", e.date().toString());
    json.writeStringField(
        "date_precision", e.date().precision().name().toLowerCase(java.util.Locale.ROOT));
    optional(json, "end_date", e.endDate().map(Object::toString));
    term(json, "type", e.type());
    json.writeArrayFieldStart("countries");
    for (Country c : e.countries()) {
      json.writeStartObject();
      json.writeStringField("code", c.code());
      localized(json, c.name());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("actors");
    for (Actor a : e.actors()) {
      json.writeStartObject();
      json.writeStringField("id", a.id());
      json.writeStringField("kind", a.kind().key());
      localized(json, a.name());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("topics");
    for (Term t : e.topics()) {
      json.writeStartObject();
      json.writeStringField("key", t.key());
      localized(json, t.label());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("status", e.status().key());
    json.writeArrayFieldStart("sources");
    for (Source s : e.sources()) {
      json.writeStartObject();
      json.writeStringField("publisher", s.publisherName().en());
      json.writeStringField("publisher_ar", s.publisherName().ar());
      json.writeStringField("title", s.title());
      optional(json, "url", s.url());
      optional(json, "archive_url", s.archiveUrl());
      optional(json, "date", s.date().map(Object::toString));
      json.writeStringField("language", s.language());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("related");
    for (String id : e.related()) {
      json.writeString(id);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("corrections");
    for (Correction c : e.corrections()) {
      json.writeStartObject();
      json.writeStringField("date", c.date().toString());
      localized(json, c.text());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeObjectFieldStart("texts");
    for (Lang lang : Lang.values()) {
      Optional<Translation> t = e.translation(lang);
      if (t.isPresent()) {
        json.writeObjectFieldStart(lang.code());
        json.writeStringField("title", t.get().title());
        json.writeStringField("summary", t.get().summary());
        json.writeStringField("body_markdown", t.get().body().text());
        json.writeStringField("url", Routes.absolute(baseUrl, Routes.engagement(lang, e.id())));
        json.writeEndObject();
      }
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void term(JsonGenerator json, String field, Term term) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("key", term.key());
    localized(json, term.label());
    json.writeEndObject();
  }

  private static void localized(JsonGenerator json, Localized text) throws IOException {
    json.writeStringField("en", text.en());
    json.writeStringField("ar", text.ar());
  }

  private static void optional(JsonGenerator json, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      json.writeStringField(field, value.get());
    }
  }

  private static byte[] schema() {
    try (InputStream in = DataExport.class.getResourceAsStream("engagements.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("engagements.schema.json is missing from the program");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- CSV ---------------------------------------------------------------------------------

  private void csv(OutputStream file) throws IOException {
    RecordPieces.Counting out = new RecordPieces.Counting(file);
    StringBuilder head = new StringBuilder("\uFEFF");
    row(head, CSV_COLUMNS);
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    for (Engagement e : chronological()) {
      cache.writeRecordData(CSV, "csv", e, () -> csvRow(e), out);
    }
  }

  /** One record's line of the CSV file, encoded. */
  private byte[] csvRow(Engagement e) {
    StringBuilder out = new StringBuilder(1024);
    row(
        out,
        List.of(
            e.id(),
            e.date().toString(),
            e.endDate().map(Object::toString).orElse(""),
            e.type().key(),
            e.type().label().en(),
            e.type().label().ar(),
            join(e.countries().stream().map(Country::code).toList()),
            join(e.countries().stream().map(c -> c.name().en()).toList()),
            join(e.countries().stream().map(c -> c.name().ar()).toList()),
            e.status().key(),
            e.translation(Lang.EN).map(Translation::title).orElse(""),
            e.translation(Lang.AR).map(Translation::title).orElse(""),
            e.translation(Lang.EN).map(Translation::summary).orElse(""),
            e.translation(Lang.AR).map(Translation::summary).orElse(""),
            join(e.actors().stream().map(Actor::id).toList()),
            join(e.actors().stream().map(a -> a.name().en()).toList()),
            join(e.actors().stream().map(a -> a.name().ar()).toList()),
            join(e.topics().stream().map(Term::key).toList()),
            e.sources().stream()
                .map(
                    s ->
                        s.publisherName().en()
                            + ": "
                            + s.title()
                            + s.url().map(u -> " <" + u + ">").orElse(""))
                .collect(Collectors.joining(" | ")),
            join(e.related()),
            e.hasTranslation(Lang.EN)
                ? Routes.absolute(baseUrl, Routes.engagement(Lang.EN, e.id()))
                : "",
            e.hasTranslation(Lang.AR)
                ? Routes.absolute(baseUrl, Routes.engagement(Lang.AR, e.id()))
                : ""));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String join(List<String> values) {
    return String.join("; ", values);
  }

  /** One RFC 4180 line, safe to open in a spreadsheet program (see {@link CsvRow}). */
  private static void row(StringBuilder out, List<String> fields) {
    CsvRow.append(out, fields);
  }
}
