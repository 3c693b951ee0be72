package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefing.files.OutputFile;
import org.briefing.publish.Publisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed build never touches the published site; a good one replaces it whole. */
class AtomicBuildTest {

  private static SiteBuilder.Options options(Path content, Path out) {
    return new SiteBuilder.Options(
        content, SeedSite.TEMPLATES, out, Optional.empty(), false, false);
  }

  @Test
  void aBuildWithProblemsLeavesTheLastGoodSiteByteIdentical(@TempDir Path tmp) throws Exception {
    Path content = SeedSite.copyOfContent(tmp);
    Path out = tmp.resolve("site-output");
    assertTrue(new SiteBuilder().build(options(content, out)).ok());
    Map<String, String> before = LocaleIndependenceTest.digests(out);

    Path record = content.resolve("engagements/2025-01-20-qatar-syria-civil-defence-agreement");
    Files.writeString(
        record.resolve("en.md"), "---\ntitle: Changed title\nsummary: Changed.\n---\nChanged.\n");
    Files.writeString(
        record.resolve("engagement.yaml"),
        Files.readString(record.resolve("engagement.yaml"))
            .replace("countries: [QA, SY]", "countries: [QA, QQ]"));

    SiteBuilder.Outcome outcome = new SiteBuilder().build(options(content, out));
    assertFalse(outcome.ok());
    assertEquals(before, LocaleIndependenceTest.digests(out));
  }

  /** The names beside the output folder: temporary folders would show here. */
  private static List<String> siblings(Path tmp) throws IOException {
    try (Stream<Path> siblings = Files.list(tmp)) {
      return siblings.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void goodBuildsLeaveNoStagingOrOldFolderBesideTheSite(@TempDir Path tmp) throws Exception {
    Path content = SeedSite.copyOfContent(tmp);
    Path out = tmp.resolve("site-output");
    assertTrue(new SiteBuilder().build(options(content, out)).ok());
    assertEquals(List.of("content", "site-output"), siblings(tmp), "after the first build");
    // the second build swaps the new site with the old one, which must then be gone
    assertTrue(new SiteBuilder().build(options(content, out)).ok());
    assertEquals(List.of("content", "site-output"), siblings(tmp), "after a build over a site");
    assertTrue(Files.isRegularFile(out.resolve("en/index.html")));
  }

  @Test
  void whenTheNewSiteCannotBeMovedInTheOldOneIsPutBackByteIdentical(@TempDir Path tmp)
      throws Exception {
    Path content = SeedSite.copyOfContent(tmp);
    Path out = tmp.resolve("site-output");
    assertTrue(new SiteBuilder().build(options(content, out)).ok());
    Map<String, String> before = LocaleIndependenceTest.digests(out);

    // The writer removes its own staging folder once it is written, so the second rename
    // (staging folder → site-output, after site-output was moved aside) fails as a full or
    // failing disk would make it fail.
    Publisher.SiteWriter vanishing =
        sink -> {
          sink.write("index.html", stream -> stream.write("new".getBytes()));
          try (Stream<Path> staging = Files.list(tmp)) {
            for (Path p :
                staging
                    .filter(p -> p.getFileName().toString().startsWith(".site-output.new-"))
                    .toList()) {
              Publisher.deleteTree(p);
            }
          }
        };
    assertThrows(IOException.class, () -> new Publisher().publish(out, vanishing));
    assertEquals(before, LocaleIndependenceTest.digests(out), "the old site is back, unchanged");
    assertEquals(List.of("content", "site-output"), siblings(tmp), "nothing is left beside it");
  }

  @Test
  void aBrokenTemplateLeavesTheOldSiteByteIdenticalAndNothingBeside(@TempDir Path tmp)
      throws Exception {
    Path content = SeedSite.copyOfContent(tmp);
    Path templates = org.briefing.TestFiles.copyTree(SeedSite.TEMPLATES, tmp.resolve("templates"));
    Path out = tmp.resolve("site-output");
    SiteBuilder.Options options =
        new SiteBuilder.Options(content, templates, out, Optional.empty(), false, false);
    assertTrue(new SiteBuilder().build(options).ok());
    Map<String, String> before = LocaleIndependenceTest.digests(out);

    // the engagement pages fail halfway through rendering, after other pages were written
    Path engagement = templates.resolve("engagement.ftlh");
    Files.writeString(engagement, Files.readString(engagement) + "${noSuchValue.field}\n");
    assertThrows(
        org.briefing.i18n.TemplateProblemException.class, () -> new SiteBuilder().build(options));
    assertEquals(before, LocaleIndependenceTest.digests(out));
    assertEquals(List.of("content", "site-output", "templates"), siblings(tmp));
  }

  @Test
  void aRecordRemovedFromTheContentDisappearsFromTheNextBuild(@TempDir Path tmp) throws Exception {
    Path content = SeedSite.copyOfContent(tmp);
    Path out = tmp.resolve("site-output");
    // The only record naming France, and no other record relates to it.
    String id = "2024-qatar-france-paris-olympics-security-support";
    new SiteBuilder().build(options(content, out));
    assertTrue(Files.exists(out.resolve("en/engagements/" + id + "/index.html")));

    Publisher.deleteTree(content.resolve("engagements/" + id));
    assertTrue(new SiteBuilder().build(options(content, out)).ok());
    assertFalse(Files.exists(out.resolve("en/engagements/" + id)));
    assertFalse(Files.exists(out.resolve("ar/engagements/" + id)));
    assertFalse(Files.readString(out.resolve("en/timeline/index.html")).contains(id));
    assertFalse(
        Files.exists(out.resolve("en/countries/fr")), "a country left without records has no page");
  }

  @Test
  void aPublishThatFailsHalfwayLeavesTheOldSiteInPlace(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("site-output");
    new Publisher().publish(List.of(new OutputFile("index.html", "old".getBytes())), out);
    List<OutputFile> bad =
        List.of(
            new OutputFile("a.html", "new".getBytes()),
            new OutputFile("../escape.html", "x".getBytes()));
    assertThrows(IllegalArgumentException.class, () -> new Publisher().publish(bad, out));
    assertEquals("old", Files.readString(out.resolve("index.html")));
    assertFalse(Files.exists(out.resolve("a.html")));
    assertFalse(Files.exists(tmp.resolve("escape.html")));
  }

  @Test
  void thePlaceholderThatKeepsTheFolderInGitSurvivesABuild(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("site-output");
    Files.createDirectories(out);
    Files.writeString(out.resolve(".gitkeep"), "");
    Files.writeString(out.resolve("stale.html"), "from an old build");
    new Publisher().publish(List.of(new OutputFile("index.html", "new".getBytes())), out);
    assertTrue(Files.exists(out.resolve(".gitkeep")));
    assertFalse(Files.exists(out.resolve("stale.html")));
  }
}
