package org.briefing.model;

import java.util.Optional;

/**
 * A publisher of sources as {@code publishers.yaml} names it, so that each page shows it in the
 * reader's language.
 *
 * @param key what records write in {@code publisher:}
 * @param url the publisher's homepage, when known
 */
public record PublisherName(String key, Localized name, Optional<String> url) {}
