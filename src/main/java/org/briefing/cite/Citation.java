package org.briefing.cite;

import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;
import org.briefing.model.SiteConfig;
import org.briefing.model.Translation;

/**
 * What a citation of one record in one language says. The site has no named author, so none is
 * given; the publisher is the site, named in the citation's language. The date is the record's own,
 * at the precision it is known: a record dated {@code 2025-04} is cited as April 2025, never as a
 * made-up day.
 *
 * @param key the citation key, the same in the BibTeX, RIS and CSL-JSON files: the record's id and
 *     the language ({@code 2025-01-20-qatar-syria-en}), so the two languages' citations differ
 * @param title the record's title as written in that language
 * @param summary the record's summary as written in that language
 * @param url the record page's published address
 */
public record Citation(
    String key,
    String id,
    Lang lang,
    String title,
    String summary,
    PartialDate date,
    String publisher,
    String url) {

  /** The citation of {@code e} in the language of {@code text}, published at {@code url}. */
  public static Citation of(Engagement e, Translation text, SiteConfig config, String url) {
    return new Citation(
        e.id() + "-" + text.lang().code(),
        e.id(),
        text.lang(),
        text.title(),
        text.summary(),
        e.date(),
        config.title().get(text.lang()),
        url);
  }

  /**
   * The date with slashes as Highwire tags and RIS write it: {@code 2025/01/20}, {@code 2025/01} or
   * {@code 2025}.
   */
  public String slashedDate() {
    return date.toString().replace('-', '/');
  }

  /** The language's English name, as BibTeX's {@code language} field and RIS readers expect. */
  public String languageName() {
    return lang == Lang.AR ? "arabic" : "english";
  }

  /** The date's parts that are known: year, then month and day when known (CSL date-parts). */
  public int[] dateParts() {
    return switch (date.precision()) {
      case DAY -> new int[] {date.year(), date.month(), date.day()};
      case MONTH -> new int[] {date.year(), date.month()};
      case YEAR -> new int[] {date.year()};
    };
  }

  /**
   * A field's text on one line: line breaks, tabs and other control characters (which no title
   * should hold, but a file format must survive) become single spaces.
   */
  static String oneLine(String text) {
    if (isOneLine(text.toCharArray())) {
      return text; // as nearly every title is: asked several times for every record
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isBlank(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  /**
   * No character {@link #oneLine} would change: single spaces between words, nothing else blank.
   */
  private static boolean isOneLine(char[] chars) {
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c == ' ') {
        if (i == 0 || i == chars.length - 1 || chars[i + 1] == ' ') {
          return false;
        }
      } else if (c < 0x80 ? c < 0x20 || c == 0x7f : isBlank(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(int c) {
    return Character.isWhitespace(c)
        || Character.isISOControl(c)
        || c == 0x2028
        || c == 0x2029
        || c == 0x85;
  }
}
