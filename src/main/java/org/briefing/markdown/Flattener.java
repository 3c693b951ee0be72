package org.briefing.markdown;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Block;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Merges containers nested deeper than {@link #MAX_NESTING} into their parent, walking the tree
 * without recursion (the tree may be thousands of levels deep when it arrives). Tables, paragraphs
 * and headings have a fixed shape and are never merged; a list and its items are merged together.
 */
final class Flattener {

  // Explained where MarkdownRenderer publishes it.
  static final int MAX_NESTING = 32;

  private Flattener() {}

  static void flatten(Node document) {
    Node node = document.getFirstChild();
    while (node != null) {
      boolean tooDeep =
          counts(node) && node.getFirstChild() != null && containersAbove(node) >= MAX_NESTING;
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
   * A tight list prints its items' paragraphs without {@code <p>}: once blocks from deeper levels
   * join an item, the list is made loose so they stay apart.
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
    return !(node instanceof Document
        || node instanceof Paragraph
        || node instanceof Heading
        || node instanceof ListItem
        || node instanceof TableBlock
        || node instanceof TableHead
        || node instanceof TableBody
        || node instanceof TableRow
        || node instanceof TableCell);
  }

  private static boolean isOrphanItem(Node node) {
    return node instanceof ListItem && !(node.getParent() instanceof ListBlock);
  }
}
