package org.briefing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an editor and CI see from {@code check} and {@code build} on the command line. */
class CheckCommandTest {

  private record Run(ExitCode code, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExitCode code =
        new Main(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env)
            .run(args);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Path brokenCopyOfContent(Path tmp) throws IOException {
    Path content = tmp.resolve("content");
    try (Stream<Path> files = Files.walk(Path.of("content"))) {
      for (Path from : files.toList()) {
        Path to = content.resolve(Path.of("content").relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    Path facts =
        content.resolve(
            "engagements/2025-01-20-qatar-syria-civil-defence-agreement/engagement.yaml");
    Files.writeString(
        facts, Files.readString(facts).replace("countries: [QA, SY]", "countries: [QA, QQ]"));
    return content;
  }

  @Test
  void checkOfTheSeedContentSucceedsAndWritesNothing(@TempDir Path tmp) {
    Run run = run(Map.of(), "check", "--out", tmp.resolve("out").toString());
    assertEquals(ExitCode.OK, run.code(), run.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aContentProblemIsOneCompilerStyleLineAndExitStatusOne(@TempDir Path tmp) throws IOException {
    Path content = brokenCopyOfContent(tmp);
    Run run = run(Map.of(), "check", "--content", content.toString());
    assertEquals(ExitCode.CONTENT_ERRORS, run.code());
    assertEquals(1, run.code().status());
    List<String> lines = run.err().lines().toList();
    assertEquals(2, lines.size(), run.err());
    assertTrue(
        lines.get(0).matches(".*/engagement\\.yaml:\\d+:\\d+: unknown country code \"QQ\" .*"),
        lines.get(0));
    assertEquals("1 problem; nothing was written", lines.get(1));
    assertFalse(run.err().contains("::error"), "annotations only under CI");
    assertFalse(run.err().contains("Exception"), "no stack trace for a content problem");
  }

  @Test
  void underCiEachProblemIsAlsoAGitHubAnnotation(@TempDir Path tmp) throws IOException {
    Path content = brokenCopyOfContent(tmp);
    for (Map<String, String> env :
        List.of(Map.of("CI", "true"), Map.of("GITHUB_ACTIONS", "true"))) {
      Run run = run(env, "check", "--content", content.toString());
      String annotation =
          run.err().lines().filter(l -> l.startsWith("::error ")).findFirst().orElse("");
      assertTrue(
          annotation.matches(
              "::error file=.*engagement\\.yaml,line=\\d+,col=\\d+::unknown country code \"QQ\".*"),
          annotation);
    }
  }

  @Test
  void aFailedBuildSaysNothingWasWrittenAndLeavesTheOutputAlone(@TempDir Path tmp)
      throws IOException {
    Path content = brokenCopyOfContent(tmp);
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("index.html"), "last good site");
    Run run = run(Map.of(), "build", "--content", content.toString(), "--out", out.toString());
    assertEquals(ExitCode.CONTENT_ERRORS, run.code());
    assertEquals("last good site", Files.readString(out.resolve("index.html")));
  }

  @Test
  void baseUrlOverridesTheAddressInAbsoluteLinksOnly(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Run run =
        run(Map.of(), "build", "--out", out.toString(), "--base-url", "https://news.example/brief");
    assertEquals(ExitCode.OK, run.code(), run.err());
    String page = Files.readString(out.resolve("en/timeline/index.html"));
    assertTrue(
        page.contains("<link rel=\"canonical\" href=\"https://news.example/brief/en/timeline/\">"));
    assertTrue(page.contains("href=\"../../assets/site.css\""), "internal links stay relative");
    assertTrue(
        Files.readString(out.resolve("sitemap.xml")).contains("https://news.example/brief/ar/"));
  }

  @Test
  void aBuildAfterATemplateChangeSaysHowManyFilesChanged(@TempDir Path tmp) throws IOException {
    Path templates = TestFiles.copyTree(Path.of("templates"), tmp.resolve("templates"));
    String out = tmp.resolve("out").toString();
    Run first = run(Map.of(), "build", "--templates", templates.toString(), "--out", out);
    assertTrue(first.out().matches("built \\d+ files into \\S+ in \\d+ ms\\n"), first.out());

    Path engagement = templates.resolve("engagement.ftlh");
    Files.writeString(
        engagement, Files.readString(engagement).replace("</article>", "</article><hr>"));
    Run changed = run(Map.of(), "build", "--templates", templates.toString(), "--out", out);
    assertEquals(ExitCode.OK, changed.code(), changed.err());
    // The 13 seed records have a page in each language, the only pages made with that template.
    assertTrue(
        changed
            .out()
            .matches(
                "built \\d+ files into \\S+ \\(26 rendered, 26 of them changed; the rest kept from"
                    + " the last build\\) in \\d+ ms\\n"),
        changed.out());
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitStatusTwo() {
    Run run = run(Map.of(), "build", "--colour");
    assertEquals(ExitCode.USAGE, run.code());
    assertEquals(2, run.code().status());
    assertTrue(run.err().contains("--colour"), run.err());
  }
}
