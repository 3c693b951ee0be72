package org.briefing.cite;

import java.util.List;

/**
 * The Highwire Press meta tags of a record's page ({@code <meta name="citation_title" ...>}), which
 * Zotero and Google Scholar read to cite a page. Only what the record says is given: no author (the
 * site names none), and the date at the precision it is known ({@code 2025/04} for a record dated
 * April 2025).
 */
public final class HighwireTags {

  /** One {@code <meta name content>} tag; the template escapes both. */
  public record Meta(String name, String content) {}

  private HighwireTags() {}

  public static List<Meta> of(Citation c) {
    return List.of(
        new Meta("citation_title", Citation.oneLine(c.title())),
        new Meta("citation_publication_date", c.slashedDate()),
        new Meta("citation_publisher", Citation.oneLine(c.publisher())),
        new Meta("citation_language", c.lang().code()),
        new Meta("citation_abstract", Citation.oneLine(c.summary())),
        new Meta("citation_public_url", c.url()));
  }
}
