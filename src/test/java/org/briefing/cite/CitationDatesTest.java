package org.briefing.cite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.briefing.model.Lang;
import org.briefing.model.PartialDate;
import org.junit.jupiter.api.Test;

/**
 * A citation gives the record's date at the precision the record knows it, in the forms reference
 * managers read (Highwire tags and RIS with slashes, CSL-JSON as date parts), and names the
 * language as BibTeX's {@code language} field expects.
 */
class CitationDatesTest {

  private static Citation cited(String date, Lang lang) {
    return new Citation(
        "k", "id", lang, "t", "s", PartialDate.parse(date), "Briefing", "https://example.org/");
  }

  @Test
  void theDateHasSlashesAndOnlyThePartsKnown() {
    assertEquals("2025/01/20", cited("2025-01-20", Lang.EN).slashedDate());
    assertEquals("2025/04", cited("2025-04", Lang.EN).slashedDate());
    assertEquals("2024", cited("2024", Lang.AR).slashedDate());
    assertArrayEquals(new int[] {2025, 1, 20}, cited("2025-01-20", Lang.EN).dateParts());
    assertArrayEquals(new int[] {2025, 4}, cited("2025-04", Lang.AR).dateParts());
    assertArrayEquals(new int[] {2024}, cited("2024", Lang.EN).dateParts());
  }

  @Test
  void theLanguageIsNamedInEnglishAsBibtexReadersExpect() {
    assertEquals("arabic", cited("2024", Lang.AR).languageName());
    assertEquals("english", cited("2024", Lang.EN).languageName());
  }
}
