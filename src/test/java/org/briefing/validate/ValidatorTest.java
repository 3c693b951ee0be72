package org.briefing.validate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefing.content.ContentLoader;
import org.briefing.content.Problem;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.PartialDate;
import org.briefing.model.Site;
import org.briefing.model.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of the content contract (DESIGN §1), checked on small content folders written into a
 * temporary directory. Each test is what an editor sees after running {@code check}: either the
 * record is published, or every mistake is listed, one compiler-style line each.
 */
class ValidatorTest {

  private static final Validator.Options DEFAULT = new Validator.Options(false, false);
  private static final Validator.Options STRICT = new Validator.Options(true, false);

  private static final String SITE =
      """
      base_url: https://example.org/briefing/
      title: {en: Security Cooperation Briefing, ar: موجز التعاون الأمني}
      tagline: {en: Sourced and dated, ar: موثّق ومؤرّخ}
      """;

  private static final String COUNTRIES =
      """
      NO: {en: Norway, ar: النرويج}
      QA: {en: Qatar, ar: قطر}
      SY: {en: Syria, ar: سوريا}
      """;

  private static final String VOCABULARY =
      """
      types:
        agreement: {en: Agreement, ar: اتفاقية}
        call:      {en: Phone call, ar: اتصال هاتفي}
      topics:
        training: {en: Training, ar: التدريب}
      """;

  private static final String VALID_ID = "2025-01-20-norway-qatar-training-agreement";

  private static final String VALID_FACTS =
      """
      date: 2025-01-20
      end_date: 2025-01-22
      type: agreement
      countries: [QA, NO]
      actors: [norwegian-police]
      topics: [training]
      status: confirmed
      sources:
        - publisher: Example Wire
          title: Norway and Qatar sign a training agreement
          url: https://example.org/news/1
          date: 2025-01-21
          language: en
      """;

  private static final String EN =
      """
      ---
      title: Norway and Qatar sign a training agreement
      summary: The two police forces agreed on joint training.
      ---
      The agreement covers **training**.
      """;

  private static final String AR =
      """
      ---
      title: النرويج وقطر توقّعان اتفاقية تدريب
      summary: اتفقت قوتا الشرطة على تدريب مشترك.
      ---
      تشمل الاتفاقية **التدريب**.
      """;

  @TempDir Path content;

  @BeforeEach
  void writeSharedFiles() throws IOException {
    write("site.yaml", SITE);
    write("countries.yaml", COUNTRIES);
    write("vocabulary.yaml", VOCABULARY);
    write(
        "actors.yaml",
        "norwegian-police: {kind: institution, country: NO, en: Norwegian Police,"
            + " ar: الشرطة النرويجية}\n");
    Files.createDirectories(content.resolve("engagements"));
  }

  private Path write(String relative, String text) throws IOException {
    Path file = content.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Path record(String id, String facts, String en, String ar) throws IOException {
    Path dir = content.resolve("engagements").resolve(id);
    Files.createDirectories(dir);
    if (facts != null) {
      write("engagements/" + id + "/engagement.yaml", facts);
    }
    if (en != null) {
      write("engagements/" + id + "/en.md", en);
    }
    if (ar != null) {
      write("engagements/" + id + "/ar.md", ar);
    }
    return dir;
  }

  private Validator.Result check(Validator.Options options) {
    return new Validator().validate(new ContentLoader().load(content), options);
  }

  private static List<String> formatted(Validator.Result result) {
    return result.problems().stream().map(Problem::format).toList();
  }

  /** "line:column" of the first occurrence of {@code needle} in {@code text}, counted by hand. */
  private static String locate(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int col = lines[i].indexOf(needle);
      if (col >= 0) {
        return (i + 1) + ":" + (col + 1);
      }
    }
    throw new AssertionError(needle + " is not in the fixture");
  }

  @Nested
  class AValidRecord {

    @Test
    void isPublishedWithItsFactsTyped() throws IOException {
      record(VALID_ID, VALID_FACTS, EN, AR);

      Validator.Result result = check(DEFAULT);

      assertEquals(List.of(), formatted(result));
      Site site = result.site().orElseThrow();
      assertEquals(1, site.engagements().size());
      Engagement e = site.engagements().get(0);
      assertAll(
          () -> assertEquals(VALID_ID, e.id()),
          () -> assertEquals(new PartialDate(2025, 1, 20), e.date()),
          () -> assertEquals(Optional.of(new PartialDate(2025, 1, 22)), e.endDate()),
          () -> assertEquals("agreement", e.type().key()),
          () ->
              assertEquals(List.of("NO", "QA"), e.countries().stream().map(Country::code).toList()),
          () ->
              assertEquals(
                  List.of(new Localized("Norwegian Police", "الشرطة النرويجية")),
                  e.actors().stream().map(a -> a.name()).toList()),
          () -> assertEquals(Status.CONFIRMED, e.status()),
          () -> assertEquals(Optional.of("https://example.org/news/1"), e.sources().get(0).url()),
          () ->
              assertEquals(
                  "Norway and Qatar sign a training agreement",
                  e.translation(Lang.EN).orElseThrow().title()),
          () ->
              assertEquals(
                  "النرويج وقطر توقّعان اتفاقية تدريب",
                  e.translation(Lang.AR).orElseThrow().title()),
          () ->
              assertTrue(
                  e.translation(Lang.EN).orElseThrow().body().text().contains("**training**")));
    }

    @Test
    void norwaysCodeNoStaysNorwayAndIsNeverReadAsFalse() throws IOException {
      record(VALID_ID, VALID_FACTS, EN, AR);

      Site site = check(DEFAULT).site().orElseThrow();

      Country norway = new Country("NO", new Localized("Norway", "النرويج"));
      assertEquals(
          List.of("NO", "QA", "SY"), site.countries().stream().map(Country::code).toList());
      assertTrue(site.countries().contains(norway));
      assertTrue(site.engagements().get(0).countries().contains(norway));
    }

    @Test
    void aDateKnownOnlyToTheMonthStaysAMonth() throws IOException {
      record(
          "2025-04-norway-qatar-call",
          VALID_FACTS.replace("date: 2025-01-20\nend_date: 2025-01-22\n", "date: 2025-04\n"),
          EN,
          AR);

      Engagement e = check(DEFAULT).site().orElseThrow().engagements().get(0);

      assertEquals(PartialDate.Precision.MONTH, e.date().precision());
      assertEquals("2025-04", e.date().toString());
    }

    @Test
    void anOptionalKeyLeftEmptyIsTreatedAsAbsent() throws IOException {
      record(
          VALID_ID,
          VALID_FACTS.replace("end_date: 2025-01-22\n", "end_date:\n") + "related:\n",
          EN,
          AR);

      Validator.Result result = check(DEFAULT);

      assertEquals(List.of(), formatted(result));
      assertEquals(Optional.empty(), result.site().orElseThrow().engagements().get(0).endDate());
    }
  }

  @Nested
  class ARecordWithManyMistakes {

    private static final String ID = "2025-03-10-many-mistakes";

    /** Eight mistakes, one per line where possible. */
    private static final String FACTS =
        """
        date: 2025-03-10
        end_date: 2025-03-01
        type: summit
        countries: [NO, QQ]
        countires: [SY]
        status: yes
        sources:
          - title: Untitled wire report
            date: 2025-02-30
            language: en
        related: [2024-01-01-no-such-record]
        """;

    private Validator.Result result;
    private String file;

    @BeforeEach
    void checkIt() throws IOException {
      record(VALID_ID, VALID_FACTS, EN, AR);
      record(ID, FACTS, EN, AR);
      result = check(DEFAULT);
      file = content.resolve("engagements").resolve(ID).resolve("engagement.yaml").toString();
    }

    @Test
    void nothingIsPublished() {
      assertFalse(result.ok());
      assertEquals(Optional.empty(), result.site());
    }

    @Test
    void everyMistakeIsReportedInOneRunEachOnItsOwnLineInFileOrder() {
      assertEquals(
          List.of(
              // end_date: 2025-03-01  (reported at the key)
              file
                  + ":"
                  + locate(FACTS, "end_date")
                  + ": end_date 2025-03-01 is before date"
                  + " 2025-03-10; swap them or correct one",
              // type: summit
              file
                  + ":"
                  + locate(FACTS, "summit")
                  + ": unknown engagement type \"summit\"; known:"
                  + " agreement, call; add it to vocabulary.yaml `types` first",
              // countries: [NO, QQ]
              file
                  + ":"
                  + locate(FACTS, "QQ")
                  + ": unknown country code \"QQ\" (known: NO, QA, SY;"
                  + " add it to countries.yaml first)",
              // countires: [SY]
              file
                  + ":"
                  + locate(FACTS, "countires")
                  + ": unknown key \"countires\" in"
                  + " engagement.yaml; did you mean \"countries\"?",
              // status: yes
              file
                  + ":"
                  + locate(FACTS, "yes")
                  + ": status \"yes\" is not one of confirmed"
                  + " (official statement), reported (media or think-tank report), unverified",
              // - title: ... (the source entry without a publisher)
              file
                  + ":"
                  + locate(FACTS, "title")
                  + ": missing \"publisher\" in sources[1]; name"
                  + " who published it",
              // date: 2025-02-30
              file
                  + ":"
                  + locate(FACTS, "2025-02-30")
                  + ": 2025-02-30 is not a real calendar date"
                  + " (February 2025 has 28 days)",
              // related: [2024-01-01-no-such-record]
              file
                  + ":"
                  + locate(FACTS, "2024-01-01")
                  + ": related id"
                  + " \"2024-01-01-no-such-record\" does not exist; no record folder has that name"),
          formatted(result));
    }

    @Test
    void theUnknownCountryIsReportedAtItsLineAndColumn() {
      // line 4 is "countries: [NO, QQ]"; QQ starts in column 17
      assertTrue(
          formatted(result)
              .contains(
                  file
                      + ":4:17: unknown country code \"QQ\""
                      + " (known: NO, QA, SY; add it to countries.yaml first)"),
          formatted(result).toString());
    }

    @Test
    void theImpossibleDateIsReportedAtItsLineAndColumn() {
      // line 9 is "    date: 2025-02-30"; the value starts in column 11
      assertTrue(
          formatted(result)
              .contains(
                  file
                      + ":9:11: 2025-02-30 is not a real calendar"
                      + " date (February 2025 has 28 days)"),
          formatted(result).toString());
    }

    @Test
    void theMisspeltKeyIsReportedWithTheKeyItResembles() {
      assertTrue(
          formatted(result)
              .contains(
                  file
                      + ":5:1: unknown key \"countires\" in"
                      + " engagement.yaml; did you mean \"countries\"?"),
          formatted(result).toString());
    }

    @Test
    void theWordYesIsNotTurnedIntoABoolean() {
      assertTrue(
          formatted(result)
              .contains(
                  file
                      + ":6:9: status \"yes\" is not one of"
                      + " confirmed (official statement), reported (media or think-tank report),"
                      + " unverified"),
          formatted(result).toString());
    }

    @Test
    void theOtherRecordIsNotBlamed() {
      String valid = content.resolve("engagements").resolve(VALID_ID).toString();
      assertTrue(
          result.problems().stream().noneMatch(p -> p.file().toString().startsWith(valid)),
          formatted(result).toString());
    }
  }

  @Nested
  class MissingTranslations {

    private Path dir;

    @BeforeEach
    void recordWithOnlyEnglish() throws IOException {
      dir = record(VALID_ID, VALID_FACTS, EN, null);
    }

    @Test
    void aRecordWithOnlyEnglishIsValidAndPublishedAsPendingInArabic() {
      Validator.Result result = check(DEFAULT);

      assertEquals(List.of(), formatted(result));
      Engagement e = result.site().orElseThrow().engagements().get(0);
      assertTrue(e.hasTranslation(Lang.EN));
      assertFalse(e.hasTranslation(Lang.AR));
      assertEquals("Norway and Qatar sign a training agreement", e.textFor(Lang.AR).title());
    }

    @Test
    void strictCheckingReportsTheMissingArabicFile() {
      Validator.Result result = check(STRICT);

      assertEquals(Optional.empty(), result.site());
      assertEquals(
          List.of(
              dir.resolve("ar.md")
                  + ": is missing; check --strict requires both"
                  + " languages (write the translation, or build without --strict to publish it as"
                  + " pending)"),
          formatted(result));
    }

    @Test
    void aRecordWithNeitherLanguageIsAnErrorEvenWithoutStrict() throws IOException {
      record("2025-02-01-no-text", VALID_FACTS, null, null);

      Validator.Result result = check(DEFAULT);

      Path empty = content.resolve("engagements").resolve("2025-02-01-no-text");
      assertEquals(
          List.of(empty + ": has no language file; add ar.md or en.md (or both)"),
          formatted(result));
    }
  }

  @Nested
  class OtherRules {

    @Test
    void aFrontMatterMistakeIsReportedAtTheMarkdownFilesLine() throws IOException {
      Path dir = record(VALID_ID, VALID_FACTS, EN.replace("summary:", "sumary:"), AR);

      List<String> problems = formatted(check(DEFAULT));

      // line 1 is the fence, line 2 the title, line 3 the misspelt summary
      assertTrue(
          problems.contains(
              dir.resolve("en.md")
                  + ":3:1: unknown key \"sumary\" in the"
                  + " front matter; did you mean \"summary\"?"),
          problems.toString());
    }

    @Test
    void anEmptyFrontMatterIsReportedAsMissingTitleAndSummary() throws IOException {
      Path dir = record(VALID_ID, VALID_FACTS, "---\n---\nBody only.\n", null);

      Validator.Result result = check(DEFAULT);

      assertFalse(
          result.ok(),
          "published with translations "
              + result
                  .site()
                  .map(s -> s.engagements().get(0).translations().toString())
                  .orElse(""));
      assertTrue(
          result.problems().stream().anyMatch(p -> p.file().equals(dir.resolve("en.md"))),
          formatted(result).toString());
    }

    @Test
    void aRelatedIdThatExistsIsAccepted() throws IOException {
      record(VALID_ID, VALID_FACTS, EN, AR);
      record(
          "2025-02-01-follow-up",
          VALID_FACTS.replace("2025-01-20", "2025-02-01").replace("end_date: 2025-01-22\n", "")
              + "related: ["
              + VALID_ID
              + "]\n",
          EN,
          AR);

      Validator.Result result = check(DEFAULT);

      assertEquals(List.of(), formatted(result));
      Engagement followUp = result.site().orElseThrow().engagements().get(1);
      assertEquals(List.of(VALID_ID), followUp.related());
    }

    @Test
    void aFolderNameThatCannotBeAnAddressIsRefused() throws IOException {
      Path dir = record("2025-01-20_Norway Qatar", VALID_FACTS, EN, AR);

      List<String> problems = formatted(check(DEFAULT));

      assertEquals(1, problems.size(), problems.toString());
      assertTrue(
          problems
              .get(0)
              .startsWith(
                  dir + ": folder name \"2025-01-20_Norway Qatar\"" + " cannot be a record id"),
          problems.toString());
    }

    @Test
    void draftsAreLeftOutUnlessAskedFor() throws IOException {
      record(VALID_ID, VALID_FACTS + "draft: true\n", EN, AR);

      assertEquals(List.of(), check(DEFAULT).site().orElseThrow().engagements());
      assertEquals(
          1, check(new Validator.Options(false, true)).site().orElseThrow().engagements().size());
    }

    @Test
    void publishedRecordsAreOldestFirst() throws IOException {
      record(
          "2025-04-17-later",
          VALID_FACTS.replace("date: 2025-01-20\nend_date: 2025-01-22\n", "date: 2025-04-17\n"),
          EN,
          AR);
      record(VALID_ID, VALID_FACTS, EN, AR);
      record(
          "2024-earlier",
          VALID_FACTS.replace("date: 2025-01-20\nend_date: 2025-01-22\n", "date: 2024\n"),
          EN,
          AR);

      List<String> ids =
          check(DEFAULT).site().orElseThrow().engagements().stream().map(Engagement::id).toList();

      assertEquals(List.of("2024-earlier", VALID_ID, "2025-04-17-later"), ids);
    }

    @Test
    void aMissingSharedFileIsNamed() throws IOException {
      Files.delete(content.resolve("countries.yaml"));
      record(VALID_ID, VALID_FACTS, EN, AR);

      List<String> problems = formatted(check(DEFAULT));

      assertTrue(
          problems.contains(
              content.resolve("countries.yaml")
                  + ": is missing; every content folder needs countries.yaml"),
          problems.toString());
    }

    @Test
    void aTypesPluralIsReadAndTitlesItsLists() throws IOException {
      write(
          "vocabulary.yaml",
          VOCABULARY.replace(
              "ar: اتفاقية}", "ar: اتفاقية, plural: {en: Agreements, ar: الاتفاقيات}}"));
      record(VALID_ID, VALID_FACTS, EN, AR);

      Site site = check(DEFAULT).site().orElseThrow();

      assertEquals(
          new Localized("Agreements", "الاتفاقيات"), site.types().get(0).plural(), "as written");
      assertEquals(
          new Localized("Phone call", "اتصال هاتفي"),
          site.types().get(1).plural(),
          "a type without a plural names its lists by its label");
    }

    @Test
    void aPluralInOneLanguageOnlyIsReportedWhereItIsWritten() throws IOException {
      write(
          "vocabulary.yaml",
          VOCABULARY
              .replace("ar: اتصال هاتفي}", "ar: اتصال هاتفي, plural: {en: Phone calls}}")
              .replace("ar: التدريب}", "ar: التدريب, plural: {en: Trainings, ar: التدريبات}}"));
      record(VALID_ID, VALID_FACTS, EN, AR);

      Validator.Result result = check(DEFAULT);

      assertFalse(result.ok());
      List<String> problems = formatted(result);
      String file = content.resolve("vocabulary.yaml").toString();
      // at the plural's opening brace, and at the key a topic may not have
      assertEquals(
          List.of(
              file + ":3:56: missing \"ar\" in the plural of call; give the Arabic text",
              file + ":5:41: unknown key \"plural\" in the labels of training; "),
          problems.stream().map(p -> p.replaceFirst("(unknown key .*; ).*", "$1")).toList());
    }
  }
}
