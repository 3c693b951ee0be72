package org.briefing.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every limit of the content contract from both sides: the last value accepted without a word and
 * the first refused with exactly one line, the shared files' rules included. Lines and columns are
 * counted by hand from the fixture texts ({@link FixtureContent}); a rule dropped or moved by one
 * makes one side of its pair fail.
 */
class RuleBoundariesTest {

  private static final String ID = "2025-01-20-test-record";
  private static final String FACTS = FixtureContent.FACTS;
  private static final String EN = FixtureContent.EN;

  /** A record id of exactly {@code length} characters. */
  private static String idOf(int length) {
    return "2025-01-20-" + "a".repeat(length - 11);
  }

  private static Arguments accepted(String rule, String file, String text) {
    return Arguments.of(rule, file, text, null);
  }

  private static Arguments refused(String rule, String file, String text, String line) {
    return Arguments.of(rule, file, text, line);
  }

  static Stream<Arguments> recordFiles() {
    String summary300 = "ملخص " + "ب".repeat(295);
    return Stream.of(
        accepted(
            "summary of 300 characters", "en.md", EN.replace("A short summary.", "x".repeat(300))),
        refused(
            "summary of 301 characters",
            "en.md",
            EN.replace("A short summary.", "x".repeat(301)),
            "3:1: summary is 301 characters; keep it under 300 and move the rest into the body"),
        accepted(
            "Arabic summary of 300 characters",
            "en.md",
            EN.replace("A short summary.", summary300)),
        refused(
            "Arabic summary of 301 characters",
            "en.md",
            EN.replace("A short summary.", summary300 + "ب"),
            "3:1: summary is 301 characters; keep it under 300 and move the rest into the body"),
        accepted(
            "a character outside the basic plane counts once",
            "en.md",
            EN.replace("A short summary.", "x".repeat(299) + "\uD835\uDC00")),
        accepted(
            "source language of three letters",
            "engagement.yaml",
            FACTS.replace("language: en", "language: fil")),
        refused(
            "source language of four letters",
            "engagement.yaml",
            FACTS.replace("language: en", "language: engl"),
            "8:15: language \"engl\" is not a language code; write ar, en, tr, ..."),
        refused(
            "source language in capitals",
            "engagement.yaml",
            FACTS.replace("language: en", "language: EN"),
            "8:15: language \"EN\" is not a language code; write ar, en, tr, ..."),
        accepted("url with a host", "engagement.yaml", FACTS + "    url: https://example.org\n"),
        refused(
            "url without a host",
            "engagement.yaml",
            FACTS + "    url: https:///story\n",
            "9:10: url \"https:///story\" is not a web address; write the full address starting with https:// or http://, or leave url out"),
        accepted(
            "archive_url beside url",
            "engagement.yaml",
            FACTS
                + "    url: https://example.org/story\n"
                + "    archive_url: https://web.archive.org/web/2025/https://example.org/story\n"),
        refused(
            "archive_url of another scheme",
            "engagement.yaml",
            FACTS + "    archive_url: javascript:alert(1)\n",
            "9:18: archive_url \"javascript:alert(1)\" is not a web address; write the full address starting with https:// or http://, or leave archive_url out"),
        refused(
            "url of another scheme",
            "engagement.yaml",
            FACTS + "    url: ftp://example.org/story\n",
            "9:10: url \"ftp://example.org/story\" is not a web address; write the full address starting with https:// or http://, or leave url out"),
        accepted(
            "end_date on the same day",
            "engagement.yaml",
            FACTS.replace("type:", "end_date: 2025-01-20\ntype:")),
        refused(
            "end_date the day before",
            "engagement.yaml",
            FACTS.replace("type:", "end_date: 2025-01-19\ntype:"),
            "2:1: end_date 2025-01-19 is before date 2025-01-20; swap them or correct one"),
        accepted(
            "29 February of a leap year",
            "engagement.yaml",
            FACTS.replace("2025-01-20", "2024-02-29")),
        refused(
            "29 February of another year",
            "engagement.yaml",
            FACTS.replace("2025-01-20", "2025-02-29"),
            "1:7: 2025-02-29 is not a real calendar date (February 2025 has 28 days)"),
        accepted("year 1900", "engagement.yaml", FACTS.replace("2025-01-20", "1900")),
        refused(
            "year 1899",
            "engagement.yaml",
            FACTS.replace("2025-01-20", "1899"),
            "1:7: year 1899 is outside 1900–2200; check the date"),
        accepted("year 2200", "engagement.yaml", FACTS.replace("2025-01-20", "2200-12")),
        refused(
            "year 2201",
            "engagement.yaml",
            FACTS.replace("2025-01-20", "2201"),
            "1:7: year 2201 is outside 1900–2200; check the date"),
        accepted("month 12", "engagement.yaml", FACTS.replace("2025-01-20", "2025-12")),
        refused(
            "month 00",
            "engagement.yaml",
            FACTS.replace("2025-01-20", "2025-00"),
            "1:7: month 00 does not exist; months are 01–12"),
        accepted("one country", "engagement.yaml", FACTS.replace("[QA, SY]", "[NO]")),
        accepted(
            "a correction in both languages",
            "engagement.yaml",
            FACTS + "corrections:\n  - date: 2025-02-01\n    en: Fixed.\n    ar: صُحّح.\n"),
        refused(
            "a correction without Arabic",
            "engagement.yaml",
            FACTS + "corrections:\n  - date: 2025-02-01\n    en: Fixed.\n",
            "10:5: missing \"ar\" in corrections[1]; say what was corrected, in Arabic"),
        accepted("draft false", "engagement.yaml", FACTS + "draft: false\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordFiles")
  void eachRecordLimitHoldsFromBothSides(
      String rule, String file, String text, String expected, @TempDir Path tmp)
      throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir =
        content.record(
            ID,
            file.equals("engagement.yaml") ? text : FACTS,
            file.equals("en.md") ? text : EN,
            FixtureContent.AR);
    List<String> lines = content.lines(false);
    assertEquals(expected == null ? List.of() : List.of(dir.resolve(file) + ":" + expected), lines);
  }

  static Stream<Arguments> recordIds() {
    return Stream.of(
        Arguments.of(idOf(80), true),
        Arguments.of(idOf(81), false),
        Arguments.of("2025-01-20-a-b", true),
        Arguments.of("2025-01-20-a--b", false),
        Arguments.of("2025-01-20-a-", false),
        Arguments.of("2025-01-20-Qatar", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordIds")
  void aRecordIdIsAtMostEightyPlainCharacters(String id, boolean ok, @TempDir Path tmp)
      throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir = content.record(id, FACTS, EN, FixtureContent.AR);
    assertEquals(
        ok
            ? List.of()
            : List.of(
                dir
                    + ": folder name \""
                    + id
                    + "\" cannot be a record"
                    + " id; use lowercase ASCII letters, digits and single hyphens, at most 80 characters,"
                    + " starting with the date (2025-01-20-qatar-syria-...)"),
        content.lines(false));
  }

  static Stream<Arguments> sharedFiles() {
    String site = FixtureContent.SITE;
    String countries = FixtureContent.COUNTRIES;
    String vocabulary = FixtureContent.VOCABULARY;
    return Stream.of(
        accepted("base_url over http", "site.yaml", site.replace("https://", "http://")),
        accepted(
            "base_url without its last slash", "site.yaml", site.replace("briefing/", "briefing")),
        refused(
            "base_url of another scheme",
            "site.yaml",
            site.replace("https://", "ftp://"),
            "1:11: base_url \"ftp://example.org/briefing/\" must start with https:// or http://"),
        refused(
            "base_url without a scheme",
            "site.yaml",
            site.replace("https://", ""),
            "1:11: base_url \"example.org/briefing/\" must start with https:// or http://"),
        refused(
            "base_url missing",
            "site.yaml",
            site.replace("base_url: https://example.org/briefing/\n", ""),
            "1:1: missing \"base_url\" in site.yaml; write the published address, such as https://example.org/briefing/"),
        refused(
            "title missing",
            "site.yaml",
            site.replace("title: {en: Test Briefing, ar: موجز تجريبي}\n", ""),
            "1:1: missing \"title\" in site.yaml; write title: {en: ..., ar: ...}"),
        refused(
            "title without Arabic",
            "site.yaml",
            site.replace(", ar: موجز تجريبي}", "}"),
            "2:8: missing \"ar\" in title in site.yaml; give the Arabic text"),
        refused(
            "misspelt key",
            "site.yaml",
            site.replace("tagline:", "taglne:"),
            "3:1: unknown key \"taglne\" in site.yaml; did you mean \"tagline\"?"),
        accepted("both languages", "site.yaml", site + "languages: [ar, en]\n"),
        refused(
            "a third language",
            "site.yaml",
            site + "languages: [ar, en, fr]\n",
            "4:21: language \"fr\" is not supported; the site is published in ar and en"),
        accepted("western digits", "site.yaml", site + "arabic_digits: western\n"),
        accepted("Arabic-Indic digits", "site.yaml", site + "arabic_digits: arabic-indic\n"),
        refused(
            "other digits",
            "site.yaml",
            site + "arabic_digits: persian\n",
            "4:16: arabic_digits must be \"western\" (0123) or \"arabic-indic\" (٠١٢٣), not \"persian\""),
        accepted(
            "two capital letters", "countries.yaml", countries + "TR: {en: Turkey, ar: تركيا}\n"),
        refused(
            "three letters",
            "countries.yaml",
            countries + "TUR: {en: Turkey, ar: تركيا}\n",
            "4:1: \"TUR\" is not an ISO 3166-1 alpha-2 code; use two capital letters, such as QA or SY"),
        refused(
            "small letters",
            "countries.yaml",
            countries + "tr: {en: Turkey, ar: تركيا}\n",
            "4:1: \"tr\" is not an ISO 3166-1 alpha-2 code; use two capital letters, such as QA or SY"),
        refused(
            "a country without its English name",
            "countries.yaml",
            countries + "TR: {ar: تركيا}\n",
            "4:5: missing \"en\" in the names of TR; give the English text"),
        refused(
            "countries as a list",
            "countries.yaml",
            "- QA\n- SY\n",
            "1:1: countries.yaml must list codes as `QA: {en: Qatar, ar: قطر}` lines"),
        accepted(
            "a type with hyphens",
            "vocabulary.yaml",
            vocabulary.replace(
                "  call:", "  joint-operation: {en: Joint operation, ar: عملية مشتركة}\n  call:")),
        refused(
            "a type with a double hyphen",
            "vocabulary.yaml",
            vocabulary.replace(
                "  call:", "  joint--operation: {en: Joint operation, ar: عملية مشتركة}\n  call:"),
            "3:3: \"joint--operation\" in types must be lowercase letters, digits and single hyphens (it becomes part of addresses)"),
        refused(
            "a topic in capitals",
            "vocabulary.yaml",
            vocabulary + "  Cooking: {en: Cooking, ar: الطبخ}\n",
            "6:3: \"Cooking\" in topics must be lowercase letters, digits and single hyphens (it becomes part of addresses)"),
        refused(
            "no types",
            "vocabulary.yaml",
            vocabulary.substring(vocabulary.indexOf("topics:")),
            "1:1: missing \"types\" in vocabulary.yaml; list the engagement types, such as agreement: {en: Agreement, ar: اتفاقية}"),
        refused(
            "topics as a list",
            "vocabulary.yaml",
            vocabulary.substring(0, vocabulary.indexOf("topics:")) + "topics: [training]\n",
            "4:9: topics in vocabulary.yaml must be `key: {en: ..., ar: ...}` lines"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedFiles")
  void eachSharedFileRuleHoldsFromBothSides(
      String rule, String file, String text, String expected, @TempDir Path tmp)
      throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    content.write(file, text);
    // a record naming only what every variant keeps: NO, the type agreement, no topic
    content.record(ID, FACTS.replace("[QA, SY]", "[NO]"), EN, FixtureContent.AR);
    List<String> lines = content.lines(false);
    if (expected == null) {
      assertEquals(List.of(), lines);
    } else {
      assertEquals(
          List.of(content.root.resolve(file) + ":" + expected),
          lines.stream().filter(l -> l.startsWith(content.root.resolve(file).toString())).toList(),
          "all lines: " + lines);
    }
  }
}
