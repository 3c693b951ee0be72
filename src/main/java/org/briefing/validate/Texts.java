package org.briefing.validate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.briefing.content.Problem;
import org.briefing.content.YamlNode;

/**
 * Rules for the human-readable text fields (titles, summaries, names, publishers, source titles,
 * corrections). Invisible characters are refused because they can make a line display as something
 * other than what it says, or say something other than what it displays:
 *
 * <ul>
 *   <li>direction controls: the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069,
 *       the marks U+200E, U+200F and U+061C (the pages set direction themselves, with {@code dir}
 *       and {@code <bdi>});
 *   <li>control characters (C0 except tab and line feed, DEL, C1), line and paragraph separators,
 *       and every other invisible format character: zero-width space, word joiner, soft hyphen,
 *       byte-order mark, Unicode tag characters ...;
 *   <li>lone surrogates and noncharacters, which no editor types and no font draws.
 * </ul>
 *
 * <p>Kept: the zero-width non-joiner and joiner (U+200C, U+200D), which Arabic and Persian words
 * need to take their proper shape, and the Arabic signs that span the digits after them
 * (U+0600–U+0605, U+06DD, U+08E2), which are visible.
 */
final class Texts {

  private Texts() {}

  /** The trimmed text, or empty after reporting a character that may not appear in it. */
  static Optional<String> clean(YamlNode.Scalar scalar, String field, List<Problem> problems) {
    String text = scalar.text().strip();
    int index = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      index++;
      int c = text.codePointAt(i);
      if (isForbidden(c)) {
        problems.add(
            Problem.at(
                scalar.position(),
                String.format(
                    Locale.ROOT,
                    "%s contains the invisible control character U+%04X at character %d; delete it"
                        + " (direction is handled by the site, and hidden controls can reorder what"
                        + " readers see)",
                    field,
                    c,
                    index)));
        return Optional.empty();
      }
    }
    return Optional.of(text);
  }

  /** Whether code point {@code c} may not appear in a text field; see the class comment. */
  static boolean isForbidden(int c) {
    if (c == '\n' || c == '\t' || c == '\u200C' || c == '\u200D') {
      return false;
    }
    if ((c >= 0x0600 && c <= 0x0605) || c == 0x06DD || c == 0x08E2) {
      return false; // Arabic number signs, drawn over the digits that follow
    }
    if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) {
      return true; // noncharacters
    }
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return true;
      default:
        return false;
    }
  }
}
