package org.briefing.markdown;

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

/**
 * The words of a Markdown body as a reader sees them, without markup, for the search index: {@code
 * "**Qatar** and [Syria](https://...)"} is {@code "Qatar and Syria"}. Raw HTML, which the pages
 * show as text, stays as text; HTML comments, which they drop, are dropped. Words are kept apart by
 * whitespace, as much as the body and its blocks put between them: the index only reads the words,
 * so collapsing the runs of whitespace, a pass and two copies of every body, bought nothing.
 *
 * <p>Thread-safe: the renderer it parses with is.
 */
public final class PlainText {

  /**
   * Bodies are parsed exactly as the page renderer parses them, with its bounds on hostile input
   * (deep nesting, runs of brackets), so the index sees the same text and cannot be made slower or
   * deeper than the page.
   */
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  public String of(String markdown) {
    return of(this.markdown.parse(markdown), markdown.length());
  }

  /** The words of a parsed body; the page renderer reads them before it changes the document. */
  static String of(Node document, int length) {
    // Room for as many characters as the Markdown has, which its words, without the markup, seldom
    // pass: the builder is not grown a dozen times, copying each body over and over.
    StringBuilder out = new StringBuilder(length);
    document.accept(
        new AbstractVisitor() {
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
    return out.toString();
  }

  /** HTML comments are dropped from the pages, so from the index too. */
  private static boolean isComment(String html) {
    return html.stripLeading().startsWith("<!--");
  }
}
