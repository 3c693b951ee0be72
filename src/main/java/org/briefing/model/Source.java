package org.briefing.model;

import java.util.Optional;

/**
 * Where the facts of a record come from.
 *
 * @param publisher as the record writes it: a key of {@code publishers.yaml} or a plain name
 * @param url the source's address when known; many print and broadcast sources have none
 * @param archiveUrl a preserved copy of the source (a web archive's snapshot), for when the address
 *     stops working
 * @param date when the source was published, when known
 * @param language the language the source is written in, which decides its text direction
 * @param publisherName the publisher's name in each language (a plain name in both)
 * @param publisherUrl the publisher's homepage, when {@code publishers.yaml} gives one
 */
public record Source(
    String publisher,
    String title,
    Optional<String> url,
    Optional<PartialDate> date,
    String language,
    Localized publisherName,
    Optional<String> publisherUrl,
    Optional<String> archiveUrl) {

  /** A source whose publisher is a plain name, the same in both languages. */
  public Source(
      String publisher,
      String title,
      Optional<String> url,
      Optional<PartialDate> date,
      String language) {
    this(
        publisher,
        title,
        url,
        date,
        language,
        new Localized(publisher, publisher),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The HTML {@code dir} of the source's language: right to left for Arabic, Persian, Hebrew, Urdu.
   */
  public String dir() {
    return switch (language) {
      case "ar", "fa", "he", "ur" -> "rtl";
      default -> "ltr";
    };
  }
}
