package org.briefing.model;

import java.util.Locale;

/** A state that may appear in records, keyed by its ISO 3166-1 alpha-2 code. */
public record Country(String code, Localized name) {

  /** The lowercase code used in URLs: {@code /en/countries/qa/}. */
  public String slug() {
    return code.toLowerCase(Locale.ROOT);
  }
}
