package org.briefing.markdown;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.internal.inline.HtmlInlineParser;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Parses what starts with {@code <} in linear time. commonmark-java's own parsers look for the
 * closing {@code >} from every {@code <}, to the end of the paragraph when there is none, so a
 * paragraph of many {@code <} takes quadratic time (100,000 take minutes). This parser runs first:
 * it reads autolinks itself, stopping at the next {@code <} or space (neither can be inside one),
 * hands a tag or comment to commonmark's HTML parser only when its terminator ({@code >}, {@code
 * -->}, {@code ?>}, {@code ]]>}) occurs later in the paragraph, and otherwise takes the {@code <}
 * as text. The terminators' positions are remembered per paragraph, so no text is searched twice.
 *
 * <p>The result is the tree commonmark-java would build, except that a tag it would have rejected
 * after a long search is text here too; raw HTML is shown as text either way.
 */
final class AngleBracketParser implements InlineContentParser {

  // The autolink grammar of the CommonMark spec, as commonmark-java writes it.
  private static final Pattern URI =
      Pattern.compile("[a-zA-Z][a-zA-Z0-9.+-]{1,31}:[^<>\u0000-\u0020]*");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@"
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
      String destination =
          URI.matcher(content).matches()
              ? content
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
    int terminator =
        text.startsWith("<!--", offset)
            ? 1
            : text.startsWith("<?", offset) ? 2 : text.startsWith("<![CDATA[", offset) ? 3 : 0;
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
