package org.briefing.render;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The words of a Markdown body as a reader sees them, without markup, for the search index:
 * {@code "**Qatar** and [Syria](https://...)"} is {@code "Qatar and Syria"}. Raw HTML, which
 * the pages show as text, stays as text; HTML comments, which they drop, are dropped.
 * Whitespace is collapsed to single spaces.
 *
 * <p>Thread-safe: the parser is immutable and shared.
 */
final class PlainText {

  /** The extensions {@link MarkdownRenderer} reads bodies with, so both see the same text. */
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
      AutolinkExtension.create(), FootnotesExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

  String of(String markdown) {
    StringBuilder out = new StringBuilder();
    parser.parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        out.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        out.append(code.getLiteral());
      }

      @Override
      public void visit(HtmlInline html) {
        if (!isComment(html.getLiteral())) {
          out.append(html.getLiteral());
        }
      }

      @Override
      public void visit(HtmlBlock html) {
        if (!isComment(html.getLiteral())) {
          out.append(' ').append(html.getLiteral()).append(' ');
        }
      }

      @Override
      public void visit(SoftLineBreak lineBreak) {
        out.append(' ');
      }

      @Override
      public void visit(HardLineBreak lineBreak) {
        out.append(' ');
      }

      @Override
      protected void visitChildren(Node parent) {
        super.visitChildren(parent);
        if (parent instanceof Block || parent instanceof CustomNode) { // table cells are custom
          out.append(' ');
        }
      }
    });
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  /** HTML comments are dropped from the pages, so from the index too. */
  private static boolean isComment(String html) {
    return html.stripLeading().startsWith("<!--");
  }
}
