package org.briefing.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One security-cooperation engagement: the language-neutral facts written once in {@code
 * engagement.yaml}, and its text in each language it has been written in.
 *
 * @param countries the countries involved, in code order
 * @param actors the people and institutions involved, in the order written
 * @param related ids of other records, each known to exist
 * @param corrections newest first
 * @param translations at least one; a missing language is a translation still pending
 * @param aliases the record's former ids, whose addresses lead readers on to this record
 */
public record Engagement(
    String id,
    PartialDate date,
    Optional<PartialDate> endDate,
    Term type,
    List<Country> countries,
    List<Actor> actors,
    List<Term> topics,
    Status status,
    List<Source> sources,
    List<String> related,
    List<Correction> corrections,
    boolean draft,
    Map<Lang, Translation> translations,
    List<String> aliases) {

  /** A record that has always had its id. */
  public Engagement(
      String id,
      PartialDate date,
      Optional<PartialDate> endDate,
      Term type,
      List<Country> countries,
      List<Actor> actors,
      List<Term> topics,
      Status status,
      List<Source> sources,
      List<String> related,
      List<Correction> corrections,
      boolean draft,
      Map<Lang, Translation> translations) {
    this(
        id,
        date,
        endDate,
        type,
        countries,
        actors,
        topics,
        status,
        sources,
        related,
        corrections,
        draft,
        translations,
        List.of());
  }

  public boolean hasTranslation(Lang lang) {
    return translations.containsKey(lang);
  }

  /** The text in {@code lang}, or in the other language while the translation is pending. */
  public Translation textFor(Lang lang) {
    Translation wanted = translations.get(lang);
    return wanted != null ? wanted : translations.get(lang.other());
  }

  public Optional<Translation> translation(Lang lang) {
    return Optional.ofNullable(translations.get(lang));
  }
}
