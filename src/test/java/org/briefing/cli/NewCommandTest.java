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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.build.SiteBuilder;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Status;
import org.briefing.validate.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new}, run as an editor would against a copy of the project's content: the scaffold fails
 * {@code check} until its blanks are filled, then passes it as the record it describes.
 */
class NewCommandTest {

  private static final String ID = "2025-05-01-khattab-yerlikaya-call";

  @TempDir Path temp;

  private Path content;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8);

  @BeforeEach
  void copyTheProjectsContent() throws IOException {
    content = temp.resolve("content");
    TestFiles.copyTree(Path.of("content"), content);
  }

  private ExitCode run(String... args) {
    output.reset();
    return new Main(stream, stream, Map.of()).run(args);
  }

  private ExitCode scaffold(String date, String countries, String type, String slug) {
    return run(
        "new",
        "--content",
        content.toString(),
        "--date",
        date,
        "--countries",
        countries,
        "--type",
        type,
        "--slug",
        slug);
  }

  private String printed() {
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFilledInScaffoldPassesCheckAsTheRecordItDescribes() throws IOException {
    assertEquals(
        ExitCode.OK, scaffold("2025-05-01", "SY,TR", "call", "khattab-yerlikaya-call"), printed());
    Path folder = content.resolve("engagements").resolve(ID);
    assertEquals(List.of("ar.md", "en.md", "engagement.yaml"), names(folder));

    // the editor fills in every blank the scaffold left
    edit(
        folder.resolve("en.md"),
        "title: \"\"",
        "title: \"Khattab and Yerlikaya discuss security by phone\"");
    edit(
        folder.resolve("en.md"), "summary: \"\"", "summary: \"The two interior ministers spoke.\"");
    edit(folder.resolve("ar.md"), "title: \"\"", "title: \"خطاب ويرلي كايا يبحثان الأمن هاتفياً\"");
    edit(folder.resolve("ar.md"), "summary: \"\"", "summary: \"تحدث وزيرا الداخلية هاتفياً.\"");
    edit(
        folder.resolve("engagement.yaml"),
        "publisher: \"\"",
        "publisher: \"Syrian Ministry of Interior\"");
    edit(folder.resolve("engagement.yaml"), "title: \"\"", "title: \"بيان وزارة الداخلية\"");
    edit(folder.resolve("engagement.yaml"), "language: \"\"", "language: ar");

    assertEquals(ExitCode.OK, run("check", "--strict", "--content", content.toString()), printed());
    Validator.Result checked =
        new SiteBuilder()
            .check(
                new SiteBuilder.Options(
                    content,
                    Path.of("templates"),
                    temp.resolve("out"),
                    Optional.empty(),
                    false,
                    true));
    Engagement record =
        checked.site().orElseThrow().engagements().stream()
            .filter(e -> e.id().equals(ID))
            .findFirst()
            .orElseThrow();
    assertEquals("2025-05-01", record.date().toString());
    assertEquals("call", record.type().key());
    assertEquals(List.of("SY", "TR"), record.countries().stream().map(Country::code).toList());
    assertEquals(Status.UNVERIFIED, record.status());
  }

  @Test
  void anUneditedScaffoldFailsCheckAtEachBlank() throws IOException {
    assertEquals(ExitCode.OK, scaffold("2025-05-01", "SY,TR", "call", "khattab-yerlikaya-call"));
    assertEquals(ExitCode.CONTENT_ERRORS, run("check", "--content", content.toString()));
    String problems = printed();
    String dir = content.resolve("engagements").resolve(ID) + "/";
    for (String blank :
        List.of(
            "ar.md:8:8: \"title\" in the front matter is blank",
            "ar.md:9:10: \"summary\" in the front matter is blank",
            "en.md:7:8: \"title\" in the front matter is blank",
            "en.md:8:10: \"summary\" in the front matter is blank",
            "\"publisher\" in sources[1] is blank",
            "\"title\" in sources[1] is blank",
            "\"language\" in sources[1] is blank")) {
      assertTrue(
          problems.contains(blank.contains(".md") ? dir + blank : blank),
          "expected a problem " + blank + " in:\n" + problems);
    }
    assertTrue(problems.contains("7 problems; nothing was written"), problems);
  }

  @Test
  void theScaffoldExplainsItsFieldsInComments() throws IOException {
    scaffold("2025-04", "QA", "visit", "emir-visit");
    String facts =
        Files.readString(content.resolve("engagements/2025-04-emir-visit/engagement.yaml"));
    assertTrue(facts.contains("\ndate: 2025-04\n"), facts);
    assertTrue(facts.contains("\ntype: visit\n"), facts);
    assertTrue(facts.contains("\ncountries: [QA]\n"), facts);
    assertTrue(facts.contains("\nstatus: unverified\n"), facts);
    for (String explained :
        List.of(
            "# When it happened",
            "# The kind of engagement",
            "# The states involved",
            "# How sure the record is",
            "# Where the facts come from",
            "agreement, assistance, call",
            "counter-terrorism")) {
      assertTrue(facts.contains(explained), "engagement.yaml should explain " + explained);
    }
  }

  @Test
  void anExistingIdIsRefusedAndLeftAsItWas() throws IOException {
    assertEquals(ExitCode.OK, scaffold("2025-05-01", "SY,TR", "call", "khattab-yerlikaya-call"));
    Path en = content.resolve("engagements").resolve(ID).resolve("en.md");
    edit(en, "title: \"\"", "title: \"Already being written\"");

    assertEquals(
        ExitCode.CONTENT_ERRORS, scaffold("2025-05-01", "SY,TR", "call", "khattab-yerlikaya-call"));
    assertEquals(1, printed().lines().count(), printed());
    assertTrue(
        printed()
            .startsWith(
                "error: " + content.resolve("engagements").resolve(ID) + " already exists;"),
        printed());
    assertTrue(Files.readString(en).contains("Already being written"));
  }

  @Test
  void anUnknownCountryIsRefusedWithTheKnownList() throws IOException {
    assertEquals(ExitCode.USAGE, scaffold("2025-05-01", "SY,XX", "call", "khattab-yerlikaya-call"));
    String known =
        String.join(
            ", ",
            Pattern.compile("(?m)^([A-Z]{2}):")
                .matcher(Files.readString(content.resolve("countries.yaml")))
                .results()
                .map(m -> m.group(1))
                .sorted()
                .toList());
    assertTrue(printed().contains("unknown country code \"XX\" (known: " + known + ";"), printed());
    assertNothingWritten();
  }

  @Test
  void aLowercaseCountryIsRefusedWithItsCapitals() throws IOException {
    assertEquals(ExitCode.USAGE, scaffold("2025-05-01", "sy", "call", "khattab-yerlikaya-call"));
    assertTrue(printed().contains("must be written in capitals: SY"), printed());
    assertNothingWritten();
  }

  @Test
  void aBadDateIsRefused() throws IOException {
    for (String date : List.of("2025-02-30", "2025-13", "20/01/2025", "2025-5-1")) {
      assertEquals(ExitCode.USAGE, scaffold(date, "SY,TR", "call", "khattab-yerlikaya-call"), date);
      assertTrue(printed().startsWith("error: --date: "), printed());
    }
    assertTrue(printed().contains("is not a date; write YYYY-MM-DD"), printed());
    assertNothingWritten();
  }

  @Test
  void anUnknownTypeIsRefusedWithASuggestion() throws IOException {
    assertEquals(ExitCode.USAGE, scaffold("2025-05-01", "SY,TR", "cal", "khattab-yerlikaya-call"));
    assertTrue(
        printed().contains("unknown engagement type \"cal\"; did you mean \"call\"?"), printed());
    assertNothingWritten();
  }

  @Test
  void aSlugThatCannotBeAnIdIsRefused() throws IOException {
    for (String slug :
        List.of(
            "Khattab-call",
            "khattab--call",
            "khattab_call",
            "-call",
            "خطاب",
            "x".repeat(70),
            "2025-05-01-khattab-call")) {
      assertEquals(ExitCode.USAGE, scaffold("2025-05-01", "SY", "call", slug), slug);
    }
    assertNothingWritten();
  }

  @Test
  void partialDatesMakeIdsOfTheirOwnForm() {
    assertEquals(ExitCode.OK, scaffold("2025", "SY,TR", "call", "interior-ministers-call"));
    assertTrue(Files.isDirectory(content.resolve("engagements/2025-interior-ministers-call")));
  }

  @Test
  void aBrokenRecordElsewhereDoesNotStopANewOne() throws IOException {
    Path broken = content.resolve("engagements/2025-01-01-half-written");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("engagement.yaml"), "date: [\n");
    assertEquals(
        ExitCode.OK, scaffold("2025-05-01", "SY,TR", "call", "khattab-yerlikaya-call"), printed());
  }

  @Test
  void aBrokenCountriesFileIsAContentError() throws IOException {
    Files.writeString(content.resolve("countries.yaml"), "SY: [\n");
    assertEquals(
        ExitCode.CONTENT_ERRORS, scaffold("2025-05-01", "SY,TR", "call", "khattab-yerlikaya-call"));
    assertTrue(printed().contains("countries.yaml:"), printed());
    assertNothingWritten();
  }

  /** No record folder and no staging folder left behind. */
  private void assertNothingWritten() throws IOException {
    assertFalse(Files.exists(content.resolve("engagements").resolve(ID)));
    try (Stream<Path> top = Files.list(content)) {
      assertEquals(
          List.of(), top.filter(p -> p.getFileName().toString().startsWith(".new-")).toList());
    }
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), file + " should contain " + from);
    Files.writeString(
        file,
        text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)),
        StandardCharsets.UTF_8);
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
