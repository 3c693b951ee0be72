package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A feed reader's view of an archive larger than one feed: sixty records, the oldest of them
 * corrected after all the others. The expected entries are worked out by hand from the records'
 * dates below, not asked of the program.
 */
class FeedReaderTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String BASE = "https://example.org/briefing/";
  private static final int RECORDS = 60;

  @TempDir Path tmp;
  private HandBuiltSite site;

  /** Record i is dated 2024, month 1 + i / 28, day 1 + i % 28: i = 59 is 2024-03-04. */
  private static String id(int i) {
    return String.format("2024-%02d-%02d-record-%02d", 1 + i / 28, 1 + i % 28, i);
  }

  /**
   * Built for each test rather than once per class: the mutation run (README, "Mutation testing")
   * credits the code that writes the file to the test that first built the site and reruns only
   * that test against a planted bug in it, so the other tests' checks would never run.
   */
  @BeforeEach
  void build() throws Exception {
    site = new HandBuiltSite(tmp);
    for (int i = 0; i < RECORDS; i++) {
      String date = id(i).substring(0, 10);
      String correction =
          i != 0
              ? ""
              : """
          corrections:
            - date: 2025-06-01
              en: The place of the signing was corrected.
              ar: صُحّح مكان التوقيع.
          """;
      site.record(
          id(i), HandBuiltSite.facts(date, "agreement", i % 2 == 0 ? "QA, SY" : "QA", correction));
    }
    site.build();
  }

  private Document xml(String path) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = Files.newInputStream(site.out.resolve(path))) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static List<Element> entries(Document feed) {
    NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static String child(Element entry, String name) {
    return entry.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
  }

  private static String recordOf(Element entry) {
    return child(entry, "id").replaceAll(".*/engagements/([^/]+)/$", "$1");
  }

  @Test
  void aLanguageFeedHoldsTheFiftyLatestWithTheCorrectedRecordOnTop() throws Exception {
    for (String lang : List.of("en", "ar")) {
      List<Element> entries = entries(xml(lang + "/feed.xml"));
      assertEquals(50, entries.size(), lang + ": a feed carries at most 50 entries");
      // the correction of 1 June 2025 brings the oldest record back to the top
      assertEquals("2024-01-01-record-00", recordOf(entries.get(0)));
      assertEquals("2025-06-01T00:00:00Z", child(entries.get(0), "updated"));
      assertEquals("2024-01-01T00:00:00Z", child(entries.get(0), "published"));
      // then the others newest first: 59 (4 March) down to 11 (12 January)
      assertEquals("2024-03-04-record-59", recordOf(entries.get(1)));
      assertEquals("2024-03-03-record-58", recordOf(entries.get(2)));
      assertEquals("2024-01-12-record-11", recordOf(entries.get(49)));
      for (int k = 1; k < 50; k++) {
        assertEquals(id(RECORDS - k), recordOf(entries.get(k)), lang + " entry " + k);
      }
      List<String> shown = entries.stream().map(FeedReaderTest::recordOf).toList();
      assertFalse(shown.contains("2024-01-11-record-10"), "record 10 is past the cap");
      assertFalse(shown.contains("2024-01-02-record-01"), "record 1 is past the cap");
    }
  }

  @Test
  void theFeedIsAsRecentAsItsNewestEntryAndNamesItself() throws Exception {
    Document feed = xml("en/feed.xml");
    Element root = feed.getDocumentElement();
    assertEquals("2025-06-01T00:00:00Z", child(root, "updated"));
    assertEquals(BASE + "en/feed.xml", child(root, "id"));
    NodeList links = root.getElementsByTagNameNS(ATOM, "link");
    List<String> rels = new ArrayList<>();
    for (int i = 0; i < links.getLength(); i++) {
      Element link = (Element) links.item(i);
      if (link.getParentNode() == root) {
        rels.add(link.getAttribute("rel") + " " + link.getAttribute("href"));
      }
    }
    assertEquals(List.of("self " + BASE + "en/feed.xml", "alternate " + BASE + "en/"), rels);
  }

  @Test
  void anEntryLinksToTheRecordInTheFeedsLanguage() throws Exception {
    Element top = entries(xml("ar/feed.xml")).get(0);
    assertEquals(BASE + "ar/engagements/2024-01-01-record-00/", child(top, "id"));
    Element link = (Element) top.getElementsByTagNameNS(ATOM, "link").item(0);
    assertEquals(BASE + "ar/engagements/2024-01-01-record-00/", link.getAttribute("href"));
    assertEquals("عربي 2024-01-01-record-00", child(top, "title"));
    assertEquals("ar", top.getAttribute("xml:lang"));
  }

  @Test
  void aCountryFeedIsCappedAndHoldsOnlyThatCountry() throws Exception {
    // Syria is in the even records only: 30 of them, all within the cap
    List<Element> syria = entries(xml("en/countries/sy/feed.xml"));
    assertEquals(30, syria.size());
    assertEquals("2024-01-01-record-00", recordOf(syria.get(0)));
    assertEquals("2024-03-03-record-58", recordOf(syria.get(1)));
    assertTrue(
        syria.stream()
            .map(FeedReaderTest::recordOf)
            .allMatch(r -> Integer.parseInt(r.substring(r.length() - 2)) % 2 == 0));
    // Qatar is in all sixty: capped like the language feed
    List<Element> qatar = entries(xml("ar/countries/qa/feed.xml"));
    assertEquals(50, qatar.size());
    assertEquals("2024-01-12-record-11", recordOf(qatar.get(49)));
  }

  @Test
  void theCorrectionIsInTheEntrysContentAsTextAFeedReaderShows() throws Exception {
    Element top = entries(xml("en/feed.xml")).get(0);
    NodeList content = top.getElementsByTagNameNS(ATOM, "content");
    assertEquals(1, content.getLength());
    assertEquals("html", ((Element) content.item(0)).getAttribute("type"));
    String html = content.item(0).getTextContent();
    assertTrue(html.contains("1 June 2025: The place of the signing was corrected."), html);
    // an uncorrected record has a summary only
    assertEquals(
        0, entries(xml("en/feed.xml")).get(1).getElementsByTagNameNS(ATOM, "content").getLength());
  }
}
