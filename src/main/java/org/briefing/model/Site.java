package org.briefing.model;

import java.util.List;

/**
 * Everything the content says, checked and typed: the input of the render stage.
 *
 * @param countries every country of {@code countries.yaml}, in code order
 * @param types every engagement type, in the vocabulary's order
 * @param actors every actor of {@code actors.yaml}, in the order written
 * @param engagements the published records, oldest first (drafts only when asked for)
 */
public record Site(
    SiteConfig config,
    List<Country> countries,
    List<Term> types,
    List<Term> topics,
    List<Actor> actors,
    List<Engagement> engagements) {}
