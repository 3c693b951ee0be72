package org.briefing.markdown;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.internal.inline.HtmlInlineParser;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Renders a record's Markdown body (CommonMark with tables, autolinks and footnotes) to HTML
 * that is safe to place in a page, whoever wrote it:
 *
 * <ul>
 *   <li>raw HTML is shown as text, never interpreted; closed HTML comments are dropped;
 *   <li>links go only to http, https, mailto or relative addresses, read as a browser reads
 *       them; anything else ({@code javascript:}, {@code data:} ...) becomes a harmless
 *       {@code #};
 *   <li>links to other hosts get {@code rel="noopener noreferrer"};
 *   <li>images from other hosts become links to them, and any other image address that is not
 *       relative becomes {@code #}, so opening a page never contacts another host;
 *   <li>headings move one level down: the page's own title is the only {@code h1}.
 * </ul>
 *
 * <p>A body is also bounded, so that no text can make the build slow, run out of memory or
 * overflow the stack (commonmark-java 0.24 is quadratic, memory-hungry or recursive on some
 * inputs; SECURITY.md lists them):
 *
 * <ul>
 *   <li>{@link Bounds} escapes, past generous limits, the characters that start such
 *       constructs: container markers on a line, unclosed brackets, emphasis runs, wide or
 *       padded tables, long runs of non-prose lines;
 *   <li>{@code <} is parsed in linear time (see {@link AngleBracketParser});
 *   <li>containers (quotes, lists, emphasis, links ...) nested deeper than
 *       {@value #MAX_NESTING} are merged into their parent ({@link Flattener}): the words
 *       stay, the extra levels go.
 * </ul>
 *
 * <p>Usage: {@code String html = new MarkdownRenderer().render(body);}
 *
 * <p>Thread-safe: the parser and renderer are immutable and shared; each body is parsed on a
 * short-lived thread of its own with a deep stack, and rendered only after its nesting has been
 * bounded.
 */
public final class MarkdownRenderer {

  /** Container levels kept; deeper ones are merged into their parent. */
  public static final int MAX_NESTING = 32;
  /** Quote, list and footnote-definition markers read as markers on one line. */
  public static final int MAX_MARKERS_PER_LINE = 32;
  /** Unclosed {@code [} in a paragraph before further ones are read as text. */
  public static final int MAX_OPEN_BRACKETS = 32;
  /** {@code *} or {@code _} in one run read as emphasis markers. */
  public static final int MAX_DELIMITER_RUN = 32;
  /** Runs of {@code *} or {@code _} in a block read as emphasis markers (each nests once). */
  public static final int MAX_DELIMITER_RUNS = 2_000;
  /** Lines of a block, past which a blank line is put before one not starting with a letter. */
  public static final int MAX_BLOCK_LINES = 500;
  /** Columns of a table; a wider table is shown as text. */
  public static final int MAX_TABLE_COLUMNS = 64;
  /** Table cells in one body (rows are padded to the header's width, so rows count whole). */
  public static final int MAX_TABLE_CELLS = 10_000;

  /**
   * Stack for parsing. commonmark-java recurses once per level of nesting while it parses,
   * before the flattening can bound it. {@link Bounds} keeps nesting to a few thousand levels;
   * this stack is the second line, deep enough for a 512 KiB file ({@code TextFiles.MAX_BYTES})
   * nested two characters a level without those bounds (about 260 bytes a level, measured:
   * under 70 MiB). It is reserved, and only used when a body needs it.
   *
   * <p>The site's render threads ({@link #deepStackThreads}) have this stack and parse where
   * they are; any other caller hands the parse to a thread of its own.
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

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
      AutolinkExtension.create(), FootnotesExtension.create());

  private final Parser parser = Parser.builder()
      .extensions(EXTENSIONS)
      .customInlineContentParserFactory(new AngleBracketParser.Factory())
      .build();

  private final HtmlRenderer renderer = HtmlRenderer.builder()
      .extensions(EXTENSIONS)
      .escapeHtml(true)
      .sanitizeUrls(true)
      .urlSanitizer(new SafeUrls())
      .attributeProviderFactory(context -> (node, tag, attributes) -> {
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
   * The body as HTML, with {@code prose} applied to its running text (not to code, addresses
   * or attributes): the page's digits, for one.
   */
  public String render(String markdown, UnaryOperator<String> prose) {
    Node document = parse(markdown);
    document.accept(new Tidy());
    if (prose != UnaryOperator.<String>identity()) {
      document.accept(new AbstractVisitor() {
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
        throw new IllegalArgumentException("Markdown nested too deeply to read ("
            + markdown.length() + " characters)", cause);
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

  /** Adjusts the parsed body before rendering; see the class comment. */
  private static final class Tidy extends AbstractVisitor {
    @Override
    public void visit(Heading heading) {
      heading.setLevel(Math.min(6, heading.getLevel() + 1));
      visitChildren(heading);
    }

    @Override
    public void visit(HtmlBlock block) {
      // Comments go wherever they are in the block; the rest of it is shown as text, like any
      // other raw HTML (a block that opens with a comment ends on the comment's last line, and
      // may carry more on that line). A comment never closed is no comment: it is shown, so
      // the editor sees the mistake instead of losing the rest of the body.
      String literal = block.getLiteral();
      if (literal.contains("-->")) {
        String rest = COMMENT.matcher(literal).replaceAll("");
        if (rest.isBlank()) {
          block.unlink();
        } else if (!rest.equals(literal)) {
          block.setLiteral(rest.strip() + "\n");
        }
      }
    }

    @Override
    public void visit(HtmlInline inline) {
      if (inline.getLiteral().startsWith("<!--")) {
        inline.unlink();
      }
    }

    @Override
    public void visit(Image image) {
      // An image from another host becomes a link to it (inside a link, just its description);
      // any other image that is not on this site (javascript:, data: ...) keeps its place and
      // gets the harmless address "#".
      if (!SafeUrls.isExternal(image.getDestination())) {
        visitChildren(image);
        return;
      }
      Node replacement;
      if (insideLink(image)) {
        replacement = null;
      } else {
        replacement = new Link(image.getDestination(), image.getTitle());
        if (image.getFirstChild() == null) {
          replacement.appendChild(new Text(image.getDestination()));
        }
      }
      Node first = image.getFirstChild();
      Node after = image.getNext();
      for (Node child = first; child != null; ) {
        Node next = child.getNext();
        if (replacement != null) {
          replacement.appendChild(child);
        } else {
          image.insertBefore(child);
        }
        child = next;
      }
      if (replacement != null) {
        image.insertBefore(replacement);
      }
      image.unlink();
      // The parent's visit has already moved past the image: visit what took its place.
      if (replacement != null) {
        replacement.accept(this);
      } else {
        for (Node n = first; n != null && n != after; ) {
          Node next = n.getNext();
          n.accept(this);
          n = next;
        }
      }
    }

    private static boolean insideLink(Node node) {
      for (Node p = node.getParent(); p != null; p = p.getParent()) {
        if (p instanceof Link) {
          return true;
        }
      }
      return false;
    }
  }

  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  /**
   * Decides which addresses may appear, reading them as a browser does: ASCII tab and line
   * breaks anywhere are ignored, leading and trailing control characters and spaces are
   * stripped, and {@code \} counts as {@code /} (so {@code /\host} and {@code \\host} name
   * another host, as {@code //host} does).
   */
  static final class SafeUrls implements UrlSanitizer {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

    @Override
    public String sanitizeLinkUrl(String url) {
      return isSafe(url) ? url : "#";
    }

    @Override
    public String sanitizeImageUrl(String url) {
      // Images from elsewhere were turned into links already; this is the second line.
      return isRelative(url) ? url : "#";
    }

    /** http, https, mailto or a relative address. */
    static boolean isSafe(String url) {
      String scheme = scheme(url);
      return scheme.isEmpty() || scheme.equals("http") || scheme.equals("https")
          || scheme.equals("mailto");
    }

    /** An address on this site: no scheme, no host. */
    static boolean isRelative(String url) {
      return url != null && scheme(url).isEmpty() && !namesHost(url);
    }

    /** An address on another host, which gets {@code rel="noopener noreferrer"}. */
    static boolean isExternal(String url) {
      if (url == null) {
        return false;
      }
      String scheme = scheme(url);
      return scheme.equals("http") || scheme.equals("https") || (scheme.isEmpty() && namesHost(url));
    }

    /**
     * The lowercase scheme, "" for a relative address, or a string no rule allows when there
     * is something before a colon that is not a valid scheme ({@code %6Aavascript:},
     * {@code \javascript:}): those are refused rather than guessed at.
     */
    private static String scheme(String url) {
      String u = withoutIgnored(url);
      int colon = u.indexOf(':');
      int boundary = firstOf(u, "/?#");
      if (colon < 0 || (boundary >= 0 && boundary < colon)) {
        return "";
      }
      String scheme = u.substring(0, colon).toLowerCase(Locale.ROOT);
      return SCHEME.matcher(scheme).matches() ? scheme : "\u0000invalid";
    }

    /** Starts with two slashes, reading backslashes as slashes as browsers do. */
    private static boolean namesHost(String url) {
      String u = withoutIgnored(url).replace('\\', '/');
      return u.startsWith("//");
    }

    /**
     * The address without what browsers ignore in it: they drop ASCII tab and line breaks
     * anywhere and control characters and spaces at the ends; this drops every control
     * character, space and DEL, which is stricter.
     */
    private static String withoutIgnored(String url) {
      StringBuilder cleaned = new StringBuilder(url.length());
      for (int i = 0; i < url.length(); i++) {
        char c = url.charAt(i);
        if (c > ' ' && c != '\u007f') {
          cleaned.append(c);
        }
      }
      return cleaned.toString();
    }

    private static int firstOf(String s, String chars) {
      int best = -1;
      for (char c : chars.toCharArray()) {
        int i = s.indexOf(c);
        if (i >= 0 && (best < 0 || i < best)) {
          best = i;
        }
      }
      return best;
    }
  }

  /**
   * Rewrites the few constructs that make commonmark-java slow or deeply recursive, before it
   * parses them, by escaping one character so the rest reads as text. Ordinary bodies are
   * returned unchanged: every rule only acts past a limit no real record comes near. Each rule
   * counts generously (it cannot see code blocks or containers), so it may act early on a
   * pathological body, never late.
   */
  static final class Bounds {

    private int openBrackets; // unclosed `[` since the last blank line
    private int tableColumns; // > 0 while lines may be rows of a table that many cells wide
    private int tableCells; // cells of every table so far, padding included
    private boolean previousHadPipe;
    private int blockLines; // lines since the last blank one
    private int delimiterRuns; // runs of `*` or `_` since the last blank line

    private Bounds() {}

    static String apply(String source) {
      // CommonMark ends lines at CR too; one rule for all three line ends keeps lines aligned.
      String markdown = source.replace("\r\n", "\n").replace('\r', '\n');
      Bounds bounds = new Bounds();
      StringBuilder out = new StringBuilder(markdown.length() + 16);
      int start = 0;
      while (start <= markdown.length()) {
        int end = markdown.indexOf('\n', start);
        if (end < 0) {
          end = markdown.length();
        }
        bounds.line(markdown.substring(start, end), out);
        if (end < markdown.length()) {
          out.append('\n');
        }
        start = end + 1;
      }
      return out.toString();
    }

    private void line(String text, StringBuilder out) {
      String line = capMarkers(text);
      if (line.isBlank()) {
        openBrackets = 0;
        tableColumns = 0;
        blockLines = 0;
        delimiterRuns = 0;
      } else if (++blockLines > MAX_BLOCK_LINES && !startsWithLetter(line)
          && tableColumns == 0) {
        // With tables on, every line of a paragraph that does not start with a letter copies
        // the paragraph so far (commonmark-java asks whether it is a table's header): a long
        // run of such lines is quadratic, so a blank line breaks it. (Table rows are not
        // paragraph lines, and the table budget bounds them.)
        out.append('\n');
        blockLines = 1;
        tableColumns = 0;
        openBrackets = 0;
        delimiterRuns = 0;
      }
      line = capTables(line, out);
      previousHadPipe = line.indexOf('|') >= 0;
      capInlines(line, out);
    }

    /**
     * A delimiter row under a line with a pipe may start a table; every later line up to a
     * blank one may be a row (GFM tables take lazy lines without pipes too), and each row is
     * padded to the header's width, so a narrow row of a wide table costs the full width. A
     * table too wide, or one row past the budget, is cut: the delimiter row loses its meaning,
     * or a blank line ends the table before the row.
     */
    private String capTables(String line, StringBuilder out) {
      if (isDelimiterRow(line) && previousHadPipe) {
        int columns = count(line, '|') + 1;
        if (columns > MAX_TABLE_COLUMNS || tableCells + columns > MAX_TABLE_CELLS) {
          tableColumns = 0;
          return escapeFirst(line, "-:");
        }
        tableColumns = columns;
        tableCells += columns; // the header row
      } else if (tableColumns > 0 && !line.isBlank()) {
        tableCells += tableColumns;
        if (tableCells > MAX_TABLE_CELLS) {
          out.append('\n');
          tableColumns = 0;
        }
      }
      return line;
    }

    /**
     * Each {@code ]} looks back over the text since its {@code [}, so unclosed brackets are
     * capped; a run of {@code *} or {@code _} nests emphasis as deep as it is long, and runs
     * nest in each other, so both the length of a run and the runs in a block are capped
     * (thematic breaks such as {@code ******} excepted). Past a cap, the character is escaped.
     */
    private void capInlines(String line, StringBuilder out) {
      boolean rule = isThematicBreak(line.strip(), 0);
      int run = 0;
      char runOf = 0;
      int slashes = 0; // backslashes just before `c`
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        boolean literal = slashes % 2 == 1;
        slashes = c == '\\' ? slashes + 1 : 0;
        boolean escape = false;
        if ((c == '*' || c == '_') && !literal && !rule) {
          run = c == runOf ? run + 1 : 1;
          runOf = c;
          delimiterRuns += run == 1 ? 1 : 0;
          escape = run > MAX_DELIMITER_RUN || delimiterRuns > MAX_DELIMITER_RUNS;
        } else {
          runOf = 0;
        }
        if (c == ']' && !literal) {
          openBrackets = Math.max(0, openBrackets - 1);
        } else if (c == '[' && !literal) {
          escape = openBrackets == MAX_OPEN_BRACKETS;
          openBrackets += escape ? 0 : 1;
        }
        if (escape) {
          out.append('\\');
        }
        out.append(c);
      }
    }

    /**
     * Escapes the container marker after the first {@value #MAX_MARKERS_PER_LINE} at the start
     * of a line ({@code >}, {@code -}, {@code +}, {@code *}, {@code 1.}, {@code 1)},
     * {@code [^note]:}), so the rest of the line is text.
     */
    static String capMarkers(String line) {
      int i = 0;
      int markers = 0;
      while (true) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
          i++;
        }
        int next = markerEnd(line, i);
        if (next < 0) {
          return line;
        }
        if (markers == MAX_MARKERS_PER_LINE) {
          // escape the punctuation that makes it a marker: `\>`, `\-`, `1\.`, `\[^a]:`
          int at = Character.isDigit(line.charAt(i)) ? next - 1 : i;
          return line.substring(0, at) + "\\" + line.substring(at);
        }
        markers++;
        i = next;
      }
    }

    /** Where the container marker at {@code i} ends, or -1 when there is none. */
    private static int markerEnd(String line, int i) {
      if (i >= line.length()) {
        return -1;
      }
      char c = line.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if (c == '-' || c == '+' || c == '*') {
        if (isThematicBreak(line, i)) {
          return -1; // a leaf, not a list: nothing nests inside it
        }
        return followedBySpace(line, i + 1) ? i + 1 : -1;
      }
      if (c >= '0' && c <= '9') {
        int j = i;
        while (j < line.length() && j - i < 9 && line.charAt(j) >= '0'
            && line.charAt(j) <= '9') {
          j++;
        }
        if (j < line.length() && (line.charAt(j) == '.' || line.charAt(j) == ')')
            && followedBySpace(line, j + 1)) {
          return j + 1;
        }
        return -1;
      }
      if (line.startsWith("[^", i)) {
        for (int j = i + 2; j < line.length(); j++) {
          char d = line.charAt(j);
          if (d == ']') {
            return j + 1 < line.length() && line.charAt(j + 1) == ':' && j > i + 2 ? j + 2 : -1;
          }
          if (d == ' ' || d == '\t') {
            return -1;
          }
        }
      }
      return -1;
    }

    /** Indented less than a code block and starting with a letter, as prose does. */
    private static boolean startsWithLetter(String line) {
      int column = 0;
      int i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        column += line.charAt(i) == '\t' ? 4 - column % 4 : 1;
        i++;
      }
      return column < 4 && i < line.length() && Character.isLetter(line.codePointAt(i));
    }

    private static boolean followedBySpace(String line, int i) {
      return i >= line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
    }

    private static boolean isThematicBreak(String line, int from) {
      if (from >= line.length()) {
        return false;
      }
      char mark = line.charAt(from);
      if (mark != '-' && mark != '*' && mark != '_') {
        return false;
      }
      int count = 0;
      for (int i = from; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == mark) {
          count++;
        } else if (c != ' ' && c != '\t') {
          return false;
        }
      }
      return count >= 3;
    }

    /** Only pipes, dashes, colons and spaces, with at least one pipe and one dash. */
    private static boolean isDelimiterRow(String line) {
      String s = line.strip();
      int i = 0;
      while (i < s.length() && s.charAt(i) == '>') { // inside a block quote
        i++;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
          i++;
        }
      }
      boolean pipe = false;
      boolean dash = false;
      for (; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '|') {
          pipe = true;
        } else if (c == '-') {
          dash = true;
        } else if (c != ':' && c != ' ' && c != '\t') {
          return false;
        }
      }
      return pipe && dash;
    }

    private static String escapeFirst(String line, String chars) {
      for (int i = 0; i < line.length(); i++) {
        if (chars.indexOf(line.charAt(i)) >= 0) {
          return line.substring(0, i) + "\\" + line.substring(i);
        }
      }
      return line;
    }

    private static int count(String s, char c) {
      int n = 0;
      for (int i = 0; i < s.length(); i++) {
        n += s.charAt(i) == c ? 1 : 0;
      }
      return n;
    }
  }

  /**
   * Parses what starts with {@code <} in linear time. commonmark-java's own parsers look for
   * the closing {@code >} from every {@code <}, to the end of the paragraph when there is none,
   * so a paragraph of many {@code <} takes quadratic time (100,000 take minutes). This parser
   * runs first: it reads autolinks itself, stopping at the next {@code <} or space (neither
   * can be inside one), hands a tag or comment to commonmark's HTML parser only when its
   * terminator ({@code >}, {@code -->}, {@code ?>}, {@code ]]>}) occurs later in the paragraph,
   * and otherwise takes the {@code <} as text. The terminators' positions are remembered per
   * paragraph, so no text is searched twice.
   *
   * <p>The result is the tree commonmark-java would build, except that a tag it would have
   * rejected after a long search is text here too; raw HTML is shown as text either way.
   */
  static final class AngleBracketParser implements InlineContentParser {

    // The autolink grammar of the CommonMark spec, as commonmark-java writes it.
    private static final Pattern URI =
        Pattern.compile("[a-zA-Z][a-zA-Z0-9.+-]{1,31}:[^<>\u0000-\u0020]*");
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@"
        + "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
        + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");
    private static final int UNKNOWN = -2;
    private static final int NONE = -1;

    private final InlineContentParser html = new HtmlInlineParser();

    /** The paragraph's text from the first {@code <}, and where the last {@code <} was. */
    private String text;
    private Position last;
    private int offset;
    private final int[] found = {UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN};
    private static final String[] TERMINATORS = {">", "-->", "?>", "]]>"};

    @Override
    public ParsedInline tryParse(InlineParserState state) {
      Scanner scanner = state.scanner();
      Position start = scanner.position();
      locate(scanner, start);

      // An autolink: <scheme:...> or <user@host>, with no space or < inside.
      int end = offset + 1;
      while (end < text.length()) {
        char c = text.charAt(end);
        if (c == '>' || c == '<' || c <= ' ') {
          break;
        }
        end++;
      }
      if (end < text.length() && text.charAt(end) == '>') {
        String content = text.substring(offset + 1, end);
        String destination = URI.matcher(content).matches() ? content
            : EMAIL.matcher(content).matches() ? "mailto:" + content : null;
        if (destination != null) {
          for (int i = offset; i <= end; i++) {
            scanner.next();
          }
          Link link = new Link(destination, null);
          link.appendChild(new Text(content));
          return ParsedInline.of(link, scanner.position());
        }
      }

      // Raw HTML, only when what would close it is still ahead.
      int terminator = text.startsWith("<!--", offset) ? 1
          : text.startsWith("<?", offset) ? 2
          : text.startsWith("<![CDATA[", offset) ? 3 : 0;
      int from = offset + new int[] {1, 2, 2, 9}[terminator];
      if (next(terminator, from) >= 0) {
        ParsedInline parsed = html.tryParse(state);
        if (parsed != null) {
          return parsed;
        }
        scanner.setPosition(start);
      }

      scanner.next();
      return ParsedInline.of(new Text("<"), scanner.position());
    }

    /** Sets {@link #offset} to where {@code start} is in {@link #text}. */
    private void locate(Scanner scanner, Position start) {
      if (text != null) {
        // Inline parsing only moves forward, so this reads each character once in all.
        try {
          offset += scanner.getSource(last, start).getContent().length();
        } catch (RuntimeException backwards) {
          text = null; // it moved back after all: start again from here
        }
      }
      if (text == null || offset >= text.length() || text.charAt(offset) != '<') {
        scanner.find(Scanner.END); // moves to the end of the paragraph
        text = scanner.getSource(start, scanner.position()).getContent();
        scanner.setPosition(start);
        offset = 0;
        Arrays.fill(found, UNKNOWN);
      }
      last = start;
    }

    /** Where {@code TERMINATORS[kind]} next occurs at or after {@code from}, or -1. */
    private int next(int kind, int from) {
      int at = found[kind];
      if (at == NONE || at >= from) {
        return at;
      }
      at = text.indexOf(TERMINATORS[kind], from);
      found[kind] = at < 0 ? NONE : at;
      return at;
    }

    static final class Factory implements InlineContentParserFactory {
      @Override
      public Set<Character> getTriggerCharacters() {
        return Set.of('<');
      }

      @Override
      public InlineContentParser create() {
        return new AngleBracketParser();
      }
    }
  }

  /**
   * Merges containers nested deeper than {@link #MAX_NESTING} into their parent, walking the
   * tree without recursion (the tree may be thousands of levels deep when it arrives).
   * Tables, paragraphs and headings have a fixed shape and are never merged; a list and its
   * items are merged together.
   */
  static final class Flattener {

    private Flattener() {}

    static void flatten(Node document) {
      Node node = document.getFirstChild();
      while (node != null) {
        boolean tooDeep = counts(node) && node.getFirstChild() != null
            && containersAbove(node) >= MAX_NESTING;
        if (tooDeep || isOrphanItem(node)) {
          Node first = node.getFirstChild();
          Node resume = first != null ? first : following(node);
          for (Node child = first; child != null; ) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
          }
          node.unlink();
          if (node instanceof Block) {
            loosenList(first);
          }
          node = resume;
        } else {
          node = node.getFirstChild() != null ? node.getFirstChild() : following(node);
        }
      }
    }

    /**
     * A tight list prints its items' paragraphs without {@code <p>}: once blocks from deeper
     * levels join an item, the list is made loose so they stay apart.
     */
    private static void loosenList(Node moved) {
      for (Node p = moved == null ? null : moved.getParent(); p != null; p = p.getParent()) {
        if (p instanceof ListBlock list) {
          list.setTight(false);
          return;
        }
      }
    }

    /** The node after {@code node} and its children, in document order. */
    private static Node following(Node node) {
      for (Node n = node; n != null; n = n.getParent()) {
        if (n.getNext() != null) {
          return n.getNext();
        }
      }
      return null;
    }

    /** Counting containers above; ancestors are already flattened, so this is short. */
    private static int containersAbove(Node node) {
      int n = 0;
      for (Node p = node.getParent(); p != null; p = p.getParent()) {
        n += counts(p) ? 1 : 0;
      }
      return n;
    }

    private static boolean counts(Node node) {
      return !(node instanceof Document || node instanceof Paragraph || node instanceof Heading
          || node instanceof ListItem || node instanceof TableBlock || node instanceof TableHead
          || node instanceof TableBody || node instanceof TableRow || node instanceof TableCell);
    }

    private static boolean isOrphanItem(Node node) {
      return node instanceof ListItem && !(node.getParent() instanceof ListBlock);
    }
  }
}
