package org.briefing.outputs;

import static org.briefing.outputs.HandBuiltArchive.QA;
import static org.briefing.outputs.HandBuiltArchive.SY;
import static org.briefing.outputs.HandBuiltArchive.TR;
import static org.briefing.outputs.HandBuiltArchive.archive;
import static org.briefing.outputs.HandBuiltArchive.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.briefing.archive.Archive;
import org.briefing.model.Engagement;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Atom feeds as a feed reader reads them, from four records built by hand: the entries, their
 * order (a correction brings a record back to the top), the dates and links a reader follows, and
 * the correction notes. Every expected value is written out by hand below.
 */
class FeedRendererTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  /**
   * A: 10 January 2025, Qatar and Syria, both languages. B: March 2025, Qatar, English only. C: 5
   * December 2024, Syria, corrected on 15 January and again on 2 April 2025. D: 2023, Turkey.
   */
  private static Archive fourRecords(String tagline) {
    return archive(
        tagline,
        List.of(),
        rec("2023-turkey-visit", "2023").countries(TR),
        rec("2024-12-05-syria-agreement", "2024-12-05")
            .countries(SY)
            .type(HandBuiltArchive.AGREEMENT)
            .arabic("اتفاق", "ملخص الاتفاق")
            .correction(
                "2025-04-02", "Date <img src=x onerror=alert(1)> fixed", "صُحّح <b>التاريخ</b>")
            .correction("2025-01-15", "Title fixed & checked", "صُحّح العنوان"),
        rec("2025-01-10-qatar-syria-visit", "2025-01-10")
            .countries(QA, SY)
            .arabic("زيارة قطرية", "ملخص الزيارة"),
        rec("2025-03-qatar-call", "2025-03").countries(QA));
  }

  private static Map<String, String> feeds(Archive archive) throws Exception {
    return HandBuiltArchive.make(new FeedRenderer(archive, HandBuiltArchive.STRINGS).plan());
  }

  private static List<Element> children(Node parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ATOM.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Node parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0).getTextContent();
  }

  /** The link's href with that rel, and its type after a space. */
  private static String link(Node parent, String rel) {
    for (Element l : children(parent, "link")) {
      if (rel.equals(l.getAttribute("rel"))) {
        return l.getAttribute("href") + " " + l.getAttribute("type");
      }
    }
    return null;
  }

  private static List<Element> entries(String feed) throws Exception {
    return children(HandBuiltArchive.xml(feed).getDocumentElement(), "entry");
  }

  @Test
  void everyLanguageAndEveryCountryWithRecordsHasAFeed() throws Exception {
    assertEquals(
        java.util.Set.of(
            "en/feed.xml",
            "en/countries/qa/feed.xml",
            "en/countries/sy/feed.xml",
            "en/countries/tr/feed.xml",
            "ar/feed.xml",
            "ar/countries/qa/feed.xml",
            "ar/countries/sy/feed.xml",
            "ar/countries/tr/feed.xml"),
        feeds(fourRecords("")).keySet());
  }

  @Test
  void theFeedNamesItselfItsPageAndItsSite() throws Exception {
    String text = feeds(fourRecords("News of the week")).get("en/feed.xml");
    assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "), text);
    assertTrue(text.endsWith("</feed>\n"), "ends with a line break");
    Document doc = HandBuiltArchive.xml(text);
    Element feed = doc.getDocumentElement();
    assertEquals(ATOM, feed.getNamespaceURI());
    assertEquals("feed", feed.getLocalName());
    assertEquals("en", feed.getAttribute("xml:lang"));
    assertEquals("https://example.org/briefing/en/feed.xml", text(feed, "id"));
    assertEquals("Briefing", text(feed, "title"));
    assertEquals("News of the week", text(feed, "subtitle"));
    assertEquals("2025-04-02T00:00:00Z", text(feed, "updated"), "the latest correction's day");
    assertEquals(
        "https://example.org/briefing/en/feed.xml application/atom+xml", link(feed, "self"));
    assertEquals("https://example.org/briefing/en/ text/html", link(feed, "alternate"));
    assertEquals("Briefing", children(feed, "author").get(0).getTextContent().strip());
  }

  @Test
  void aSiteWithoutTaglineHasNoSubtitle() throws Exception {
    Document doc = HandBuiltArchive.xml(feeds(fourRecords("")).get("ar/feed.xml"));
    assertNull(text(doc.getDocumentElement(), "subtitle"));
    assertEquals("موجز", text(doc.getDocumentElement(), "title"));
    assertEquals("ar", doc.getDocumentElement().getAttribute("xml:lang"));
  }

  @Test
  void entriesComeNewestUpdateFirstSoACorrectedRecordIsBackOnTop() throws Exception {
    List<Element> entries = entries(feeds(fourRecords("")).get("en/feed.xml"));
    assertEquals(
        List.of(
            "https://example.org/briefing/en/engagements/2024-12-05-syria-agreement/",
            "https://example.org/briefing/en/engagements/2025-03-qatar-call/",
            "https://example.org/briefing/en/engagements/2025-01-10-qatar-syria-visit/",
            "https://example.org/briefing/en/engagements/2023-turkey-visit/"),
        entries.stream().map(e -> text(e, "id")).toList());
    assertEquals(
        List.of(
            "2025-04-02T00:00:00Z",
            "2025-03-01T00:00:00Z",
            "2025-01-10T00:00:00Z",
            "2023-01-01T00:00:00Z"),
        entries.stream().map(e -> text(e, "updated")).toList());
    assertEquals(
        List.of(
            "2024-12-05T00:00:00Z",
            "2025-03-01T00:00:00Z",
            "2025-01-10T00:00:00Z",
            "2023-01-01T00:00:00Z"),
        entries.stream().map(e -> text(e, "published")).toList());
  }

  @Test
  void anEntryCarriesItsTitleSummaryLinkAndCategories() throws Exception {
    Element visit = entries(feeds(fourRecords("")).get("ar/feed.xml")).get(2);
    assertEquals("ar", visit.getAttribute("xml:lang"));
    assertEquals("زيارة قطرية", text(visit, "title"));
    assertEquals("ملخص الزيارة", text(visit, "summary"));
    assertEquals(
        "https://example.org/briefing/ar/engagements/2025-01-10-qatar-syria-visit/ text/html",
        link(visit, "alternate"));
    assertEquals(
        List.of("visit زيارة", "QA قطر", "SY سوريا"),
        children(visit, "category").stream()
            .map(c -> c.getAttribute("term") + " " + c.getAttribute("label"))
            .toList());
    assertTrue(children(visit, "content").isEmpty(), "no correction, no content");
  }

  @Test
  void anUntranslatedRecordIsInTheOtherFeedInItsOwnLanguageLinkingToItsOwnPage() throws Exception {
    Element call = entries(feeds(fourRecords("")).get("ar/feed.xml")).get(1);
    assertEquals("en", call.getAttribute("xml:lang"));
    assertEquals("Title 2025-03-qatar-call", text(call, "title"));
    assertEquals(
        "https://example.org/briefing/ar/engagements/2025-03-qatar-call/", text(call, "id"));
    assertEquals(
        "https://example.org/briefing/en/engagements/2025-03-qatar-call/ text/html",
        link(call, "alternate"));
  }

  @Test
  void correctionsAreListedAsTextNeverAsMarkup() throws Exception {
    Map<String, String> feeds = feeds(fourRecords(""));
    Element en = entries(feeds.get("en/feed.xml")).get(0);
    Element content = children(en, "content").get(0);
    assertEquals("html", content.getAttribute("type"));
    org.jsoup.nodes.Document html = Jsoup.parseBodyFragment(content.getTextContent());
    assertTrue(html.select("img, script, b").isEmpty(), html.body().html());
    assertEquals(
        List.of("Summary 2024-12-05-syria-agreement", "Corrections:"), html.select("p").eachText());
    assertEquals(
        List.of(
            "2 April 2025: Date <img src=x onerror=alert(1)> fixed",
            "15 January 2025: Title fixed & checked"),
        html.select("li").eachText());

    Element ar = entries(feeds.get("ar/feed.xml")).get(0);
    org.jsoup.nodes.Document arHtml =
        Jsoup.parseBodyFragment(children(ar, "content").get(0).getTextContent());
    assertEquals(List.of("ملخص الاتفاق", "التصحيحات:"), arHtml.select("p").eachText());
    assertEquals(
        List.of(
            "2 أبريل/نيسان 2025: صُحّح <b>التاريخ</b>",
            "15 يناير/كانون الثاني 2025: صُحّح العنوان"),
        arHtml.select("li").eachText());
    assertTrue(arHtml.select("b").isEmpty());
  }

  @Test
  void aQuoteInASummaryStaysAQuoteInTheHtmlContent() throws Exception {
    Archive archive =
        archive(
            rec("2025-02-01-a", "2025-02-01")
                .english("T", "He said \"no\" <i>twice</i>")
                .correction("2025-02-03", "Quote \"fixed\"", "x"));
    Element entry = entries(feeds(archive).get("en/feed.xml")).get(0);
    String html = children(entry, "content").get(0).getTextContent();
    assertTrue(html.contains("&quot;no&quot; &lt;i&gt;twice&lt;/i&gt;"), html);
    assertEquals(
        "He said \"no\" <i>twice</i>", Jsoup.parseBodyFragment(html).selectFirst("p").text());
  }

  @Test
  void aCountryFeedHoldsOnlyThatCountrysRecordsAndLinksToItsPage() throws Exception {
    Map<String, String> feeds = feeds(fourRecords(""));
    Element qa = HandBuiltArchive.xml(feeds.get("en/countries/qa/feed.xml")).getDocumentElement();
    assertEquals("Briefing · Qatar", text(qa, "title"));
    assertEquals("https://example.org/briefing/en/countries/qa/feed.xml", text(qa, "id"));
    assertEquals("https://example.org/briefing/en/countries/qa/ text/html", link(qa, "alternate"));
    assertEquals(
        "https://example.org/briefing/en/countries/qa/feed.xml application/atom+xml",
        link(qa, "self"));
    assertEquals("2025-03-01T00:00:00Z", text(qa, "updated"));
    assertEquals(
        List.of("Title 2025-03-qatar-call", "Title 2025-01-10-qatar-syria-visit"),
        children(qa, "entry").stream().map(e -> text(e, "title")).toList());
    Element ar = HandBuiltArchive.xml(feeds.get("ar/countries/tr/feed.xml")).getDocumentElement();
    assertEquals("موجز · تركيا", text(ar, "title"));
    assertEquals(1, children(ar, "entry").size());
  }

  @Test
  void aFeedKeepsTheFiftyNewestAndRecordsOfOneDayComeInIdOrder() throws Exception {
    List<HandBuiltArchive.Rec> records = new ArrayList<>();
    for (int day = 1; day <= 26; day++) {
      String date = String.format("2025-01-%02d", day);
      records.add(rec(date + "-b", date));
      records.add(rec(date + "-a", date));
    }
    List<Element> entries =
        entries(feeds(archive(records.toArray(HandBuiltArchive.Rec[]::new))).get("en/feed.xml"));
    assertEquals(50, entries.size());
    assertEquals("Title 2025-01-26-a", text(entries.get(0), "title"));
    assertEquals("Title 2025-01-26-b", text(entries.get(1), "title"));
    assertEquals("Title 2025-01-02-a", text(entries.get(48), "title"));
    assertEquals("Title 2025-01-02-b", text(entries.get(49), "title"));
  }

  @Test
  void theFiftyPickedAreTheFirstFiftyOfTheWholeArchiveSortedInFeedOrder() {
    // Dates on few days and corrections on some: ties and records brought back to the top, in
    // every order the picking may meet them.
    Random random = new Random(12);
    List<HandBuiltArchive.Rec> records = new ArrayList<>();
    for (int i = 0; i < 180; i++) {
      String date = String.format("2025-0%d-%02d", 1 + random.nextInt(3), 1 + random.nextInt(4));
      HandBuiltArchive.Rec rec = rec(String.format("%s-r%03d", date, i), date);
      if (random.nextInt(5) == 0) {
        rec.correction(String.format("2025-0%d-02", 1 + random.nextInt(6)), "Note", "ملاحظة");
      }
      records.add(rec);
    }
    List<Engagement> all = archive(records.toArray(HandBuiltArchive.Rec[]::new)).engagements();
    List<Engagement> expected =
        all.stream()
            .sorted(
                Comparator.comparing(FeedRenderer::updated)
                    .reversed()
                    .thenComparing(Engagement::id))
            .limit(FeedRenderer.MAX_ENTRIES)
            .toList();
    assertEquals(FeedRenderer.MAX_ENTRIES, expected.size());
    for (int round = 0; round < 5; round++) {
      List<Engagement> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, random);
      assertEquals(expected, FeedRenderer.latest(shuffled), "in round " + round);
    }
    List<Engagement> few = all.subList(0, 3);
    assertEquals(Set.copyOf(few), Set.copyOf(FeedRenderer.latest(few)), "fewer than 50: all");
  }

  @Test
  void aCorrectionOlderThanTheRecordDoesNotMoveItBack() throws Exception {
    Archive archive =
        archive(
            rec("2025-05-01-a", "2025-05-01").correction("2025-04-20", "Earlier note", "x"),
            rec("2025-05-03-b", "2025-05-03"));
    List<Element> entries = entries(feeds(archive).get("en/feed.xml"));
    assertEquals("2025-05-01T00:00:00Z", text(entries.get(1), "updated"));
    assertEquals("Title 2025-05-01-a", text(entries.get(1), "title"));
  }

  @Test
  void anEmptyArchiveGivesAValidFeedWithAFixedDate() throws Exception {
    Element feed = HandBuiltArchive.xml(feeds(archive()).get("en/feed.xml")).getDocumentElement();
    assertEquals("1970-01-01T00:00:00Z", text(feed, "updated"));
    assertTrue(children(feed, "entry").isEmpty());
  }
}
