package org.briefing.markdown;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a record's Markdown body (CommonMark with tables, autolinks and footnotes) to HTML that
 * is safe to place in a page, whoever wrote it:
 *
 * <ul>
 *   <li>raw HTML is shown as text, never interpreted; closed HTML comments are dropped;
 *   <li>links go only to http, https, mailto or relative addresses, read as a browser reads them;
 *       anything else ({@code javascript:}, {@code data:} ...) becomes a harmless {@code #};
 *   <li>links to other hosts get {@code rel="noopener noreferrer"};
 *   <li>images from other hosts become links to them, and any other image address that is not
 *       relative becomes {@code #}, so opening a page never contacts another host;
 *   <li>headings move one level down: the page's own title is the only {@code h1}.
 * </ul>
 *
 * <p>A body is also bounded, so that no text can make the build slow, run out of memory or overflow
 * the stack (commonmark-java 0.24 is quadratic, memory-hungry or recursive on some inputs;
 * SECURITY.md lists them):
 *
 * <ul>
 *   <li>{@link Bounds} escapes, past generous limits, the characters that start such constructs:
 *       container markers on a line, unclosed brackets, emphasis runs, wide or padded tables, long
 *       runs of non-prose lines;
 *   <li>{@code <} is parsed in linear time (see {@link AngleBracketParser});
 *   <li>containers (quotes, lists, emphasis, links ...) nested deeper than {@value #MAX_NESTING}
 *       are merged into their parent ({@link Flattener}): the words stay, the extra levels go.
 * </ul>
 *
 * <p>Usage: {@code String html = new MarkdownRenderer().render(body);}
 *
 * <p>Thread-safe: the parser and renderer are immutable and shared; each body is parsed on a
 * short-lived thread of its own with a deep stack, and rendered only after its nesting has been
 * bounded.
 */
public final class MarkdownRenderer {

  // Bounds enforces these limits and Flattener the first; they are published here.

  /** Container levels kept; deeper ones are merged into their parent. */
  public static final int MAX_NESTING = Flattener.MAX_NESTING;

  /** Quote, list and footnote-definition markers read as markers on one line. */
  public static final int MAX_MARKERS_PER_LINE = Bounds.MAX_MARKERS_PER_LINE;

  /** Unclosed {@code [} in a paragraph before further ones are read as text. */
  public static final int MAX_OPEN_BRACKETS = Bounds.MAX_OPEN_BRACKETS;

  /** {@code *} or {@code _} in one run read as emphasis markers. */
  public static final int MAX_DELIMITER_RUN = Bounds.MAX_DELIMITER_RUN;

  /** Runs of {@code *} or {@code _} in a block read as emphasis markers (each nests once). */
  public static final int MAX_DELIMITER_RUNS = Bounds.MAX_DELIMITER_RUNS;

  /** Lines of a block, past which a blank line is put before one not starting with a letter. */
  public static final int MAX_BLOCK_LINES = Bounds.MAX_BLOCK_LINES;

  /** Columns of a table; a wider table is shown as text. */
  public static final int MAX_TABLE_COLUMNS = Bounds.MAX_TABLE_COLUMNS;

  /** Table cells in one body (rows are padded to the header's width, so rows count whole). */
  public static final int MAX_TABLE_CELLS = Bounds.MAX_TABLE_CELLS;

  /**
   * Stack for parsing. commonmark-java recurses once per level of nesting while it parses, before
   * the flattening can bound it. {@link Bounds} keeps nesting to a few thousand levels; this stack
   * is the second line, deep enough for a 512 KiB file ({@code TextFiles.MAX_BYTES}) nested two
   * characters a level without those bounds (about 260 bytes a level, measured: under 70 MiB). It
   * is reserved, and only used when a body needs it.
   *
   * <p>The site's render threads ({@link #deepStackThreads}) have this stack and parse where they
   * are; any other caller hands the parse to a thread of its own.
   */
  private static final long PARSE_STACK_BYTES = 256L * 1024 * 1024;

  /** A thread with a stack deep enough to parse any body; see {@link #PARSE_STACK_BYTES}. */
  private static final class DeepStackThread extends Thread {
    DeepStackThread(Runnable task, String name) {
      super(null, task, name, PARSE_STACK_BYTES);
      setDaemon(true);
    }
  }

  /** Makes threads that parse Markdown in place, without handing each body to another thread. */
  public static java.util.concurrent.ThreadFactory deepStackThreads(String name) {
    return task -> new DeepStackThread(task, name);
  }

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), AutolinkExtension.create(), FootnotesExtension.create());

  private final Parser parser =
      Parser.builder()
          .extensions(EXTENSIONS)
          .customInlineContentParserFactory(new AngleBracketParser.Factory())
          .build();

  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new SafeUrls())
          .attributeProviderFactory(
              context ->
                  (node, tag, attributes) -> {
                    if (node instanceof Link && SafeUrls.isExternal(attributes.get("href"))) {
                      attributes.put("rel", "noopener noreferrer");
                    }
                  })
          .build();

  /** The body as HTML, safe to insert into a page without further escaping. */
  public String render(String markdown) {
    return render(markdown, UnaryOperator.identity());
  }

  /**
   * The body as HTML, with {@code prose} applied to its running text (not to code, addresses or
   * attributes): the page's digits, for one.
   */
  public String render(String markdown, UnaryOperator<String> prose) {
    return render(parse(markdown), prose);
  }

  /** A body as HTML (as {@link #render(String, UnaryOperator)} makes it) and as plain text. */
  public record Rendered(String html, String text) {}

  /**
   * The body as HTML, as {@link #render(String, UnaryOperator)} makes it, and its words as {@link
   * PlainText} reads them, from one parse: a build reads every body for its page and for the search
   * index, and parsing is most of what either costs.
   */
  public Rendered renderWithText(String markdown, UnaryOperator<String> prose) {
    Node document = parse(markdown);
    String text = PlainText.of(document, markdown.length()); // before the page tidies it
    return new Rendered(render(document, prose), text);
  }

  private String render(Node document, UnaryOperator<String> prose) {
    document.accept(new Tidy());
    if (prose != UnaryOperator.<String>identity()) {
      document.accept(
          new AbstractVisitor() {
            @Override
            public void visit(Text text) {
              text.setLiteral(prose.apply(text.getLiteral()));
            }
          });
    }
    return renderer.render(document);
  }

  /**
   * The body parsed with the same extensions and bounds as {@link #render}, its nesting at most
   * {@value #MAX_NESTING} containers deep, so that recursive visitors are safe on it. For other
   * readers of bodies (such as the search index), so every reader sees the same document.
   */
  Node parse(String markdown) {
    String bounded = Bounds.apply(markdown);
    FutureTask<Node> task = new FutureTask<>(() -> parser.parse(bounded));
    if (Thread.currentThread() instanceof DeepStackThread) {
      task.run();
    } else {
      new DeepStackThread(task, "markdown-parser").start();
    }
    Node document;
    try {
      document = task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing Markdown", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StackOverflowError) {
        throw new IllegalArgumentException(
            "Markdown nested too deeply to read (" + markdown.length() + " characters)", cause);
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
    Flattener.flatten(document);
    return document;
  }
}
