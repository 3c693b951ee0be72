package org.briefing.model;

import java.util.Optional;

/**
 * Where the facts of a record come from.
 *
 * @param url the source's address when known; many print and broadcast sources have none
 * @param date when the source was published, when known
 * @param language the language the source is written in, which decides its text direction
 */
public record Source(String publisher, String title, Optional<String> url,
    Optional<PartialDate> date, String language) {}
