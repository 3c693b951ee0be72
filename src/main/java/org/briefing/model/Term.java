package org.briefing.model;

/**
 * An entry of the vocabulary: an engagement type or a topic, with its labels. {@code label} names
 * one record of the type ("Visit", «زيارة»); {@code plural} names a list of them ("Visits",
 * «الزيارات»), as the type's pages are titled. Topics, and types written without a plural, use the
 * label for both.
 */
public record Term(String key, Localized label, Localized plural) {

  /** A term whose lists are named by its label. */
  public Term(String key, Localized label) {
    this(key, label, label);
  }
}
