package org.briefing.outputs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.briefing.archive.Archive;
import org.briefing.cite.Bibtex;
import org.briefing.cite.Citation;
import org.briefing.cite.Ris;
import org.briefing.files.PlannedFile;
import org.briefing.files.RecordPieces;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.SiteConfig;
import org.briefing.model.Translation;
import org.briefing.render.RenderCache;
import org.briefing.render.Routes;

/**
 * The records' citations for reference managers: beside each record's page in each language it is
 * written in, {@code cite.bib} and {@code cite.ris}; and every record's citations in one CSL-JSON
 * file, {@code /data/engagements.csl.json}, the format Zotero, Mendeley and citeproc read (one item
 * per record and language, records oldest first, Arabic before English).
 */
public final class CitationFiles {

  public static final String CSL = "data/engagements.csl.json";

  private static final JsonFactory FACTORY =
      new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final Archive archive;
  private final SiteConfig config;
  private final RenderCache cache;

  /**
   * @param cache where the CSL items of records that did not change since the last build or preview
   *     update are kept
   */
  public CitationFiles(Archive archive, RenderCache cache) {
    this.archive = archive;
    this.config = archive.site().config();
    this.cache = cache;
  }

  /** The citation of {@code e} in the language of {@code text}, as its page is published. */
  public static Citation citation(Engagement e, Translation text, SiteConfig config) {
    return Citation.of(
        e, text, config, Routes.absolute(config.baseUrl(), Routes.engagement(text.lang(), e.id())));
  }

  public List<PlannedFile> plan() {
    List<PlannedFile> files = new ArrayList<>();
    for (Engagement e : archive.engagements()) {
      // The languages take turns, so that two render threads writing neighbouring files write
      // them into different folders (SiteRenderer#alternating).
      inEachLanguage(e, Routes::citeBib, Bibtex::entry, files);
      inEachLanguage(e, Routes::citeRis, Ris::record, files);
    }
    files.add(new PlannedFile(CSL, this::csl));
    return files;
  }

  /**
   * Adds {@code e}'s citation file at {@code route} in each language it is written in, laid out by
   * {@code format}. Made when written, not when planned: a build that keeps most files writes few
   * of the 40,000 of a 10,000-record archive. Each file makes its own citation (a few microseconds)
   * rather than hold one for the other.
   */
  private void inEachLanguage(
      Engagement e,
      BiFunction<Lang, String, String> route,
      Function<Citation, String> format,
      List<PlannedFile> files) {
    for (Lang lang : Lang.values()) {
      e.translation(lang)
          .ifPresent(
              text ->
                  files.add(
                      new PlannedFile(
                          route.apply(lang, e.id()),
                          out -> out.write(utf8(format.apply(citation(e, text, config)))))));
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The CSL-JSON file, laid out as Jackson's pretty printer lays out the whole array. Each record's
   * items are printed on their own, which lays them out the same, so that a build reusing the last
   * one copies the items of the records that did not change instead of printing 20,000 again.
   */
  private void csl(OutputStream file) throws IOException {
    RecordPieces.Counting out = new RecordPieces.Counting(file);
    List<Engagement> records = new ArrayList<>();
    for (Engagement e : archive.site().engagements()) { // oldest first
      if (java.util.Arrays.stream(Lang.values()).anyMatch(l -> e.translation(l).isPresent())) {
        records.add(e);
      }
    }
    out.write(utf8(records.isEmpty() ? "[ ]\n" : "[ "));
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        out.write(ITEM_SEPARATOR);
      }
      Engagement e = records.get(i);
      cache.writeRecordData(CSL, "csl", e, () -> items(e), out);
    }
    if (!records.isEmpty()) {
      out.write(utf8(" ]\n"));
    }
  }

  private static final byte[] ITEM_SEPARATOR = utf8(", ");

  /** A record's items, Arabic before English, as they stand in the array. */
  private byte[] items(Engagement e) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    try {
      for (Lang lang : Lang.values()) {
        if (e.translation(lang).isPresent()) {
          if (bytes.size() > 0) {
            bytes.write(ITEM_SEPARATOR);
          }
          try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.setPrettyPrinter( // the same line breaks on every system
                new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            item(json, citation(e, e.translation(lang).get(), config));
          }
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex); // memory does not fail that way
    }
    return bytes.toByteArray();
  }

  private static void item(JsonGenerator json, Citation c) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", c.key());
    json.writeStringField("type", "webpage");
    json.writeStringField("title", c.title());
    json.writeStringField("abstract", c.summary());
    json.writeStringField("publisher", c.publisher());
    json.writeStringField("container-title", c.publisher());
    json.writeObjectFieldStart("issued");
    json.writeArrayFieldStart("date-parts");
    json.writeStartArray();
    for (int part : c.dateParts()) {
      json.writeNumber(part);
    }
    json.writeEndArray();
    json.writeEndArray();
    json.writeEndObject();
    json.writeStringField("URL", c.url());
    json.writeStringField("language", c.lang().code());
    json.writeEndObject();
  }
}
