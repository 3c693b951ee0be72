package org.briefing.model;

/** A short text given in both languages, such as a country's name or a type's label. */
public record Localized(String en, String ar) {

  public String get(Lang lang) {
    return lang == Lang.AR ? ar : en;
  }
}
