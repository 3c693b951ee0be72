package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Feed readers show an entry's {@code content type="html"} as HTML, usually without the site's
 * Content-Security-Policy: markup written in a record's title, summary or corrections must reach
 * them as text, held to the same checks as the pages' bodies.
 */
class FeedContentSafetyTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String IMG = "<img src=x onerror=alert(1)>";
  private static final String SCRIPT = "<script>alert(2)</script>";
  private static final String LINK = "<a href=\"javascript:alert(3)\">more</a>";

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = Files.newInputStream(file)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  @Test
  void markupInARecordReachesEveryFeedAsText(@TempDir Path tmp) throws Exception {
    Fixture fixture = new Fixture(tmp);
    String facts =
        Fixture.FACTS
            .replace(
                "en: The date was corrected.",
                "en: '" + IMG + " " + SCRIPT + " ]]> &amp; " + LINK + "'")
            .replace("ar: صُحّح التاريخ.", "ar: '" + IMG + " صُحّح " + SCRIPT + "'");
    String en =
        Fixture.EN
            .replaceFirst("(?m)^title: .*$", "title: '" + IMG + " title'")
            .replaceFirst("(?m)^summary: .*$", "summary: '" + SCRIPT + " summary & more'");
    fixture.record(Fixture.ID, facts, en, Fixture.AR);
    Path out = tmp.resolve("site");
    assertTrue(fixture.build(out).ok());

    List<Path> feeds;
    try (Stream<Path> files = Files.walk(out)) {
      feeds = files.filter(p -> p.getFileName().toString().equals("feed.xml")).sorted().toList();
    }
    // en and ar, each for Qatar and Syria, and the monthly briefs' in each language
    assertEquals(8, feeds.size(), "feeds: " + feeds);
    int contents = 0;
    List<String> shownTexts = new ArrayList<>();
    for (Path feed : feeds) {
      Document doc = xml(feed); // throws on anything that is not well-formed XML
      NodeList nodes = doc.getElementsByTagNameNS(ATOM, "content");
      for (int i = 0; i < nodes.getLength(); i++) {
        Element content = (Element) nodes.item(i);
        assertEquals("html", content.getAttribute("type"));
        String html = content.getTextContent();
        List<String> problems = HtmlSafety.bodyProblems(html);
        assertEquals(List.of(), problems, feed + ": " + html);
        shownTexts.add(Jsoup.parseBodyFragment(html).text());
        contents++;
      }
      NodeList titles = doc.getElementsByTagNameNS(ATOM, "title");
      for (int i = 0; i < titles.getLength(); i++) {
        Element title = (Element) titles.item(i);
        assertTrue(
            title.getAttribute("type").isEmpty() || title.getAttribute("type").equals("text"),
            feed + ": a title is plain text, shown as written");
      }
    }
    // a brief's entry has a plain-text summary and no content
    assertEquals(6, contents, "one corrected entry in each record feed");
    String english = String.join("\n", shownTexts);
    assertTrue(
        english.contains(IMG + " " + SCRIPT + " ]]> &amp; " + LINK),
        "the reader sees what the editor wrote, as text:\n" + english);
    assertTrue(english.contains(IMG + " صُحّح " + SCRIPT), english);
    assertTrue(english.contains(SCRIPT + " summary & more"), english);

    Document feed = xml(out.resolve("en/feed.xml"));
    Element entry = (Element) feed.getElementsByTagNameNS(ATOM, "entry").item(0);
    assertEquals(
        IMG + " title", entry.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
    assertEquals(
        SCRIPT + " summary & more",
        entry.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent());
  }
}
