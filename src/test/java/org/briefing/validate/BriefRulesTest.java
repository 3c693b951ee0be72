package org.briefing.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.briefing.model.Lang;
import org.briefing.model.Site;
import org.briefing.model.Translation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editors' introductions to monthly briefs ({@code briefs/<yyyy-mm>/en.md}, {@code ar.md}): a
 * month needs a published record dated to it, a front matter may give a title and nothing else, and
 * each mistake is one line naming the file and what to do.
 */
class BriefRulesTest {

  @TempDir Path tmp;
  private FixtureContent content;

  @BeforeEach
  void january() throws IOException {
    content = new FixtureContent(tmp);
    content.record(
        "2025-01-20-qatar-syria-agreement",
        FixtureContent.FACTS,
        FixtureContent.EN,
        FixtureContent.AR);
  }

  private void brief(String month, String lang, String text) throws IOException {
    Path file = content.root.resolve("briefs").resolve(month).resolve(lang + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private Map<String, Map<Lang, Translation>> intros() {
    Validator.Result result = content.validate(false);
    assertEquals(List.of(), content.lines(false));
    Site site = result.site().orElseThrow();
    return site.briefIntros();
  }

  @Test
  void aMonthsIntroductionIsKeptInEachLanguageItIsWrittenIn() throws IOException {
    brief("2025-01", "en", "---\ntitle: A month of agreements\n---\nJanuary saw one.\n");
    brief("2025-01", "ar", "شهد يناير اتفاقية واحدة.\n");

    Map<String, Map<Lang, Translation>> intros = intros();

    assertEquals(List.of("2025-01"), List.copyOf(intros.keySet()));
    Translation en = intros.get("2025-01").get(Lang.EN);
    assertEquals("A month of agreements", en.title());
    assertEquals("January saw one.\n", en.body().text());
    Translation ar = intros.get("2025-01").get(Lang.AR);
    assertEquals("", ar.title(), "no front matter: no title");
    assertEquals("شهد يناير اتفاقية واحدة.\n", ar.body().text());
  }

  @Test
  void aFrontMatterWithoutATitleGivesAnEmptyOne() throws IOException {
    brief("2025-01", "en", "---\n{}\n---\nJanuary.\n");
    assertEquals("", intros().get("2025-01").get(Lang.EN).title());
  }

  @Test
  void aMonthWithNoPublishedRecordHasNoBriefAndTheEditorIsToldWhy() throws IOException {
    brief("2025-03", "en", "March.\n");
    brief("2025-03", "ar", "مارس.\n");
    content.record(
        "2025-03-05-qatar-syria-call",
        FixtureContent.FACTS.replace("2025-01-20", "2025-03-05") + "draft: true\n",
        FixtureContent.EN,
        FixtureContent.AR);
    content.record(
        "2025-qatar-syria-call",
        FixtureContent.FACTS.replace("2025-01-20", "2025"),
        FixtureContent.EN,
        FixtureContent.AR);

    List<String> lines = content.lines(false);

    assertEquals(1, lines.size(), lines.toString()); // one folder, one line, two files
    String line = lines.get(0);
    assertTrue(line.contains("briefs/2025-03"), line);
    assertTrue(
        line.contains("has no records: 2025-03 has no published record dated to that month"), line);
    assertTrue(line.contains("check the folder's name, or remove the folder"), line);
  }

  @Test
  void aFrontMatterMayGiveOnlyACleanTitle() throws IOException {
    brief("2025-01", "en", "---\ntitle: January\nsummary: Not for briefs\n---\nJanuary.\n");
    brief("2025-01", "ar", "---\ntitle: \"يناير\u202E\"\n---\nيناير.\n");

    List<String> lines = content.lines(false);

    assertEquals(2, lines.size(), lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("briefs/2025-01/en.md") && l.contains("summary")),
        lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.contains("briefs/2025-01/ar.md")
                        && l.contains("the title contains the invisible control character U+202E")),
        lines.toString());
  }
}
