package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.i18n.TemplateProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with nothing to do writes nothing: not the site, and not the state beside it (the
 * manifest, the search terms, the memory of the YAML read), which it would only write again byte
 * for byte. A file dropped into the site by hand is still found and taken away, and the state then
 * written again.
 */
class QuietBuildTest {

  private static final FileTime LONG_AGO = FileTime.fromMillis(86_400_000L);

  @TempDir Path tmp;

  private Path content;
  private Path out;
  private Path state;

  @BeforeEach
  void settledSeedSite() throws IOException {
    content = SeedSite.copyOfContent(tmp);
    TestFiles.settle(content); // as a clone's files are by the next build
    out = tmp.resolve("site-output");
    state = tmp.resolve(".site-output.state");
  }

  private SiteBuilder.Outcome build() throws IOException {
    SiteBuilder.Outcome outcome =
        new SiteBuilder()
            .buildReusing(
                new SiteBuilder.Options(
                    content, SeedSite.TEMPLATES, out, Optional.empty(), false, false));
    assertTrue(outcome.ok(), outcome.problems().toString());
    return outcome;
  }

  /**
   * A site built, its folders' times then set back an hour, as a site restored from a cache, and
   * built again: that build lists every folder and keeps their times, long settled, in the state.
   * (A time read within two seconds of a change is not trusted, and its folder is listed again.)
   */
  private void settledSite() throws IOException {
    build();
    FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L);
    try (Stream<Path> all = Files.walk(out)) {
      for (Path folder : all.filter(Files::isDirectory).toList()) {
        Files.setLastModifiedTime(folder, hourAgo);
      }
    }
    assertEquals(0, build().rendered(), "nothing changed since");
  }

  /** Each state file's bytes, its time set back so that any write of it shows. */
  private Map<String, byte[]> markState() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.list(state)) {
      for (Path file : all.toList()) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
        Files.setLastModifiedTime(file, LONG_AGO);
      }
    }
    return files;
  }

  private List<String> stateWritten() throws IOException {
    try (Stream<Path> all = Files.list(state)) {
      return all.filter(file -> !LONG_AGO.equals(time(file)))
          .map(file -> file.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private static FileTime time(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aBuildWithNothingToDoLeavesTheStateAsItWas() throws Exception {
    settledSite();
    Map<String, byte[]> before = markState();
    Map<String, String> site = LocaleIndependenceTest.digests(out);

    SiteBuilder.Outcome quiet = build();

    assertEquals(0, quiet.rendered(), "nothing changed, nothing rendered");
    assertEquals(List.of(), stateWritten(), "no state file written again");
    assertEquals(before.keySet(), markState().keySet(), "and none added or left behind");
    assertEquals(site, LocaleIndependenceTest.digests(out), "the site as it was");

    // A record edited: the memory, the manifest and the terms all change.
    Path record;
    try (Stream<Path> records = Files.list(content.resolve("engagements"))) {
      record = records.sorted().findFirst().orElseThrow();
    }
    Path en = record.resolve("en.md");
    Files.writeString(en, Files.readString(en) + "\nOne more paragraph, added later.\n");
    SiteBuilder.Outcome edited = build();
    assertTrue(edited.rendered() > 0, "the edit is rendered");
    assertEquals(
        List.of("manifest.bin", "terms.bin", "yaml.bin"),
        stateWritten(),
        "each state file written again");
    assertNotEquals(site, LocaleIndependenceTest.digests(out), "the site changed");
  }

  @Test
  void aBuildThatFailsWhileRenderingLeavesTheMemoryOfTheYamlAsItWas() throws IOException {
    settledSite();
    Map<String, byte[]> before = markState();
    Path record;
    try (Stream<Path> records = Files.list(content.resolve("engagements"))) {
      record = records.sorted().findFirst().orElseThrow();
    }
    Path en = record.resolve("en.md");
    Files.writeString(en, Files.readString(en) + "\nOne more paragraph, never published.\n");
    Path templates = TestFiles.copyTree(SeedSite.TEMPLATES, tmp.resolve("templates"));
    Path engagement = templates.resolve("engagement.ftlh");
    Files.writeString(engagement, Files.readString(engagement) + "${noSuchValue.field}\n");

    assertThrows(
        TemplateProblemException.class,
        () ->
            new SiteBuilder()
                .buildReusing(
                    new SiteBuilder.Options(
                        content, templates, out, Optional.empty(), false, false)));

    assertEquals(before.keySet(), markState().keySet(), "no memory half kept beside the state");
    assertArrayEquals(
        before.get("yaml.bin"),
        Files.readAllBytes(state.resolve("yaml.bin")),
        "the memory of the last build that published, not of the one that failed");
  }

  @Test
  void aStrayFileIsStillTakenAwayAndTheStateWrittenAgain() throws IOException {
    settledSite();
    Map<String, byte[]> before = markState();
    Path stray = out.resolve("en/countries/stray.html");
    Files.writeString(stray, "dropped in by hand");

    SiteBuilder.Outcome outcome = build();

    assertEquals(0, outcome.rendered(), "nothing in the content changed");
    assertFalse(Files.exists(stray), "the stray file is gone");
    assertEquals(
        List.of("manifest.delta"),
        stateWritten(),
        "the changes beside the manifest note the folder's new time");
    assertArrayEquals(before.get("yaml.bin"), Files.readAllBytes(state.resolve("yaml.bin")));

    markState();
    assertEquals(0, build().rendered());
    assertEquals(List.of(), stateWritten(), "and the build after it has nothing to do again");
  }
}
