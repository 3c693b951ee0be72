package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.briefing.archive.Archive;
import org.briefing.content.ContentLoader;
import org.briefing.files.PlannedFile;
import org.briefing.validate.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order a full build makes a record's files in: its Arabic and English files one after the
 * other, so that the two render threads, which take files in turn, add them to different folders at
 * once rather than wait for each other on the same one.
 */
class LanguagesTakeTurnsTest {

  private static List<String> plan;

  @BeforeAll
  static void planTheSeedSite() throws Exception {
    Validator.Result checked =
        new Validator()
            .validate(
                new ContentLoader().load(SeedSite.CONTENT), new Validator.Options(false, false));
    Archive archive = new Archive(checked.site().orElseThrow());
    plan =
        new SiteRenderer(SeedSite.TEMPLATES).plan(archive).stream().map(PlannedFile::path).toList();
  }

  @Test
  void aRecordsPagesInTheTwoLanguagesAreMadeOneAfterTheOther() {
    for (String id : SeedSite.recordIds()) {
      for (String file : List.of("index.html", "cite.bib", "cite.ris")) {
        int en = plan.indexOf("en/engagements/" + id + "/" + file);
        int ar = plan.indexOf("ar/engagements/" + id + "/" + file);
        assertTrue(en >= 0 && ar >= 0, id + "/" + file + " is planned in both languages");
        assertEquals(1, Math.abs(en - ar), id + "/" + file + ": en at " + en + ", ar at " + ar);
      }
    }
  }

  @Test
  void everyPageOfBothLanguagesIsStillPlannedOnce() {
    long en = plan.stream().filter(p -> p.startsWith("en/") && p.endsWith(".html")).count();
    long ar = plan.stream().filter(p -> p.startsWith("ar/") && p.endsWith(".html")).count();
    assertEquals(en, ar);
    assertTrue(en > SeedSite.recordIds().size(), "more pages than records: " + en);
    assertEquals(plan.size(), plan.stream().distinct().count());
  }

  @Test
  void listsOfUnequalLengthGiveEveryFileInTurn() {
    List<PlannedFile> en = files("en/1", "en/2", "en/3");
    List<PlannedFile> ar = files("ar/1");
    assertEquals(
        List.of("en/1", "ar/1", "en/2", "en/3"),
        SiteRenderer.alternating(List.of(en, ar)).stream().map(PlannedFile::path).toList());
    assertEquals(
        List.of("ar/1", "en/1", "en/2", "en/3"),
        SiteRenderer.alternating(List.of(ar, en)).stream().map(PlannedFile::path).toList());
  }

  private static List<PlannedFile> files(String... paths) {
    return Arrays.stream(paths).map(p -> new PlannedFile(p, out -> {})).toList();
  }
}
