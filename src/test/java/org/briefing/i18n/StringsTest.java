package org.briefing.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.briefing.model.Lang;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The interface's words, and the plural forms counted phrases take. Arabic has six CLDR plural
 * categories, so "3 engagements" and "11 engagements" use different forms of the noun.
 */
class StringsTest {

  @Nested
  class ArabicPluralCategories {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
      "0, zero",
      "1, one",
      "2, two",
      "3, few",
      "4, few",
      "9, few",
      "10, few",
      "11, many",
      "12, many",
      "50, many",
      "99, many",
      "100, other",
      "101, other",
      "102, other",
      "103, few",
      "110, few",
      "111, many",
      "199, many",
      "200, other",
      "1000, other",
      "1001, other",
      "1002, other",
      "1003, few",
      "1011, many"
    })
    void followCldr(long n, String category) {
      assertEquals(category, Strings.category(Lang.AR, n));
    }
  }

  @Nested
  class EnglishPluralCategories {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
      "0, other",
      "1, one",
      "2, other",
      "3, other",
      "11, other",
      "21, other",
      "101, other"
    })
    void areOneAndOther(long n, String category) {
      assertEquals(category, Strings.category(Lang.EN, n));
    }
  }

  @Nested
  class LoadedFromAFile {

    @TempDir Path dir;

    private Strings load(String yaml) throws IOException {
      Path file = dir.resolve("strings.yaml");
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return Strings.load(file);
    }

    private static final String STRINGS =
        """
        home: {en: Home, ar: الرئيسية}
        engagements_count:
          en: {one: "{n} engagement", other: "{n} engagements"}
          ar: {zero: "لا محطات", one: "محطة واحدة", two: "محطتان", few: "{n} محطات", many: "{n} محطة", other: "{n} محطة"}
        """;

    @Test
    void aPlainStringHasOneTextPerLanguage() throws IOException {
      Strings strings = load(STRINGS);
      assertEquals("Home", strings.get(Lang.EN, "home"));
      assertEquals("الرئيسية", strings.get(Lang.AR, "home"));
    }

    @Test
    void countedPhrasesTakeTheFormOfTheirCategory() throws IOException {
      Strings strings = load(STRINGS);
      assertEquals("1 engagement", strings.plural(Lang.EN, "engagements_count", 1, "1"));
      assertEquals("11 engagements", strings.plural(Lang.EN, "engagements_count", 11, "11"));
      assertEquals("لا محطات", strings.plural(Lang.AR, "engagements_count", 0, "0"));
      assertEquals("محطتان", strings.plural(Lang.AR, "engagements_count", 2, "2"));
      assertEquals("3 محطات", strings.plural(Lang.AR, "engagements_count", 3, "3"));
      assertEquals("11 محطة", strings.plural(Lang.AR, "engagements_count", 11, "11"));
    }

    @Test
    void theNumberIsWrittenAsTheCallerFormattedIt() throws IOException {
      Strings strings = load(STRINGS);
      assertEquals("٣ محطات", strings.plural(Lang.AR, "engagements_count", 3, "٣"));
    }

    @Test
    void aMissingCategoryFallsBackToOther() throws IOException {
      Strings strings =
          load(
              """
          count:
            en: {other: "{n} records"}
            ar: {other: "{n} سجل"}
          """);
      assertEquals("1 records", strings.plural(Lang.EN, "count", 1, "1"));
      assertEquals("5 سجل", strings.plural(Lang.AR, "count", 5, "5"));
    }

    @Test
    void aStringWithoutItsArabicTextIsRefusedWhenLoading() {
      TemplateProblemException e =
          assertThrows(TemplateProblemException.class, () -> load("home: {en: Home}\n"));
      assertTrue(e.getMessage().contains("\"home\" has no ar text"), e.getMessage());
    }

    @Test
    void askingForAnUnknownKeyNamesIt() throws IOException {
      Strings strings = load(STRINGS);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> strings.get(Lang.EN, "hoem"));
      assertTrue(e.getMessage().contains("hoem"), e.getMessage());
    }
  }

  /**
   * The site's own count phrase, as readers see it under every list. The noun is «حدث» (masculine):
   * its form changes with the number, and 11 to 99 take the accusative singular.
   */
  @Nested
  class TheSiteCountsEvents {

    private final Strings site = Strings.load(Path.of("templates", "strings.yaml"));

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource({
      "0, لا أحداث",
      "1, حدث واحد",
      "2, حدثان",
      "3, 3 أحداث",
      "10, 10 أحداث",
      "11, 11 حدثاً",
      "99, 99 حدثاً",
      "100, 100 حدث",
      "101, 101 حدث",
      "103, 103 أحداث",
      "111, 111 حدثاً"
    })
    void inArabic(long n, String expected) {
      assertEquals(expected, site.plural(Lang.AR, "engagements_count", n, Long.toString(n)));
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource({
      "0, 0 engagements",
      "1, 1 engagement",
      "2, 2 engagements",
      "11, 11 engagements",
      "101, 101 engagements"
    })
    void inEnglish(long n, String expected) {
      assertEquals(expected, site.plural(Lang.EN, "engagements_count", n, Long.toString(n)));
    }

    @Test
    void noArabicStringCallsARecordAStation() {
      for (String key :
          java.util.List.of(
              "latest",
              "related",
              "chart_by_month",
              "chart_by_type",
              "count",
              "search_label",
              "search_no_results",
              "filter_none",
              "engagements_with",
              "partners_chart_title",
              "footer_note")) {
        String text = site.get(Lang.AR, key);
        assertTrue(!text.contains("محط"), key + ": " + text);
      }
    }
  }
}
