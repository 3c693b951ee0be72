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
import org.briefing.publish.Publisher;
import org.briefing.render.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed build never touches the published site; a good one replaces it whole. */
class AtomicBuildTest {

  private static SiteBuilder.Options options(Path content, Path out) {
    return new SiteBuilder.Options(content, SeedSite.TEMPLATES, out, Optional.empty(), false, false);
  }

  @Test
  void aBuildWithProblemsLeavesTheLastGoodSiteByteIdentical(@TempDir Path tmp) throws Exception {
    Path content = SeedSite.copyOfContent(tmp);
    Path out = tmp.resolve("site-output");
    assertTrue(new SiteBuilder().build(options(content, out)).ok());
    Map<String, String> before = LocaleIndependenceTest.digests(out);

    Path record = content.resolve("engagements/2025-01-20-qatar-syria-civil-defence-agreement");
    Files.writeString(record.resolve("en.md"), "---\ntitle: Changed title\nsummary: Changed.\n---\nChanged.\n");
    Files.writeString(record.resolve("engagement.yaml"),
        Files.readString(record.resolve("engagement.yaml")).replace("countries: [QA, SY]", "countries: [QA, QQ]"));

    SiteBuilder.Outcome outcome = new SiteBuilder().build(options(content, out));
    assertFalse(outcome.ok());
    assertEquals(before, LocaleIndependenceTest.digests(out));
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertEquals(List.of("content", "site-output"),
          siblings.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary folder is left beside the output");
    }
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
    assertFalse(Files.exists(out.resolve("en/countries/fr")), "a country left without records has no page");
  }

  @Test
  void aPublishThatFailsHalfwayLeavesTheOldSiteInPlace(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("site-output");
    new Publisher().publish(List.of(new OutputFile("index.html", "old".getBytes())), out);
    List<OutputFile> bad = List.of(new OutputFile("a.html", "new".getBytes()),
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
