package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The files readers subscribe to, cite and load into spreadsheets, parsed as their tools would. */
class ReaderOutputsTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private static Document xml(String path) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = Files.newInputStream(SeedSite.output().resolve(path))) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static List<String> texts(Document doc, String ns, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(ns, name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void eachLanguageFeedCarriesEveryRecordWithStableIdsAndItsLanguage() throws Exception {
    for (String lang : List.of("ar", "en")) {
      Document feed = xml(lang + "/feed.xml");
      Element root = feed.getDocumentElement();
      assertEquals(ATOM, root.getNamespaceURI());
      assertEquals(lang, root.getAttribute("xml:lang"));
      NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
      assertEquals(SeedSite.recordIds().size(), entries.getLength());
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < entries.getLength(); i++) {
        Element entry = (Element) entries.item(i);
        String id = entry.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent();
        assertTrue(id.startsWith("https://example.org/briefing/" + lang + "/engagements/"), id);
        ids.add(id.replaceAll(".*/engagements/([^/]+)/", "$1"));
        assertTrue(
            entry
                .getElementsByTagNameNS(ATOM, "updated")
                .item(0)
                .getTextContent()
                .matches("\\d{4}-\\d{2}-\\d{2}T00:00:00Z"));
        assertTrue(
            !entry.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent().isBlank());
      }
      assertEquals(new HashSet<>(SeedSite.recordIds()), ids);
    }
  }

  @Test
  void aCountryFeedHasOnlyThatCountrysRecords() throws Exception {
    Document feed = xml("en/countries/so/feed.xml");
    NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
    assertTrue(entries.getLength() >= 2);
    for (int i = 0; i < entries.getLength(); i++) {
      NodeList categories = ((Element) entries.item(i)).getElementsByTagNameNS(ATOM, "category");
      boolean somalia = false;
      for (int j = 0; j < categories.getLength(); j++) {
        somalia |= ((Element) categories.item(j)).getAttribute("term").equals("SO");
      }
      assertTrue(somalia, "entry " + i + " is not about Somalia");
    }
  }

  @Test
  void pagesAdvertiseTheirFeeds() throws Exception {
    String page = Files.readString(SeedSite.output().resolve("ar/countries/sy/index.html"));
    assertTrue(page.contains("type=\"application/atom+xml\""));
    assertTrue(page.contains("href=\"../../../ar/countries/sy/feed.xml\""));
  }

  @Test
  void theSitemapListsEveryPageWithItsCounterpartAndRobotsNameIt() throws Exception {
    Document sitemap = xml("sitemap.xml");
    List<String> locs = texts(sitemap, "http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
    // every page but the 404 page and the pages at records' former addresses (aliases)
    long pages =
        SeedSite.pages().stream()
            .filter(p -> !p.equals("404.html"))
            .filter(
                p ->
                    !p.contains("/engagements/2025-10-19-")
                        && !p.contains("/engagements/2025-04-17-"))
            .count();
    assertEquals(pages, locs.size());
    assertTrue(
        locs.contains(
            "https://example.org/briefing/ar/engagements/2025-01-20-qatar-syria-civil-defence-agreement/"));
    NodeList links = sitemap.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
    Set<String> hreflangs = new HashSet<>();
    for (int i = 0; i < links.getLength(); i++) {
      hreflangs.add(((Element) links.item(i)).getAttribute("hreflang"));
    }
    assertEquals(Set.of("ar", "en", "x-default"), hreflangs);
    assertTrue(
        Files.readString(SeedSite.output().resolve("robots.txt"))
            .contains("Sitemap: https://example.org/briefing/sitemap.xml"));
  }

  @Test
  void theCsvOpensAsOneRowPerRecordWithAByteOrderMark() throws Exception {
    byte[] bytes = Files.readAllBytes(SeedSite.output().resolve("data/engagements.csv"));
    assertEquals((byte) 0xEF, bytes[0]);
    assertEquals((byte) 0xBB, bytes[1]);
    assertEquals((byte) 0xBF, bytes[2]);
    List<List<String>> rows =
        Rfc4180.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    assertEquals(SeedSite.recordIds().size() + 1, rows.size());
    List<String> header = rows.get(0);
    int width = header.size();
    int id = header.indexOf("id");
    int titleAr = header.indexOf("title_ar");
    Set<String> ids = new HashSet<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(width, row.size(), "row " + row.get(0));
      ids.add(row.get(id));
      assertTrue(
          row.get(titleAr)
              .codePoints()
              .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC),
          "Arabic title survives: " + row.get(titleAr));
    }
    assertEquals(new HashSet<>(SeedSite.recordIds()), ids);
  }

  @Test
  void theJsonValidatesAgainstItsSchemaAndHoldsBothLanguages() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Path data = SeedSite.output().resolve("data");
    JsonNode json = mapper.readTree(data.resolve("engagements.json").toFile());
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Files.readString(data.resolve("engagements.schema.json")));
    Set<ValidationMessage> errors = schema.validate(json);
    assertEquals(Set.of(), errors);
    assertEquals(SeedSite.recordIds().size(), json.get("engagements").size());
    JsonNode first = json.get("engagements").get(0);
    assertTrue(first.get("texts").has("ar") && first.get("texts").has("en"));
  }

  @Test
  void theSchemaRejectsARecordWithoutCountries() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Path data = SeedSite.output().resolve("data");
    JsonNode json = mapper.readTree(data.resolve("engagements.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("engagements").get(0))
        .putArray("countries");
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Files.readString(data.resolve("engagements.schema.json")));
    assertTrue(!schema.validate(json).isEmpty(), "the schema must be able to fail");
  }

  @Test
  void theNotFoundPageWorksFromAnyAddress() throws Exception {
    String page = Files.readString(SeedSite.output().resolve("404.html"));
    assertTrue(page.contains("href=\"https://example.org/briefing/assets/site.css\""));
    assertTrue(page.contains("lang=\"ar\" dir=\"rtl\""));
  }

  /** A strict reader of RFC 4180 text: quoted fields, doubled quotes, CRLF records. */
  static final class Rfc4180 {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          i++;
        } else {
          assertTrue(c != '\n', "a bare line feed outside quotes breaks RFC 4180");
          field.append(c);
        }
      }
      assertTrue(row.isEmpty() && field.length() == 0, "the file ends with CRLF");
      return rows;
    }
  }
}
