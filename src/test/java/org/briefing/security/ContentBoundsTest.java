package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.briefing.content.TextFiles;
import org.briefing.content.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record cannot be too big or too deep to read: files are limited to {@link TextFiles#MAX_BYTES},
 * YAML nesting to {@link YamlReader#MAX_DEPTH} (and aliases, the "billion laughs", are refused),
 * and each refusal names the file.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class ContentBoundsTest {

  @Test
  void aFileOverTheLimitIsRefusedAndOneAtTheLimitIsRead(@TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    Path en = site.dir(Fixture.ID).resolve("en.md");
    int room = (int) TextFiles.MAX_BYTES - Fixture.EN.getBytes(StandardCharsets.UTF_8).length;

    Files.writeString(en, Fixture.EN + "a".repeat(room), StandardCharsets.UTF_8);
    assertEquals(List.of(), site.problems(), "exactly at the limit");

    Files.writeString(en, Fixture.EN + "a".repeat(room + 1), StandardCharsets.UTF_8);
    assertEquals(
        List.of(
            en
                + ": is "
                + TextFiles.MAX_BYTES / 1024
                + " KiB; content files are"
                + " limited to "
                + TextFiles.MAX_BYTES / 1024
                + " KiB, so shorten it or split the"
                + " record"),
        site.problems());
  }

  @Test
  void aHugeFileIsRefusedWithoutBeingRead(@TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    Path facts = site.dir(Fixture.ID).resolve("engagement.yaml");
    try (var out = Files.newOutputStream(facts)) {
      byte[] block = new byte[1 << 20];
      for (int i = 0; i < 8; i++) {
        out.write(block); // 8 MiB of NUL bytes
      }
    }
    List<String> problems = site.problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(facts + ": is 8192 KiB"), problems.get(0));
  }

  @Test
  void yamlNestedPastTheLimitIsRefusedWithItsLine(@TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    int depth = YamlReader.MAX_DEPTH + 1;
    Path facts =
        site.record(
                Fixture.ID,
                Fixture.FACTS + "draft: " + "[".repeat(depth) + "]".repeat(depth) + "\n",
                Fixture.EN,
                Fixture.AR)
            .resolve("engagement.yaml");
    List<String> problems = site.problems();
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.startsWith(facts + ":19:")
                        && p.contains("nested more than " + YamlReader.MAX_DEPTH)),
        problems.toString());
  }

  @Test
  void tenThousandLevelsOfYamlAreAProblemNotAStackOverflow(@TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    for (String deep :
        List.of(
            "[".repeat(10_000),
            "{a: ".repeat(10_000),
            "- ".repeat(10_000) + "x",
            "a: " + "[".repeat(10_000) + "]".repeat(10_000))) {
      Path facts =
          site.record(Fixture.ID, deep + "\n", Fixture.EN, Fixture.AR).resolve("engagement.yaml");
      // (Jackson's own limit of 1000 levels may add a second problem, without a line: see the
      // report on YamlReader; the one that matters names the line.)
      List<String> problems = site.problems();
      assertTrue(problems.stream().allMatch(p -> p.startsWith(facts + ":")), problems.toString());
      assertTrue(problems.stream().anyMatch(p -> p.startsWith(facts + ":1:")), problems.toString());
    }
  }

  @Test
  void yamlAliasesCannotMultiplyARecord(@TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    String laughs =
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
    Path facts = site.record(Fixture.ID, laughs, Fixture.EN, Fixture.AR).resolve("engagement.yaml");
    List<String> problems = site.problems();
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith(facts + ":") && p.contains("alias")),
        problems.toString());
  }
}
