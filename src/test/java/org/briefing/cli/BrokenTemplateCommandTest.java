package org.briefing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A maintainer's mistake in a template is not an editor's: {@code build} exits with status 3, names
 * the template, and the published site stays as it was, with nothing left beside it.
 */
class BrokenTemplateCommandTest {

  private static Map<String, String> contents(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(
            root.relativize(p).toString(),
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      // the state the last good build keeps for the next one to reuse is meant to stay
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".state"))
          .sorted()
          .toList();
    }
  }

  @Test
  void aBrokenTemplateExitsWithStatusThreeAndLeavesTheSiteAsItWas(@TempDir Path tmp)
      throws Exception {
    Path templates = TestFiles.copyTree(Path.of("templates"), tmp.resolve("templates"));
    Path out = tmp.resolve("site-output");
    String[] args = {"build", "--templates", templates.toString(), "--out", out.toString()};
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main =
        new Main(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());
    assertEquals(0, main.run(args).status(), err.toString(StandardCharsets.UTF_8));
    Map<String, String> before = contents(out);

    Path timeline = templates.resolve("timeline.ftlh");
    String good = Files.readString(timeline);
    String broken = good.replace("</@layout.page>", ""); // the page macro is never closed
    assertTrue(!broken.equals(good), "the test must break the template it names");
    Files.writeString(timeline, broken);
    err.reset();
    assertEquals(3, main.run(args).status());
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("timeline.ftlh"), "the broken template is named: " + message);
    assertTrue(
        message.matches("(?s).*timeline\\.ftlh:[1-9][0-9]*:[1-9][0-9]*: .*"),
        "the editor is told the line and column: " + message);
    assertTrue(message.contains("the output folder was left as it was"), message);
    assertEquals(before, contents(out), "the last good site is byte-identical");
    assertEquals(List.of("site-output", "templates"), names(tmp), "nothing is left beside it");
  }
}
