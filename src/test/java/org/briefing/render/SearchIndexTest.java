package org.briefing.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.briefing.i18n.DateFormatter;
import org.briefing.markdown.PlainText;
import org.briefing.model.Archive;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Translation;
import org.briefing.outputs.SearchIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search data the build writes for each language ({@code {lang}/search/records.js}) and
 * the search engine it ships. Word analysis (Arabic folding and stemming, English stemming)
 * happens only in the browser, in {@code assets/search.js}; it is tested on the real records by
 * {@code org.briefing.browser.SearchAndFiltersBrowserTest}.
 */
class SearchIndexTest {

  private static final String PREFIX = "window.briefingSearchRecords = ";
  private static final String PENDING_ID = "2025-01-30-qatar-emir-visits-damascus";

  /** The JSON inside a records script, which is {@code window.briefingSearchRecords = {...};}. */
  static JsonNode records(RenderedSite site, Lang lang) throws IOException {
    String script = site.text(Routes.searchRecords(lang));
    int start = script.indexOf(PREFIX);
    assertTrue(start >= 0, "the records script sets " + PREFIX.strip() + ": " + script.substring(0, 120));
    assertTrue(script.endsWith(";\n"), "the records script ends with a semicolon and a newline");
    JsonNode data = new ObjectMapper().readTree(
        script.substring(start + PREFIX.length(), script.length() - 2));
    assertEquals(lang.code(), data.path("lang").asText());
    return data.path("records");
  }

  @Test
  void eachLanguagesIndexHoldsEveryRecordWithTheFieldsItsListsShow() throws IOException {
    RenderedSite site = RenderedSite.seed();
    boolean indic = site.site().config().arabicIndicDigits();
    List<Engagement> newestFirst = new Archive(site.site()).engagements();
    for (Lang lang : Lang.values()) {
      JsonNode records = records(site, lang);
      assertEquals(newestFirst.size(), records.size(), lang + ": one entry per record");
      DateFormatter dates = new DateFormatter(lang, indic);
      for (int i = 0; i < newestFirst.size(); i++) {
        Engagement e = newestFirst.get(i);
        JsonNode r = records.get(i);
        String where = lang + " " + e.id() + ": ";
        Translation text = e.translation(lang).orElseThrow();
        assertEquals(e.id(), r.path("id").asText(), where + "records are newest first, as on the timeline");
        assertEquals(Routes.engagement(lang, e.id()), r.path("url").asText(), where + "url");
        assertEquals(text.title(), r.path("title").asText(), where + "title");
        assertEquals(text.summary(), r.path("summary").asText(), where + "summary");
        assertEquals(dates.formatRange(e.date(), e.endDate()), r.path("date").asText(), where + "date");
        assertEquals(e.date().toString(), r.path("iso").asText(), where + "iso date");
        // as the cards list them: in the order of the language's names
        assertEquals(e.countries().stream().map(c -> c.name().get(lang))
            .sorted(org.briefing.i18n.Collation.of(lang).names()).toList(),
            strings(r.path("countries")), where + "countries");
        assertEquals(e.organizations().stream().map(o -> o.get(lang)).toList(),
            strings(r.path("organizations")), where + "organizations");
        assertEquals(e.type().label().get(lang), r.path("type").asText(), where + "type");
        assertEquals(lang.code(), r.path("lang").asText(), where + "text language");
        assertEquals(lang.dir(), r.path("dir").asText(), where + "text direction");
        assertFalse(r.path("pending").asBoolean(true), where + "not pending");
        String body = r.path("body").asText();
        assertEquals(new PlainText().of(text.body()), body, where + "body as plain text");
        assertTrue(body.length() > 100, where + "the body is indexed: " + body);
        assertFalse(body.contains("**") || body.contains("](") || body.contains("\n"),
            where + "no Markdown left in the body: " + body);
      }
    }
  }

  @Test
  void aRecordWhoseTranslationIsPendingIsIndexedInTheLanguageItIsWrittenIn(@TempDir Path dir)
      throws IOException {
    Path content = RenderedSite.copyOfSeedContent(dir);
    Files.delete(content.resolve("engagements").resolve(PENDING_ID).resolve("en.md"));
    RenderedSite site = RenderedSite.of(content);
    Engagement e = site.site().engagements().stream()
        .filter(x -> x.id().equals(PENDING_ID)).findFirst().orElseThrow();
    Translation arabic = e.translation(Lang.AR).orElseThrow();

    JsonNode r = find(records(site, Lang.EN), PENDING_ID);
    assertTrue(r.path("pending").asBoolean(false), "marked pending on the English search");
    assertEquals("ar", r.path("lang").asText());
    assertEquals("rtl", r.path("dir").asText());
    assertEquals(Routes.engagement(Lang.AR, PENDING_ID), r.path("url").asText(),
        "links to the Arabic page, the one that exists");
    assertEquals(arabic.title(), r.path("title").asText());
    assertEquals(arabic.summary(), r.path("summary").asText());
    assertEquals(new PlainText().of(arabic.body()), r.path("body").asText());
    assertEquals(List.of("Qatar", "Syria"), strings(r.path("countries")),
        "names and labels stay in the page's language");
    assertEquals("Visit", r.path("type").asText());

    JsonNode same = find(records(site, Lang.AR), PENDING_ID);
    assertFalse(same.path("pending").asBoolean(true), "written in Arabic, so not pending there");
    assertEquals("ar", same.path("lang").asText());
  }

  @Test
  void theRecordsScriptIsTheSameOnEveryBuild() {
    RenderedSite again = RenderedSite.of(RenderedSite.SEED_CONTENT);
    for (Lang lang : Lang.values()) {
      assertArrayEquals(RenderedSite.seed().files().get(Routes.searchRecords(lang)),
          again.files().get(Routes.searchRecords(lang)), lang + " records.js");
    }
  }

  @Test
  void lunrIsCopiedFromItsWebJarWithItsLicenseHeader() {
    String lunr = RenderedSite.seed().text(SearchIndex.ENGINE);
    assertTrue(lunr.startsWith("/**\n * lunr - http://lunrjs.com"), lunr.substring(0, 80));
    String header = lunr.substring(0, lunr.indexOf("*/") + 2);
    assertTrue(header.contains("2.3.9") && header.contains("Copyright (C) 2020 Oliver Nightingale")
        && header.contains("@license MIT"), header);
    int bytes = RenderedSite.seed().files().get(SearchIndex.ENGINE).length;
    assertTrue(bytes < 32 * 1024, "lunr.min.js is " + bytes + " bytes; the search page budget"
        + " (150 KB with everything it loads) counts on about 29 KB");
  }

  @Test
  void plainTextKeepsTheWordsReadersSeeAndDropsTheMarkup() {
    PlainText plain = new PlainText();
    assertEquals("Qatar and Syria signed an agreement in Doha.",
        plain.of("**Qatar** and [Syria](https://example.org/sy) signed\nan _agreement_ in `Doha`."));
    assertEquals("Heading First paragraph. Second paragraph.",
        plain.of("# Heading\n\nFirst paragraph.\n\nSecond paragraph.\n"));
    assertEquals("Country Partner Qatar Syria",
        plain.of("| Country | Partner |\n|---|---|\n| Qatar | Syria |\n"));
    assertEquals("Shown <b>as text</b> here.", plain.of("Shown <b>as text</b> <!-- not shown -->here."));
    assertEquals("وقّعت قطر والصومال اتفاقية «التعاون الدفاعي».",
        plain.of("وقّعت قطر والصومال اتفاقية «*التعاون الدفاعي*»."));
  }

  private static JsonNode find(JsonNode records, String id) {
    for (JsonNode r : records) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no record " + id + " in the search data");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
