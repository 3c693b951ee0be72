package org.briefing.model;

import java.util.List;
import java.util.Map;

/**
 * Everything the content says, checked and typed: the input of the render stage.
 *
 * @param countries every country of {@code countries.yaml}, in code order
 * @param types every engagement type, in the vocabulary's order
 * @param actors every actor of {@code actors.yaml}, in the order written
 * @param engagements the published records, oldest first (drafts only when asked for)
 * @param briefIntros the editors' introductions to monthly briefs, by month ({@code 2025-04}) and
 *     language: the title (empty when none was given) and the Markdown body
 */
public record Site(
    SiteConfig config,
    List<Country> countries,
    List<Term> types,
    List<Term> topics,
    List<Actor> actors,
    List<Engagement> engagements,
    Map<String, Map<Lang, Translation>> briefIntros) {

  /** A site whose monthly briefs have no introductions. */
  public Site(
      SiteConfig config,
      List<Country> countries,
      List<Term> types,
      List<Term> topics,
      List<Actor> actors,
      List<Engagement> engagements) {
    this(config, countries, types, topics, actors, engagements, Map.of());
  }
}
