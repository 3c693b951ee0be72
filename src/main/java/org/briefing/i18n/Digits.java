package org.briefing.i18n;

/** Writes numbers with the digits a page uses: Western (0–9) or Arabic-Indic (٠–٩). */
record Digits(boolean arabicIndic) {

  static final Digits WESTERN = new Digits(false);

  String of(long number) {
    return apply(Long.toString(number));
  }

  /** Replaces the Western digits of already formatted text. */
  String apply(String text) {
    if (!arabicIndic) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= '0' && c <= '9' ? (char) ('\u0660' + (c - '0')) : c);
    }
    return out.toString();
  }
}
