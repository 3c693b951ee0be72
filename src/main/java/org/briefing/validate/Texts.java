package org.briefing.validate;

import java.util.List;
import java.util.Optional;
import org.briefing.content.Problem;
import org.briefing.content.YamlNode;

/**
 * Rules for the human-readable text fields (titles, summaries, names, publishers). Unicode
 * direction controls are refused because they can make a line display as something other than
 * what it says; the zero-width joiners Arabic script needs are kept.
 */
final class Texts {

  private Texts() {}

  /** The trimmed text, or empty after reporting a character that may not appear in it. */
  static Optional<String> clean(YamlNode.Scalar scalar, String field, List<Problem> problems) {
    String text = scalar.text().strip();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isForbidden(c)) {
        problems.add(Problem.at(scalar.position(), String.format(java.util.Locale.ROOT,
            "%s contains the invisible control character U+%04X at character %d; delete it"
                + " (direction is handled by the site, and hidden controls can reorder what"
                + " readers see)", field, (int) c, i + 1)));
        return Optional.empty();
      }
    }
    return Optional.of(text);
  }

  static boolean isForbidden(char c) {
    if (c == '\u200C' || c == '\u200D') {
      return false; // ZWNJ and ZWJ shape Arabic and Persian words
    }
    return (c < 0x20 && c != '\n' && c != '\t')
        || (c >= 0x7F && c <= 0x9F)
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F' || c == '\u061C'
        || c == '\uFEFF';
  }
}
