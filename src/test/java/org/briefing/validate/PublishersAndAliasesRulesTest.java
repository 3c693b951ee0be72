package org.briefing.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefing.model.Engagement;
import org.briefing.model.Localized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * publishers.yaml is checked like the other shared files, and what records write in {@code
 * publisher:} and {@code aliases:} is checked against it and against each other. Each expected line
 * is what the editor reads.
 */
class PublishersAndAliasesRulesTest {

  private static final String ID = "2025-01-20-qatar-syria-agreement";

  private static String facts(String publisher) {
    return FixtureContent.FACTS.replace("publisher: Example News", "publisher: " + publisher);
  }

  @Test
  void aKeyGivesThePublishersNameInEachLanguageAndItsHomepage(@TempDir Path tmp)
      throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    content.write(
        "publishers.yaml",
        "enab-baladi: {en: Enab Baladi, ar: عنب بلدي, url: https://example.net/}\n");
    content.record(ID, facts("enab-baladi"), FixtureContent.EN, FixtureContent.AR);
    Validator.Result result = content.validate(false);
    assertEquals(List.of(), result.problems());
    Engagement record = result.site().orElseThrow().engagements().get(0);
    assertEquals(new Localized("Enab Baladi", "عنب بلدي"), record.sources().get(0).publisherName());
    assertEquals(Optional.of("https://example.net/"), record.sources().get(0).publisherUrl());
  }

  @Test
  void aPlainNameIsShownAsWrittenInBothLanguages(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    content.record(ID, facts("Reuters"), FixtureContent.EN, FixtureContent.AR);
    Engagement record = content.validate(false).site().orElseThrow().engagements().get(0);
    assertEquals(new Localized("Reuters", "Reuters"), record.sources().get(0).publisherName());
  }

  @Test
  void aMisspeltKeyIsAnErrorWithTheKeyItWasMeantToBe(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    content.write("publishers.yaml", "enab-baladi: {en: Enab Baladi, ar: عنب بلدي}\n");
    Path dir = content.record(ID, facts("enab-baladdi"), FixtureContent.EN, FixtureContent.AR);
    assertEquals(
        List.of(
            dir.resolve("engagement.yaml")
                + ":6:16: unknown publisher"
                + " \"enab-baladdi\"; did you mean \"enab-baladi\"?"),
        content.lines(false));
  }

  @Test
  void aKeyNobodyWroteSaysHowToAddItOrWriteAName(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    content.record(ID, facts("reuters"), FixtureContent.EN, FixtureContent.AR);
    List<String> lines = content.lines(false);
    assertEquals(1, lines.size(), String.join("\n", lines));
    assertTrue(
        lines.get(0).contains("unknown publisher \"reuters\"; add it to publishers.yaml"),
        lines.get(0));
  }

  @Test
  void everyMistakeInPublishersYamlIsReportedWithItsLine(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    content.write(
        "publishers.yaml",
        """
        enab-baladi: {en: Enab Baladi}
        al-khaleej: {en: Al-Khaleej Online, ar: الخليج أونلاين, url: alkhaleejonline.net}
        Some_Name: {en: Some, ar: بعض}
        sana: {en: SANA, ar: سانا, homepage: https://sana.sy/}
        """);
    Path file = content.root.resolve("publishers.yaml");
    assertEquals(
        List.of(
            file
                + ":1:14: missing \"ar\" in the publisher enab-baladi; give the publisher's name in"
                + " Arabic",
            file
                + ":2:62: url \"alkhaleejonline.net\" is not a web address; write the full address"
                + " starting with https:// or http://, or leave url out",
            file
                + ":3:1: \"Some_Name\" in publishers.yaml must be lowercase letters, digits and"
                + " single hyphens, such as enab-baladi",
            file + ":4:28: unknown key \"homepage\" in the publisher sana; allowed: ar, en, url"),
        content.lines(false));
  }

  @Test
  void anAliasThatIsAnotherRecordsIdNamesBothFiles(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path other = content.record("2025-01-01-other", FixtureContent.FACTS, FixtureContent.EN, null);
    Path dir =
        content.record(
            ID,
            FixtureContent.FACTS + "aliases: [2025-01-01-other]\n",
            FixtureContent.EN,
            FixtureContent.AR);
    assertEquals(
        List.of(
            dir.resolve("engagement.yaml")
                + ":9:11: alias \"2025-01-01-other\" is"
                + " the id of the record in "
                + other
                + "/; an old address cannot also be a current one:"
                + " remove the alias, or rename or remove that record"),
        content.lines(false));
  }

  @Test
  void anAliasTwoRecordsClaimNamesBothFiles(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path first =
        content.record(
            "2025-01-01-first",
            FixtureContent.FACTS + "aliases: [2024-old-id]\n",
            FixtureContent.EN,
            null);
    Path second =
        content.record(
            "2025-01-02-second",
            FixtureContent.FACTS + "aliases: [2024-old-id]\n",
            FixtureContent.EN,
            null);
    assertEquals(
        List.of(
            second.resolve("engagement.yaml")
                + ":9:11: alias \"2024-old-id\" is"
                + " also an alias in "
                + first.resolve("engagement.yaml")
                + "; an old address can lead"
                + " to one record only: remove it from one of the two"),
        content.lines(false));
  }

  @Test
  void anAliasMustBeWrittenLikeAnIdAndNotBeTheRecordsOwn(@TempDir Path tmp) throws IOException {
    FixtureContent content = new FixtureContent(tmp);
    Path dir =
        content.record(
            ID,
            FixtureContent.FACTS + "aliases: [Old_Id, " + ID + "]\n",
            FixtureContent.EN,
            FixtureContent.AR);
    Path file = dir.resolve("engagement.yaml");
    assertEquals(
        List.of(
            file
                + ":9:11: alias \"Old_Id\" cannot be a former id; write the old folder name exactly:"
                + " lowercase ASCII letters, digits and single hyphens, at most 80 characters",
            file + ":9:19: alias \"" + ID + "\" is this record's own id; list only former ids"),
        content.lines(false));
  }
}
