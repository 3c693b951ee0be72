package org.briefing.markdown;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record's body as readers get it: whatever an editor (or a pasted article) puts in the Markdown,
 * the HTML placed in the page runs no script, loads nothing from other hosts, and keeps the page's
 * own heading outline. The output is parsed with jsoup, as a browser would, so the tests check
 * elements and attributes rather than spelling of the markup.
 */
class MarkdownRendererTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  private Document render(String markdown) {
    return Jsoup.parseBodyFragment(renderer.render(markdown));
  }

  private Element onlyLink(String markdown) {
    List<Element> links = render(markdown).select("a");
    assertEquals(1, links.size(), () -> "expected one link in " + renderer.render(markdown));
    return links.get(0);
  }

  @Nested
  class RawHtml {

    @Test
    void aScriptBlockIsShownAsTextAndNeverRuns() {
      Document page = render("<script>alert(1)</script>\n");

      assertTrue(page.select("script").isEmpty(), page.body().html());
      assertEquals("<script>alert(1)</script>", page.body().text());
    }

    @Test
    void anInlineImageWithAnErrorHandlerIsShownAsText() {
      Document page = render("Hello <img src=x onerror=alert(1)> there\n");

      assertTrue(page.select("img").isEmpty(), page.body().html());
      assertTrue(page.select("[onerror]").isEmpty(), page.body().html());
      assertEquals("Hello <img src=x onerror=alert(1)> there", page.body().text());
    }

    @Test
    void anHtmlBlockWithAnEventHandlerIsShownAsText() {
      Document page = render("<div onclick=\"alert(1)\">x</div>\n");

      assertTrue(page.select("div").isEmpty(), page.body().html());
      assertTrue(page.body().text().contains("onclick"), page.body().html());
    }

    @Test
    void htmlCommentsAreDroppedAndTheTextAroundThemKept() {
      String html =
          renderer.render("Before\n\n<!-- editor note -->\n\nAfter <!-- inline --> text\n");

      assertFalse(html.contains("editor note"), html);
      assertFalse(html.contains("inline"), html);
      assertFalse(html.contains("&lt;!--"), html);
      Document page = Jsoup.parseBodyFragment(html);
      assertEquals(List.of("Before", "After text"), page.select("p").eachText());
    }

    @Test
    void aLineAfterACommentLineIsKept() {
      Document page = render("<!-- a note -->\nVisible words\n");

      assertEquals("Visible words", page.body().text());
    }

    @Test
    void wordsAfterACommentOnTheSameLineAreKept() {
      Document page = render("<!-- note --> Visible words after a comment\n");

      assertFalse(page.body().html().contains("note"), page.body().html());
      assertTrue(page.body().text().contains("Visible words after a comment"), page.body().html());
    }
  }

  @Nested
  class LinkAddresses {

    @ParameterizedTest(name = "[x]({0}) goes nowhere")
    @ValueSource(
        strings = {
          "javascript:alert(1)",
          "JaVaScRiPt:alert(1)",
          "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
          "vbscript:msgbox(1)",
          "<java\tscript:alert(1)>", // browsers ignore the tab inside a scheme
          "jav&#x61;script:alert(1)", // entity-encoded "a"
          "java&#9;script:alert(1)", // entity-encoded tab
          "file:///etc/passwd"
        })
    void dangerousSchemesBecomeAHarmlessHash(String destination) {
      assertEquals("#", onlyLink("[x](" + destination + ")").attr("href"));
    }

    @Test
    void aDangerousAutolinkBecomesAHarmlessHash() {
      assertEquals("#", onlyLink("<javascript:alert(1)>").attr("href"));
    }

    @Test
    void aDangerousReferenceDefinitionBecomesAHarmlessHash() {
      assertEquals("#", onlyLink("[ref]\n\n[ref]: javascript:alert(1)\n").attr("href"));
    }

    @ParameterizedTest(name = "[x]({0}) is kept")
    @ValueSource(
        strings = {
          "https://example.org/report?id=3#p2",
          "http://example.org",
          "mailto:desk@example.org",
          "../2025-01-20-qatar-syria-civil-defence-agreement/",
          "/en/timeline/",
          "#section",
          "page.html?q=a:b"
        })
    void webMailAndRelativeAddressesAreKept(String destination) {
      assertEquals(destination, onlyLink("[x](" + destination + ")").attr("href"));
    }
  }

  @Nested
  class LinksToOtherSites {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "[x](https://example.org/a)",
          "[x](http://example.org/a)",
          "[x](HTTPS://example.org/a)",
          "[x](//example.org/a)",
          "<https://example.org/a>",
          "see https://example.org/a today"
        })
    void openWithoutGivingTheOtherSiteAccessToThePage(String markdown) {
      assertEquals("noopener noreferrer", onlyLink(markdown).attr("rel"));
    }

    @Test
    void linksInsideTheSiteAreNotMarkedAsExternal() {
      assertFalse(onlyLink("[x](../other/)").attr("rel").contains("noopener"));
    }

    @Test
    void aLinkTitleIsKept() {
      assertEquals("The source", onlyLink("[x](https://example.org \"The source\")").attr("title"));
    }
  }

  @Nested
  class Images {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "![A chart](https://other.example/chart.png)",
          "![A chart](http://other.example/chart.png)",
          "![A chart](HTTPS://other.example/chart.png)",
          "![A chart](//other.example/chart.png)"
        })
    void anImageFromAnotherSiteBecomesALinkToIt(String markdown) {
      Document page = render(markdown);

      assertTrue(page.select("img").isEmpty(), page.body().html());
      Element link = page.selectFirst("a");
      assertAll(
          () -> assertTrue(link.attr("href").endsWith("other.example/chart.png"), link.outerHtml()),
          () -> assertEquals("A chart", link.text()),
          () -> assertEquals("noopener noreferrer", link.attr("rel")));
    }

    @Test
    void anExternalImageWithoutDescriptionIsALinkShowingItsAddress() {
      Element link = onlyLink("![](https://other.example/chart.png)");
      assertEquals("https://other.example/chart.png", link.text());
    }

    @Test
    void aLocalImageStaysAnImage() {
      Element img = render("![A chart](chart.png)").selectFirst("img");
      assertAll(
          () -> assertEquals("chart.png", img.attr("src")),
          () -> assertEquals("A chart", img.attr("alt")));
    }

    @Test
    void anImageWithADangerousAddressLoadsNothing() {
      Element img = render("![x](javascript:alert(1))").selectFirst("img");
      assertEquals("#", img.attr("src"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "![x](/\\evil.example/x.png)",
          "![x](\\\\\\\\evil.example/x.png)",
          "![x](http:evil.example/x.png)",
          "![x](https:evil.example/x.png)",
          "![x](<ht\ttps://evil.example/x.png>)"
        })
    void anImageAddressThatBrowsersResolveToAnotherHostAlsoBecomesALink(String markdown) {
      Document page = render(markdown);
      assertTrue(page.select("img").isEmpty(), page.body().html());
    }
  }

  @Nested
  class Structure {

    @Test
    void headingsMoveOneLevelDownSoThePageTitleIsTheOnlyH1() {
      Document page = render("# Background\n\n## Details\n\n##### Deep\n");

      assertAll(
          () -> assertTrue(page.select("h1").isEmpty(), page.body().html()),
          () -> assertEquals("Background", page.selectFirst("h2").text()),
          () -> assertEquals("Details", page.selectFirst("h3").text()),
          () -> assertEquals("Deep", page.selectFirst("h6").text()));
    }

    @Test
    void theDeepestHeadingStaysAnH6() {
      Document page = render("###### Deepest\n");
      assertEquals("Deepest", page.selectFirst("h6").text());
    }

    @Test
    void tablesRender() {
      Document page = render("| Country | Visits |\n|---|---|\n| Qatar | 3 |\n| Syria | 2 |\n");

      Element table = page.selectFirst("table");
      assertAll(
          () -> assertEquals(List.of("Country", "Visits"), table.select("th").eachText()),
          () -> assertEquals(List.of("Qatar", "3", "Syria", "2"), table.select("td").eachText()));
    }

    @Test
    void footnotesRenderAsAReferenceAndANoteThatLinkToEachOther() {
      Document page = render("The agreement was announced[^src].\n\n[^src]: Al-Khaleej Online.\n");

      Element ref = page.selectFirst("sup a");
      assertEquals("1", ref.text());
      String target = ref.attr("href");
      assertTrue(target.startsWith("#"), target);
      Element note = page.getElementById(target.substring(1));
      assertTrue(note != null && note.text().contains("Al-Khaleej Online."), page.body().html());
    }

    @Test
    void arabicTextPassesThroughUnchanged() {
      Document page = render("وقّعت **قطر** وسوريا اتفاقية.\n");
      assertEquals("وقّعت قطر وسوريا اتفاقية.", page.body().text());
      assertEquals("قطر", page.selectFirst("strong").text());
    }
  }

  /**
   * A record's page reads its body once, for the page and for the search index: both must get
   * exactly what reading it on its own gives them, or the index would differ between builds that
   * read the body at the page and builds that did not.
   */
  @Nested
  class OneReadingForPageAndIndex {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "**Qatar** and [Syria](https://example.org/sy) signed 12 accords.",
          "# Heading\n\n<!-- an editor's note -->\nText <b>bold</b> after.\n\n<div>block</div>",
          "| a | b |\n|---|---|\n| 1 | 2 |\n\n`code 3` and <https://example.org>",
          "> quote\n> - item [^1]\n\n[^1]: a note with 4 words",
          "وقّع الوزيران مذكرة في 12 مايو\n\n- بند 1\n- بند 2",
        })
    void givesThePageItsHtmlAndTheIndexItsWordsAsTwoReadingsWould(String markdown) {
      java.util.function.UnaryOperator<String> prose = t -> t.replace('1', '١');
      MarkdownRenderer.Rendered both = renderer.renderWithText(markdown, prose);
      assertEquals(renderer.render(markdown, prose), both.html());
      assertEquals(new PlainText().of(markdown), both.text());
      assertFalse(both.text().contains("١"), "the page's digits are not the index's words");
    }
  }
}
