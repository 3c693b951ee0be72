package org.briefing.render;

import java.util.List;
import java.util.Locale;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Renders a record's Markdown body (CommonMark with tables, autolinks and footnotes) to HTML
 * that is safe to place in a page, whoever wrote it:
 *
 * <ul>
 *   <li>raw HTML is shown as text, never interpreted; HTML comments are dropped;
 *   <li>links go only to http, https, mailto or relative addresses, anything else
 *       ({@code javascript:}, {@code data:} ...) becomes a harmless {@code #};
 *   <li>links to other sites open with {@code rel="noopener noreferrer"};
 *   <li>images from other sites become links, so opening a page never contacts another host;
 *   <li>headings move one level down: the page's own title is the only {@code h1}.
 * </ul>
 *
 * <p>Thread-safe: the parser and renderer are immutable and shared.
 */
public final class MarkdownRenderer {

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
      AutolinkExtension.create(), FootnotesExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

  private final HtmlRenderer renderer = HtmlRenderer.builder()
      .extensions(EXTENSIONS)
      .escapeHtml(true)
      .sanitizeUrls(true)
      .urlSanitizer(new SafeUrls())
      .attributeProviderFactory(context -> (node, tag, attributes) -> {
        if (node instanceof Link && isExternal(attributes.get("href"))) {
          attributes.put("rel", "noopener noreferrer");
        }
      })
      .build();

  public String render(String markdown) {
    Node document = parser.parse(markdown);
    document.accept(new Tidy());
    return renderer.render(document);
  }

  private static boolean isExternal(String href) {
    if (href == null) {
      return false;
    }
    String lower = href.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
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
      if (block.getLiteral().stripLeading().startsWith("<!--")) {
        block.unlink();
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
      if (isExternal(image.getDestination())) {
        Link link = new Link(image.getDestination(), image.getTitle());
        Node child = image.getFirstChild();
        if (child == null) {
          link.appendChild(new Text(image.getDestination()));
        }
        while (child != null) {
          Node next = child.getNext();
          link.appendChild(child);
          child = next;
        }
        image.insertBefore(link);
        image.unlink();
      }
    }
  }

  /** Allows http, https, mailto and relative addresses; everything else becomes {@code #}. */
  static final class SafeUrls implements UrlSanitizer {
    @Override
    public String sanitizeLinkUrl(String url) {
      return isSafe(url) ? url : "#";
    }

    @Override
    public String sanitizeImageUrl(String url) {
      return isSafe(url) ? url : "#";
    }

    static boolean isSafe(String url) {
      // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:")
      StringBuilder cleaned = new StringBuilder();
      for (int i = 0; i < url.length(); i++) {
        char c = url.charAt(i);
        if (c > ' ' && c != '\u007f') {
          cleaned.append(c);
        }
      }
      String u = cleaned.toString().toLowerCase(Locale.ROOT);
      int colon = u.indexOf(':');
      int boundary = firstOf(u, "/?#");
      if (colon < 0 || (boundary >= 0 && boundary < colon)) {
        return true; // no scheme: a relative address or a fragment
      }
      String scheme = u.substring(0, colon);
      return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
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
}
