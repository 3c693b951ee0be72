package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.Value;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reference manager reads from a record: its page's Highwire tags and "cite this record"
 * block, its {@code cite.bib} (read back with jbibtex, an independent BibTeX parser), its {@code
 * cite.ris} (read by the format's line rules) and its item in {@code /data/engagements.csl.json}
 * (read with Jackson). One record's English title holds every character BibTeX and LaTeX treat
 * specially and a line break followed by an RIS tag; the expected values are written out here.
 */
class CitationFilesTest {

  private static final String BASE = "https://example.org/briefing/";
  private static final String HOSTILE_ID = "2025-01-20-hostile";
  private static final String MONTH_ID = "2025-04-month-only";
  private static final String YEAR_ID = "2024-year-only";

  /** As the front matter below spells it in YAML's double-quoted form. */
  private static final String HOSTILE_TITLE =
      "Braces {open} and \\back 100% & #1 _x $5 ^hat ~tilde} \"q\"\nER  - injected";

  /** The same title on one line, as every citation writes it. */
  private static final String HOSTILE_ONE_LINE =
      "Braces {open} and \\back 100% & #1 _x $5 ^hat ~tilde} \"q\" ER - injected";

  private static final String PRESERVED =
      "https://web.archive.org/web/20250121000000/https://example.org/story";

  @TempDir static Path tmp;
  private static HandBuiltSite site;

  @BeforeAll
  static void build() throws Exception {
    site = new HandBuiltSite(tmp);
    site.record(
        HOSTILE_ID,
        HandBuiltSite.facts(
            "2025-01-20",
            "agreement",
            "QA, SY",
            "    url: https://example.org/story\n    archive_url: " + PRESERVED + "\n"),
        "---\ntitle: \""
            + HOSTILE_TITLE.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
            + "\"\nsummary: A summary with 50% & more.\n---\nBody.\n",
        HandBuiltSite.text("قطر وسوريا توقعان اتفاقية", "ملخص عربي."));
    site.record(
        MONTH_ID,
        HandBuiltSite.facts("2025-04", "visit", "QA, TR", ""),
        HandBuiltSite.text("A visit in April", "Known only to the month."),
        null);
    site.record(YEAR_ID, HandBuiltSite.facts("2024", "call", "NO, QA", ""));
    site.build();
  }

  private static String bibText(BibTeXEntry entry, String field) throws Exception {
    Value value = entry.getField(new Key(field));
    return value == null ? null : value.toUserString();
  }

  /** A field's LaTeX as a reader sees it printed. */
  private static String printed(String latex) throws Exception {
    return new LaTeXPrinter().print(new LaTeXParser().parse(new StringReader(latex)));
  }

  private static BibTeXEntry bib(String lang, String id) throws Exception {
    BibTeXParser parser = new BibTeXParser();
    BibTeXDatabase db =
        parser.parse(new StringReader(site.read(lang + "/engagements/" + id + "/cite.bib")));
    assertTrue(parser.getExceptions().isEmpty(), parser.getExceptions().toString());
    assertEquals(1, db.getEntries().size(), "one entry per file");
    return db.getEntries().values().iterator().next();
  }

  @Test
  void bibtexKeepsEveryFieldIntactAndPrintsTheHostileTitleAsWritten() throws Exception {
    BibTeXEntry entry = bib("en", HOSTILE_ID);
    assertEquals(HOSTILE_ID + "-en", entry.getKey().getValue());
    assertEquals("misc", entry.getType().getValue());
    assertEquals(HOSTILE_ONE_LINE, printed(bibText(entry, "title")));
    assertEquals("A summary with 50% & more.", printed(bibText(entry, "abstract")));
    assertEquals("Test Briefing", bibText(entry, "publisher"));
    assertEquals("2025", bibText(entry, "year"));
    assertEquals("2025-01-20", bibText(entry, "date"));
    assertEquals(BASE + "en/engagements/" + HOSTILE_ID + "/", bibText(entry, "url"));
    assertEquals("english", bibText(entry, "language"));
    // every field the writer wrote survived the title: none was swallowed by a stray brace
    Set<String> fields = new HashSet<>();
    entry.getFields().keySet().forEach(k -> fields.add(k.getValue()));
    assertEquals(
        Set.of(
            "title",
            "publisher",
            "year",
            "month",
            "date",
            "url",
            "howpublished",
            "language",
            "abstract"),
        fields);
  }

  @Test
  void bibtexGivesTheMonthOnlyWhenKnownAndTheArabicCitationItsOwnKey() throws Exception {
    BibTeXEntry month = bib("en", MONTH_ID);
    assertEquals("2025-04", bibText(month, "date"));
    // written as BibTeX's month macro, which a reader resolves to the month's name
    assertTrue(site.read("en/engagements/" + MONTH_ID + "/cite.bib").contains("  month = apr,\n"));
    assertTrue(month.getField(new Key("month")).toUserString().startsWith("Apr"));
    BibTeXEntry year = bib("ar", YEAR_ID);
    assertEquals(YEAR_ID + "-ar", year.getKey().getValue());
    assertEquals(null, year.getField(new Key("month")), "a record known to the year has no month");
    assertEquals("2024", bibText(year, "date"));
    assertEquals("عربي " + YEAR_ID, printed(bibText(year, "title")));
    assertEquals("موجز تجريبي", bibText(year, "publisher"));
    assertEquals("arabic", bibText(year, "language"));
  }

  /** The tags of an RIS file, read by the format's rules: every line "XX - value", CR LF. */
  private static Map<String, List<String>> ris(String lang, String id) throws Exception {
    String text = site.read(lang + "/engagements/" + id + "/cite.ris");
    assertTrue(text.endsWith("ER  - \r\n"), "the record ends with ER");
    String[] lines = text.substring(0, text.length() - 2).split("\r\n", -1);
    Map<String, List<String>> tags = new LinkedHashMap<>();
    for (String line : lines) {
      assertTrue(line.matches("[A-Z][A-Z0-9]  - .*"), "not an RIS line: " + line);
      assertFalse(line.contains("\n") || line.contains("\r"), line);
      tags.computeIfAbsent(line.substring(0, 2), k -> new ArrayList<>()).add(line.substring(6));
    }
    assertEquals("TY", lines[0].substring(0, 2), "the record starts with TY");
    assertEquals(List.of(""), tags.get("ER"), "exactly one ER, the last line");
    return tags;
  }

  @Test
  void risHoldsTheHostileTitleOnOneLineAndTheDateAtItsPrecision() throws Exception {
    Map<String, List<String>> tags = ris("en", HOSTILE_ID);
    assertEquals(List.of("WEB"), tags.get("TY"));
    assertEquals(List.of(HOSTILE_ONE_LINE), tags.get("TI"));
    assertEquals(List.of("2025"), tags.get("PY"));
    assertEquals(List.of("2025/01/20/"), tags.get("DA"));
    assertEquals(List.of("Test Briefing"), tags.get("PB"));
    assertEquals(List.of(BASE + "en/engagements/" + HOSTILE_ID + "/"), tags.get("UR"));
    assertEquals(List.of("en"), tags.get("LA"));
    assertEquals(List.of("2025/04//"), ris("en", MONTH_ID).get("DA"));
    Map<String, List<String>> arabic = ris("ar", YEAR_ID);
    assertEquals(List.of("2024///"), arabic.get("DA"));
    assertEquals(List.of("موجز تجريبي"), arabic.get("PB"));
    assertEquals(List.of("ar"), arabic.get("LA"));
  }

  @Test
  void cslJsonHasOneItemPerRecordAndLanguageWithTheDateAtItsPrecision() throws Exception {
    JsonNode items = new ObjectMapper().readTree(site.read("data/engagements.csl.json"));
    assertTrue(items.isArray());
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (JsonNode item : items) {
      for (String field : List.of("id", "type", "title", "publisher", "URL", "language")) {
        assertTrue(item.get(field).isTextual(), field + " in " + item);
      }
      assertEquals("webpage", item.get("type").asText()); // a CSL item type
      byId.put(item.get("id").asText(), item);
    }
    // oldest first; the record known only in English has no Arabic item
    assertEquals(
        List.of(
            YEAR_ID + "-ar",
            YEAR_ID + "-en",
            HOSTILE_ID + "-ar",
            HOSTILE_ID + "-en",
            MONTH_ID + "-en"),
        new ArrayList<>(byId.keySet()));
    assertEquals(HOSTILE_TITLE, byId.get(HOSTILE_ID + "-en").get("title").asText());
    assertEquals("[[2025,1,20]]", byId.get(HOSTILE_ID + "-en").at("/issued/date-parts").toString());
    assertEquals("[[2025,4]]", byId.get(MONTH_ID + "-en").at("/issued/date-parts").toString());
    assertEquals("[[2024]]", byId.get(YEAR_ID + "-ar").at("/issued/date-parts").toString());
    assertEquals(
        BASE + "ar/engagements/" + YEAR_ID + "/", byId.get(YEAR_ID + "-ar").get("URL").asText());
    assertEquals("موجز تجريبي", byId.get(YEAR_ID + "-ar").get("publisher").asText());
  }

  private static Document page(String lang, String id) throws Exception {
    return Jsoup.parse(site.read(lang + "/engagements/" + id + "/index.html"));
  }

  private static String meta(Document doc, String name) {
    return doc.select("meta[name=" + name + "]").attr("content");
  }

  @Test
  void recordPagesCarryHighwireTagsAtTheRecordsOwnPrecision() throws Exception {
    Document month = page("en", MONTH_ID);
    assertEquals("A visit in April", meta(month, "citation_title"));
    assertEquals("2025/04", meta(month, "citation_publication_date"));
    assertEquals("Test Briefing", meta(month, "citation_publisher"));
    assertEquals("en", meta(month, "citation_language"));
    assertEquals(
        month.select("link[rel=canonical]").attr("href"), meta(month, "citation_public_url"));
    assertEquals(BASE + "en/engagements/" + MONTH_ID + "/", meta(month, "citation_public_url"));
    assertTrue(month.select("meta[name=citation_author]").isEmpty(), "the site names no author");
    Document arabic = page("ar", YEAR_ID);
    assertEquals("2024", meta(arabic, "citation_publication_date"));
    assertEquals("موجز تجريبي", meta(arabic, "citation_publisher"));
    assertEquals("ar", meta(arabic, "citation_language"));
    assertEquals(HOSTILE_ONE_LINE, meta(page("en", HOSTILE_ID), "citation_title"));
  }

  @Test
  void theCiteBlockWritesTheReferenceInThePagesLanguageWithTheAddressIsolated() throws Exception {
    Document en = page("en", MONTH_ID);
    String url = BASE + "en/engagements/" + MONTH_ID + "/";
    assertEquals(
        "“A visit in April.” Test Briefing, April 2025. Available at: " + url,
        en.select("section.cite p.reference").text());
    assertEquals(url, en.select("section.cite p.reference bdi[dir=ltr]").text());
    Document ar = page("ar", HOSTILE_ID);
    String arUrl = BASE + "ar/engagements/" + HOSTILE_ID + "/";
    assertEquals(
        "«قطر وسوريا توقعان اتفاقية»، موجز تجريبي، 20 يناير/كانون الثاني 2025، متاح على: " + arUrl,
        ar.select("section.cite p.reference").text());
    assertEquals(arUrl, ar.select("section.cite p.reference bdi[dir=ltr]").text());
    assertEquals("استشهد بهذا السجل", ar.select("section.cite h2").text());
    // the download links lead to the files beside the page
    for (var link : ar.select("section.cite a[href]")) {
      Path target =
          site.out.resolve("ar/engagements/" + HOSTILE_ID).resolve(link.attr("href")).normalize();
      assertTrue(Files.isRegularFile(target), link.attr("href"));
    }
    assertEquals(2, ar.select("section.cite a[href]").size());
  }

  @Test
  void aRecordWithoutAnArabicTextHasNoArabicCitationFiles() {
    assertFalse(Files.exists(site.out.resolve("ar/engagements/" + MONTH_ID + "/cite.bib")));
    assertFalse(Files.exists(site.out.resolve("ar/engagements/" + MONTH_ID + "/cite.ris")));
    assertTrue(Files.exists(site.out.resolve("en/engagements/" + MONTH_ID + "/cite.ris")));
  }

  @Test
  void citationFilesAreByteIdenticalWhenBuiltAgain() throws Exception {
    Path again = tmp.resolve("again");
    new SiteBuilder()
        .build(
            new SiteBuilder.Options(
                site.root, SeedSite.TEMPLATES, again, java.util.Optional.empty(), false, false));
    for (String path :
        List.of(
            "data/engagements.csl.json",
            "en/engagements/" + HOSTILE_ID + "/cite.bib",
            "ar/engagements/" + HOSTILE_ID + "/cite.ris")) {
      assertArrayEquals(
          Files.readAllBytes(site.out.resolve(path)),
          Files.readAllBytes(again.resolve(path)),
          path);
      assertTrue(
          new String(Files.readAllBytes(again.resolve(path)), StandardCharsets.UTF_8).length() > 0);
    }
  }

  @Test
  void aPreservedCopyIsLinkedBesideItsSourceInBothLanguagesAndExported() throws Exception {
    for (String[] lang : new String[][] {{"en", "preserved copy"}, {"ar", "نسخة محفوظة"}}) {
      Document doc = page(lang[0], HOSTILE_ID);
      var source = doc.select("section.sources li").first();
      assertEquals(
          "https://example.org/story", source.select("a[href^=https://example]").attr("href"));
      assertEquals(lang[1], source.select("a[href=" + PRESERVED + "]").text());
    }
    JsonNode json = new ObjectMapper().readTree(site.read("data/engagements.json"));
    for (JsonNode e : json.get("engagements")) {
      if (e.get("id").asText().equals(HOSTILE_ID)) {
        assertEquals(PRESERVED, e.at("/sources/0/archive_url").asText());
      } else {
        assertTrue(e.at("/sources/0/archive_url").isMissingNode(), e.get("id").asText());
      }
    }
  }
}
