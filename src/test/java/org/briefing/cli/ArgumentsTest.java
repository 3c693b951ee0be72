package org.briefing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line as users type it: commands, which options each takes, and the help. */
class ArgumentsTest {

  @Test
  void buildIsTheDefaultCommand() throws Exception {
    Arguments parsed = Arguments.parse(new String[] {"--drafts"});
    assertEquals("build", parsed.command());
    assertTrue(parsed.options().drafts());
  }

  @Test
  void nothingTypedBuildsContentIntoSiteOutput() throws Exception {
    Arguments parsed = Arguments.parse(new String[0]);
    assertEquals("build", parsed.command());
    assertEquals(Path.of("content"), parsed.options().content());
    assertEquals(Path.of("templates"), parsed.options().templates());
    assertEquals(Path.of("site-output"), parsed.options().out());
    assertEquals(Optional.empty(), parsed.options().baseUrl());
  }

  @Test
  void aBaseUrlIsTakenOnlyWithItsScheme() throws Exception {
    for (String url : List.of("https://example.org/briefing/", "http://localhost:8080/")) {
      Arguments parsed = Arguments.parse(new String[] {"build", "--base-url", url});
      assertEquals(Optional.of(url), parsed.options().baseUrl());
    }
    for (String url : List.of("example.org/briefing/", "ftp://example.org/")) {
      var e =
          assertThrows(
              Arguments.UsageException.class,
              () -> Arguments.parse(new String[] {"build", "--base-url", url}),
              url);
      assertEquals("--base-url must start with https:// or http://", e.getMessage());
    }
  }

  @Test
  void anOptionWithoutItsValueIsNamed() {
    var last =
        assertThrows(
            Arguments.UsageException.class, () -> Arguments.parse(new String[] {"build", "--out"}));
    assertEquals("--out needs a value", last.getMessage());
    var beforeAnother =
        assertThrows(
            Arguments.UsageException.class,
            () -> Arguments.parse(new String[] {"build", "--content", "--strict"}));
    assertEquals("--content needs a value", beforeAnother.getMessage());
  }

  @Test
  void newReadsItsFourArgumentsAndSplitsTheCountries() throws Exception {
    Arguments parsed =
        Arguments.parse(
            new String[] {
              "new",
              "--date",
              "2025-05-01",
              "--countries",
              "SY,TR",
              "--type",
              "call",
              "--slug",
              "khattab-yerlikaya-call",
              "--content",
              "elsewhere"
            });
    assertEquals(
        new Arguments.NewRecord(
            "2025-05-01", List.of("SY", "TR"), "call", "khattab-yerlikaya-call"),
        parsed.newRecord().orElseThrow());
    assertEquals(Path.of("elsewhere"), parsed.options().content());
  }

  @Test
  void spacesAfterTheCommasAreForgiven() throws Exception {
    Arguments parsed =
        Arguments.parse(
            new String[] {
              "new", "--date", "2025", "--countries", "SY, TR", "--type", "call", "--slug", "x"
            });
    assertEquals(List.of("SY", "TR"), parsed.newRecord().orElseThrow().countries());
  }

  @Test
  void newNamesTheArgumentsItIsMissing() {
    var e =
        assertThrows(
            Arguments.UsageException.class,
            () -> Arguments.parse(new String[] {"new", "--date", "2025-05-01", "--slug", "x"}));
    assertTrue(e.getMessage().contains("missing: --countries, --type"), e.getMessage());
  }

  @Test
  void serveListensOn8080UnlessToldOtherwise() throws Exception {
    assertEquals(8080, Arguments.parse(new String[] {"serve"}).port());
    assertEquals(0, Arguments.parse(new String[] {"serve", "--port", "0"}).port());
    Arguments parsed =
        Arguments.parse(
            new String[] {
              "serve", "--drafts", "--base-url", "http://localhost/", "--templates", "t"
            });
    assertTrue(parsed.options().drafts());
    assertEquals(Path.of("t"), parsed.options().templates());
  }

  @Test
  void aPortOutsideTheRangeIsAUsageError() {
    for (String port : List.of("65536", "-1", "eighty")) {
      var e =
          assertThrows(
              Arguments.UsageException.class,
              () -> Arguments.parse(new String[] {"serve", "--port", port}),
              port);
      assertTrue(e.getMessage().contains("0 to 65535"), e.getMessage());
    }
  }

  @Test
  void anOptionOfAnotherCommandIsRefusedNotIgnored() {
    var serveOut =
        assertThrows(
            Arguments.UsageException.class,
            () -> Arguments.parse(new String[] {"serve", "--out", "x"}));
    assertEquals("--out is not an option of serve", serveOut.getMessage());
    var buildDate =
        assertThrows(
            Arguments.UsageException.class,
            () -> Arguments.parse(new String[] {"build", "--date", "2025"}));
    assertEquals("--date is not an option of build", buildDate.getMessage());
    var buildPort =
        assertThrows(
            Arguments.UsageException.class, () -> Arguments.parse(new String[] {"--port", "0"}));
    assertEquals("--port is not an option of build", buildPort.getMessage());
  }

  @Test
  void unknownCommandsAndOptionsAreNamed() {
    var command =
        assertThrows(
            Arguments.UsageException.class, () -> Arguments.parse(new String[] {"publish"}));
    assertTrue(command.getMessage().startsWith("unknown command \"publish\""));
    var option =
        assertThrows(
            Arguments.UsageException.class,
            () -> Arguments.parse(new String[] {"check", "--stirct"}));
    assertEquals("unknown option \"--stirct\"", option.getMessage());
  }

  @Test
  void helpDescribesEveryCommandAndTheScaffoldDecision() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ExitCode code = new Main(out, out, Map.of()).run(new String[] {"--help"});
    String help = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCode.OK, code);
    for (String expected :
        List.of(
            "build",
            "check",
            "new",
            "serve",
            "--port",
            "--slug",
            "--countries",
            "--date",
            "--type",
            "fail `check` until")) {
      assertTrue(help.contains(expected), "help should mention " + expected);
    }
  }

  @Test
  void aWrongCommandLineExitsWithTheUsageStatus() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ExitCode code = new Main(err, err, Map.of()).run(new String[] {"serve", "--port", "x"});
    assertEquals(ExitCode.USAGE, code);
    assertEquals(2, code.status());
  }
}
