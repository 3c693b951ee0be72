package org.briefing.model;

import java.util.Optional;

/** The site's two languages, in the order pages list them. */
public enum Lang {
  AR("ar", "rtl"),
  EN("en", "ltr");

  private final String code;
  private final String dir;

  Lang(String code, String dir) {
    this.code = code;
    this.dir = dir;
  }

  /** The BCP 47 tag, also the URL segment and the record's file name ({@code ar.md}). */
  public String code() {
    return code;
  }

  /** The HTML {@code dir} value for text in this language. */
  public String dir() {
    return dir;
  }

  public Lang other() {
    return this == AR ? EN : AR;
  }

  public static Optional<Lang> fromCode(String code) {
    for (Lang lang : values()) {
      if (lang.code.equals(code)) {
        return Optional.of(lang);
      }
    }
    return Optional.empty();
  }
}
