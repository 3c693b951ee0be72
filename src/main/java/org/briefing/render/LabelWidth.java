package org.briefing.render;

/**
 * How wide a chart label may be drawn, in ems, whatever font the reader's browser ends up using.
 * Every character counts at a generous advance for its script, wider than in the site's own fonts
 * and in the wide faces readers fall back to (DejaVu Sans, Verdana, Tahoma), so room worked out
 * from it holds for any of them. Marks that sit on a letter (Arabic vowel signs, shadda) and
 * invisible controls take no room.
 */
final class LabelWidth {

  static final double DIGIT = 0.66;
  static final double SPACE = 0.38;
  static final double LATIN_CAPITAL = 0.8;
  static final double LATIN_SMALL = 0.64;
  static final double ARABIC = 0.62;
  static final double PUNCTUATION = 0.5;

  /** Anything else (CJK, symbols): a full em. */
  static final double OTHER = 1.0;

  private LabelWidth() {}

  /** The width of {@code text} in ems, at most what any common font needs. */
  static double em(String text) {
    double width = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      width += em(c);
    }
    return width;
  }

  /** The width of {@code text} in units of a font {@code size} units high. */
  static double of(String text, double size) {
    return em(text) * size;
  }

  private static double em(int c) {
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    if (Character.isDigit(c)) {
      return DIGIT;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return SPACE;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    if (script == Character.UnicodeScript.ARABIC) {
      return ARABIC;
    }
    if (script == Character.UnicodeScript.LATIN) {
      return Character.isUpperCase(c) ? LATIN_CAPITAL : LATIN_SMALL;
    }
    if (script == Character.UnicodeScript.COMMON && c < 0x2100) {
      return PUNCTUATION;
    }
    return OTHER;
  }
}
