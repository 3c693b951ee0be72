package org.briefing.i18n;

import org.briefing.model.Lang;

/**
 * What a template needs to write one language: its words, its numbers and its dates. Given to every
 * page as {@code l}, so a template writes {@code ${l.t("timeline")}} or {@code ${l.count(n,
 * "engagements")}} and never formats anything itself.
 */
public final class Localizer {

  private final Lang lang;
  private final Strings strings;
  private final Digits digits;
  private final DateFormatter dates;

  public Localizer(Lang lang, Strings strings, boolean arabicIndicDigits) {
    this.lang = lang;
    this.strings = strings;
    this.digits = lang == Lang.AR ? new Digits(arabicIndicDigits) : Digits.WESTERN;
    this.dates = new DateFormatter(lang, arabicIndicDigits);
  }

  public String t(String key) {
    return strings.get(lang, key);
  }

  /** A number in the page's digits. */
  public String n(long number) {
    return digits.of(number);
  }

  /**
   * Text written in this page's language, with its digits as the page writes them: an Arabic
   * record's "2025" becomes "٢٠٢٥" when the site uses Arabic-Indic digits, so a page never mixes
   * the two.
   */
  public String text(String prose) {
    return digits.apply(prose);
  }

  /** A counted phrase in the right plural form: "3 engagements", "٣ أحداث". */
  public String count(long number, String key) {
    return strings.plural(lang, key, number, digits.of(number));
  }

  public Lang lang() {
    return lang;
  }

  public DateFormatter dates() {
    return dates;
  }
}
