package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.briefing.content.TextFiles;
import org.briefing.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No body makes the build slow, exhausts memory or overflows the stack. commonmark-java 0.24 on its
 * own takes minutes on some of these inputs (a paragraph of 100,000 {@code <}, nested brackets, a
 * narrow-rowed wide table), runs out of memory on others and overflows the stack on nested quotes,
 * lists and emphasis; {@link MarkdownRenderer} bounds each, and these tests hold it to that, each
 * within 5 seconds.
 */
// timed: coverage instrumentation slows it past its bounds, so mutation runs leave it out
@Tag("slow")
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class MarkdownBoundsTest {

  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final int MAX_DEPTH = 2 * MarkdownRenderer.MAX_NESTING + 16;

  /** Renders, checks the HTML is safe and no deeper than the bound, returns it parsed. */
  private static Document bounded(String markdown) {
    String html = RENDERER.render(markdown);
    assertEquals(List.of(), HtmlSafety.bodyProblems(html));
    int depth = HtmlSafety.depth(html);
    assertTrue(depth <= MAX_DEPTH, "nested " + depth + " deep");
    return Jsoup.parseBodyFragment(html);
  }

  /** The most {@code tag} elements nested in each other. */
  private static int deepest(Document doc, String tag) {
    int deepest = 0;
    for (var el : doc.select(tag)) {
      deepest =
          Math.max(
              deepest,
              1 + (int) el.parents().stream().filter(p -> p.normalName().equals(tag)).count());
    }
    return deepest;
  }

  @Test
  void tenThousandNestedBlockQuotesKeepTheirWords() {
    Document doc = bounded(">".repeat(10_000) + " deep words\n");
    assertEquals(MarkdownRenderer.MAX_MARKERS_PER_LINE, doc.select("blockquote").size());
    assertTrue(doc.text().contains("deep words"), doc.text());
  }

  @Test
  void blockQuotesNestedOverManyLinesStayBounded() {
    Document doc = bounded((">".repeat(200) + " line\n").repeat(2_000));
    assertEquals(MarkdownRenderer.MAX_MARKERS_PER_LINE, deepest(doc, "blockquote"));
  }

  @Test
  void fiftyThousandEmphasisMarkers() {
    bounded("*".repeat(50_000));
    bounded("_".repeat(50_000) + "a" + "_".repeat(50_000));
    bounded("*a".repeat(25_000));
    Document nested = bounded("*a ".repeat(25_000) + " b*".repeat(25_000));
    assertEquals(25_000, nested.text().chars().filter(c -> c == 'b').count(), "the words stay");
    bounded("*_".repeat(50_000) + "a" + "_*".repeat(50_000));
    bounded("**".repeat(25_000) + "a" + "**".repeat(25_000));
  }

  @Test
  void fiveThousandBracketsStayVisible() {
    assertEquals("[".repeat(5_000), bounded("[".repeat(5_000)).text());
    assertEquals(
        "[".repeat(5_000) + "]".repeat(5_000),
        bounded("[".repeat(5_000) + "]".repeat(5_000)).text());
    bounded("![a".repeat(5_000) + "](b)".repeat(5_000));
    bounded("[![a".repeat(5_000) + "](b)](c)".repeat(5_000));
    bounded("[a](".repeat(5_000));
    bounded("[^a".repeat(5_000));
  }

  @Test
  void aTableOf2000ColumnsAnd200RowsIsShownAsText() {
    StringBuilder table = new StringBuilder();
    for (int c = 0; c < 2_000; c++) {
      table.append("| c").append(c).append(' ');
    }
    table.append("|\n").append("|---".repeat(2_000)).append("|\n");
    for (int r = 0; r < 200; r++) {
      table.append("| x ".repeat(2_000)).append("|\n");
    }
    Document doc = bounded(table.toString());
    assertTrue(doc.select("td, th").isEmpty(), "wider than " + MarkdownRenderer.MAX_TABLE_COLUMNS);
    assertTrue(doc.text().contains("c1999"), "the cells stay as text");
  }

  @Test
  void aTableOfShortRowsCannotMultiplyIntoMillionsOfCells() {
    // Rows are padded to the header's width: 60 columns x 100,000 one-cell rows would be six
    // million cells (commonmark-java runs out of memory on less).
    String table = "|a".repeat(60) + "|\n" + "|-".repeat(60) + "|\n" + "|x\n".repeat(100_000);
    Document doc = bounded(table);
    int cells = doc.select("td, th").size();
    assertTrue(cells <= MarkdownRenderer.MAX_TABLE_CELLS + 60, cells + " cells");
    String lazy = "|a".repeat(60) + "|\n" + "|-".repeat(60) + "|\n" + "x\n".repeat(100_000);
    assertTrue(bounded(lazy).select("td, th").size() <= MarkdownRenderer.MAX_TABLE_CELLS + 60);
  }

  @Test
  void anOrdinaryTableIsUntouched() {
    Document doc = bounded("| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\n");
    assertEquals(List.of("a", "b", "1", "2", "3", "4"), doc.select("th, td").eachText());
  }

  @Test
  void deeplyNestedListsStayBounded() {
    bounded("- ".repeat(10_000) + "x\n");
    bounded("1. ".repeat(10_000) + "x\n");
    bounded("> - ".repeat(10_000) + "x\n");
    bounded("[^a]: ".repeat(10_000) + "x\n");
    StringBuilder indented = new StringBuilder();
    for (int i = 0; i < 700; i++) {
      indented.append(" ".repeat(2 * i)).append("- item ").append(i).append('\n');
    }
    Document doc = bounded(indented.toString());
    assertTrue(doc.text().contains("item 699"), "the deepest item is still there");
    assertEquals(MarkdownRenderer.MAX_NESTING, deepest(doc, "ul"));
  }

  @Test
  void markersUpToTheLimitNestAndTheRestIsText() {
    int max = MarkdownRenderer.MAX_MARKERS_PER_LINE;
    Document doc = bounded(">".repeat(max + 3) + " x\n");
    assertEquals(max, doc.select("blockquote").size());
    assertEquals(">>> x", doc.text());
  }

  @Test
  void manyAngleBracketsParseInLinearTime() {
    bounded("x " + "<".repeat(200_000));
    bounded("x " + "<".repeat(200_000) + ">");
    bounded("x " + "<a ".repeat(70_000) + ">");
    bounded("x " + "<!-- ".repeat(40_000));
    bounded("x " + "<? > ".repeat(40_000));
    Document doc = bounded("<https://example.org/a> and <desk@example.org> <a>b</a> <!-- c -->");
    assertEquals(
        List.of("https://example.org/a", "mailto:desk@example.org"),
        doc.select("a").eachAttr("href"));
  }

  /**
   * Three bodies of 200,000 lines each: 2.5 s alone on a 2-core machine, and past the class's 5 s
   * once in a full run there (2026-12-01), so this one has 20 s, eight times its time alone.
   */
  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void longParagraphsOfSymbolLinesStayLinear() {
    bounded(".\n".repeat(200_000));
    bounded("|\n".repeat(200_000));
    bounded("a\n" + "    a\n".repeat(80_000));
  }

  /** The slowest inputs known, each the size of the largest content file allowed. */
  static Stream<Arguments> worstInputsAtTheFileLimit() {
    int n = (int) TextFiles.MAX_BYTES;
    List<Object[]> cases =
        List.of(
            new Object[] {
              "angle brackets", (IntFunction<String>) k -> "x " + "<".repeat(k - 3) + ">"
            },
            new Object[] {
              "open tags", (IntFunction<String>) k -> "x " + "<a ".repeat(k / 3 - 1) + ">"
            },
            new Object[] {"comments", (IntFunction<String>) k -> "x " + "<!-- > ".repeat(k / 7)},
            new Object[] {
              "nested brackets", (IntFunction<String>) k -> "[".repeat(k / 2) + "]".repeat(k / 2)
            },
            new Object[] {
              "nested images", (IntFunction<String>) k -> "![a".repeat(k / 7) + "](b)".repeat(k / 7)
            },
            new Object[] {
              "nested emphasis",
              (IntFunction<String>) k -> "*_".repeat(k / 4 - 1) + "a" + "_*".repeat(k / 4 - 1)
            },
            new Object[] {
              "emphasis runs",
              (IntFunction<String>) k -> "**".repeat(k / 4 - 1) + "a" + "**".repeat(k / 4 - 1)
            },
            new Object[] {"list markers", (IntFunction<String>) k -> "- ".repeat(k / 2)},
            new Object[] {
              "padded table",
              (IntFunction<String>)
                  k ->
                      "|a".repeat(60) + "\n" + "|-".repeat(60) + "\n" + "|x\n".repeat((k - 242) / 3)
            },
            new Object[] {"backslashes", (IntFunction<String>) k -> "\\".repeat(k)},
            new Object[] {
              "code spans",
              (IntFunction<String>)
                  k -> {
                    StringBuilder s = new StringBuilder();
                    for (int i = 1; s.length() < k - i - 1; i++) {
                      s.append("`".repeat(i)).append('a');
                    }
                    return s.toString();
                  }
            },
            new Object[] {
              "link references",
              (IntFunction<String>) k -> "[a]: /u\n".repeat(k / 16) + "[a]".repeat(k / 6)
            });
    return cases.stream().map(c -> Arguments.of(c[0], ((IntFunction<?>) c[1]).apply(n)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("worstInputsAtTheFileLimit")
  void theSlowestBodiesAFileCanHoldRenderInBoundedTime(String name, String markdown) {
    assertTrue(markdown.length() <= TextFiles.MAX_BYTES, name + " fits in a file");
    String html = RENDERER.render(markdown);
    assertTrue(html.length() < 16 * TextFiles.MAX_BYTES, name + ": " + html.length() + " chars");
    assertTrue(HtmlSafety.depth(html) <= MAX_DEPTH, name);
  }
}
