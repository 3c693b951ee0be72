package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.briefing.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record body written by an attacker renders to HTML with no script, no event handler and no
 * dangerous address, checked on commonmark-java 0.24's actual output parsed by jsoup, the way a
 * browser would read it.
 */
class MarkdownSafetyTest {

  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  /** Renders, asserts the result is safe HTML, and returns it parsed. */
  private static Document safe(String markdown) {
    String html = RENDERER.render(markdown);
    assertEquals(List.of(), HtmlSafety.bodyProblems(html), () -> markdown + "\n=>\n" + html);
    return Jsoup.parseBodyFragment(html);
  }

  private static Element only(Document doc, String selector) {
    List<Element> found = doc.select(selector);
    assertEquals(1, found.size(), () -> "expected one " + selector + " in " + doc.body().html());
    return found.get(0);
  }

  @Nested
  class RawHtmlIsText {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "<svg onload=alert(1)>",
          "<iframe src=\"https://evil.example\"></iframe>",
          "<a href=\"javascript:alert(1)\">x</a>",
          "<div style=\"background:url(javascript:alert(1))\">x</div>",
          "<base href=\"https://evil.example/\">",
          "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
          "<object data=\"x.swf\"></object>",
          "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
          "<![CDATA[<script>alert(1)</script>]]>",
          "<?php echo 1; ?>"
        })
    void asABlockAndInline(String html) {
      Document block = safe(html + "\n");
      assertEquals(html, block.body().text());
      Document inline = safe("Before " + html + " after\n");
      assertEquals("Before " + html + " after", inline.body().text());
    }

    @Test
    void evenSplitOverLinesOrInsideOtherMarkup() {
      Document doc =
          safe(
              "> <scr\n> ipt>alert(1)</script>\n\n- *<img\n  src=x onerror=alert(1)>*\n\n"
                  + "| a |\n|---|\n| <script>x</script> |\n\n[<b onclick=x>link</b>](https://e.example)\n");
      assertTrue(doc.body().text().contains("<script>x</script>"), doc.body().html());
    }
  }

  @Nested
  class HtmlCommentsAreDropped {

    @Test
    void asABlockInlineAndInsideOtherHtml() {
      Document doc =
          safe(
              "Before\n\n<!-- block note -->\n\nAfter <!-- inline note --> text\n\n"
                  + "<div><!-- inner note --></div>\n");
      String html = doc.body().html();
      assertAll(
          () -> assertFalse(html.contains("note"), html),
          () -> assertFalse(html.contains("&lt;!--"), html),
          () ->
              assertEquals(
                  List.of("Before", "After text", "<div></div>"), doc.select("p").eachText()));
    }

    @Test
    void wordsAfterACommentOnItsLineStay() {
      Document doc = safe("<!-- note --> Visible words\n");
      assertEquals("Visible words", doc.body().text());
    }

    @Test
    void aCommentNeverClosedIsShownSoNoTextVanishes() {
      // CommonMark would run it to the end of the body; hiding that would hide the mistake.
      Document doc = safe("<!-- never closed\nstill here\n\nShown\n");
      assertEquals("<!-- never closed still here Shown", doc.body().text());
    }
  }

  @Nested
  class Addresses {

    @ParameterizedTest(name = "[x]({0}) goes nowhere")
    @ValueSource(
        strings = {
          "javascript:alert(1)",
          "JaVaScRiPt:alert(1)",
          "&#x6A;avascript:alert(1)",
          "&#106;avascript:alert(1)",
          "java&Tab;script:alert(1)",
          "java&NewLine;script:alert(1)",
          "javascript&colon;alert(1)",
          "<java\tscript:alert(1)>",
          "<\u0001javascript:alert(1)>",
          "<\u001f\u0000javascript:alert(1)>",
          " javascript:alert(1)",
          "\\javascript:alert(1)",
          "jav&#x09;ascript:alert(1)",
          "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
          "DATA:text/html,x",
          "vbscript:msgbox(1)",
          "VbScRiPt:msgbox(1)",
          "file:///etc/passwd",
          "%6Aavascript:alert(1)",
          "java%0ascript:alert(1)"
        })
    void dangerousSchemesInAnyDisguiseBecomeAHash(String destination) {
      assertEquals("#", only(safe("[x](" + destination + ")"), "a").attr("href"));
      assertEquals("#", only(safe("[x][r]\n\n[r]: " + destination + "\n"), "a").attr("href"));
      assertFalse(safe("![x](" + destination + ")").body().html().contains("cript:"));
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(
        strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x"})
    void dangerousAutolinksBecomeAHash(String address) {
      assertEquals("#", only(safe("<" + address + ">"), "a").attr("href"));
    }

    @ParameterizedTest(name = "[x]({0}) is kept")
    @ValueSource(
        strings = {
          "https://example.org/a?b=c#d",
          "http://example.org",
          "mailto:desk@example.org",
          "../other/index.html",
          "/en/timeline/",
          "#section",
          "page.html?q=a:b"
        })
    void webMailAndRelativeAddressesAreKept(String destination) {
      assertEquals(destination, only(safe("[x](" + destination + ")"), "a").attr("href"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "[x](https://example.org/a)",
          "[x](HTTP://example.org/a)",
          "[x](//example.org/a)",
          "[x](/\\example.org/a)",
          "<https://example.org/a>",
          "see https://example.org/a today",
          "[x](<\thttps://example.org/a>)"
        })
    void linksToOtherHostsGetNoopenerNoreferrer(String markdown) {
      Element link = only(safe(markdown), "a");
      assertEquals("noopener noreferrer", link.attr("rel"), link.outerHtml());
    }

    @Test
    void linksWithinTheSiteAreNotMarkedExternal() {
      assertFalse(only(safe("[x](../other/)"), "a").attr("rel").contains("noopener"));
    }
  }

  @Nested
  class Attributes {

    @Test
    void aTitleWithQuotesStaysATitle() {
      String title = "He said \"go\" onmouseover='alert(1)' x=\"";
      Element link =
          only(safe("[x](https://e.example/ \"" + title.replace("\"", "\\\"") + "\")"), "a");
      assertAll(
          () -> assertEquals(title, link.attr("title")),
          () ->
              assertEquals(
                  List.of("rel", "href", "title"),
                  link.attributes().asList().stream().map(a -> a.getKey()).toList()));
    }

    @Test
    void aTitleInSingleQuotesOrParenthesesStaysATitle() {
      assertEquals("it's \"x\"", only(safe("[x](/a 'it\\'s \"x\"')"), "a").attr("title"));
      assertEquals("a\" onclick=\"x", only(safe("[x](/a (a\" onclick=\"x))"), "a").attr("title"));
    }

    @Test
    void anAddressWithQuotesStaysOneAttribute() {
      Element link = only(safe("[x](<https://e.example/a\"onmouseover=alert(1)//'b>)"), "a");
      assertAll(
          () -> assertFalse(link.hasAttr("onmouseover"), link.outerHtml()),
          () -> assertTrue(link.attr("href").startsWith("https://e.example/a"), link.outerHtml()));
      Element bare = only(safe("https://e.example/a\"onmouseover=alert(1)"), "a");
      assertFalse(bare.hasAttr("onmouseover"), bare.outerHtml());
    }

    @Test
    void imageDescriptionsAndTitlesWithQuotesStayText() {
      Element img = only(safe("![a\"b' onerror=alert(1)](chart.png \"t\\\"x' onload=y\")"), "img");
      assertAll(
          () -> assertEquals("a\"b' onerror=alert(1)", img.attr("alt")),
          () -> assertEquals("t\"x' onload=y", img.attr("title")));
    }

    @Test
    void footnoteLabelsAndCodeLanguagesWithQuotesStayInTheirAttribute() {
      Document doc =
          safe(
              "Note[^\"onclick='x'>].\n\n[^\"onclick='x'>]: The note.\n\n"
                  + "```\"onmouseover=alert(1) x='y'\ncode\n```\n");
      assertNotNull(doc.selectFirst("code[class]"), doc.body().html());
      assertTrue(doc.select("[onclick], [onmouseover]").isEmpty(), doc.body().html());
    }
  }

  @Nested
  class Images {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "![x](https://evil.example/x.png)",
          "![x](HTTP://evil.example/x.png)",
          "![x](//evil.example/x.png)",
          "![x](/\\evil.example/x.png)",
          "![x](\\\\\\\\evil.example/x.png)",
          "![x](https:evil.example/x.png)",
          "![x](http:evil.example/x.png)",
          "![x](http:/\\evil.example/x.png)",
          "![x](<ht\ttps://evil.example/x.png>)",
          "![x](<\thttps://evil.example/x.png>)",
          "![x][r]\n\n[r]: https://evil.example/x.png",
          "[![x](https://evil.example/x.png)](https://e.example/)"
        })
    void fromAnotherHostBecomeLinksSoNothingIsFetched(String markdown) {
      Document doc = safe(markdown);
      assertTrue(doc.select("img").isEmpty(), doc.body().html());
      assertTrue(doc.select("a").size() >= 1, doc.body().html());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "![x](data:image/png;base64,iVBORw0KGgo=)",
          "![x](javascript:alert(1))",
          "![x](mailto:a@b.example)",
          "![x](ftp://evil.example/x)"
        })
    void withAnAddressNotOnThisSiteFetchNothing(String markdown) {
      Document doc = safe(markdown);
      doc.select("img").forEach(img -> assertEquals("#", img.attr("src")));
    }

    @Test
    void onThisSiteStayImages() {
      Element img = only(safe("![A chart](../chart.png)"), "img");
      assertEquals("../chart.png", img.attr("src"));
    }
  }
}
