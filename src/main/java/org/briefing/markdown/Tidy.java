package org.briefing.markdown;

import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/** Adjusts the parsed body before rendering; see {@link MarkdownRenderer}. */
final class Tidy extends AbstractVisitor {

  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

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
