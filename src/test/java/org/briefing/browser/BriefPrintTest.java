package org.briefing.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.build.SiteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A monthly brief is printed by Chromium itself (its DevTools print to PDF, on A4 paper, as a
 * reader's print dialog does) and must fit on two pages: for a busy month, the seed content with
 * twelve more records copied into October 2026, in both languages.
 */
@Tag("slow")
class BriefPrintTest {

  /** How many records the busy month gets; the seed's busiest month has two. */
  static final int BUSY_MONTH = 12;

  private static final String MONTH = "2026-10";
  private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

  private static Browser browser;
  private static SiteServer server;

  @BeforeAll
  static void start() throws IOException {
    browser = Browser.startOrSkip();
    Path tmp = Files.createTempDirectory("brief-print-");
    TestFiles.deleteOnExit(tmp);
    Path content = TestFiles.copyTree(Path.of("content"), tmp.resolve("content"));
    List<Path> sources;
    try (Stream<Path> dirs = Files.list(content.resolve("engagements"))) {
      sources =
          dirs.filter(d -> !read(d.resolve("engagement.yaml")).contains("aliases:"))
              .sorted()
              .toList();
    }
    for (int i = 0; i < BUSY_MONTH; i++) {
      Path from = sources.get(i % sources.size());
      Path to = content.resolve("engagements").resolve(MONTH + "-print-" + i);
      TestFiles.copyTree(from, to);
      Path facts = to.resolve("engagement.yaml");
      String yaml = read(facts).replaceFirst("(?m)^date: .*$", "date: " + MONTH + "-" + (10 + i));
      Files.writeString(facts, yaml, StandardCharsets.UTF_8);
    }
    Path out = tmp.resolve("site");
    SiteBuilder.Outcome built =
        new SiteBuilder()
            .build(
                new SiteBuilder.Options(
                    content, Path.of("templates"), out, Optional.empty(), false, false));
    assertTrue(built.ok(), built.problems().toString());
    server = new SiteServer(out);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"en", "ar"})
  void aBusyMonthsBriefPrintsOnAtMostTwoA4Pages(String lang) {
    browser.viewport(1280, 800);
    browser.open(server.url(lang + "/briefs/" + MONTH + "/index.html"));
    long items = browser.js("return document.querySelectorAll('.brief-item').length;");
    assertEquals(BUSY_MONTH, items, "the brief lists the month's records");
    Map<String, Object> pdf =
        browser
            .driver()
            .executeCdpCommand(
                "Page.printToPDF",
                Map.of("paperWidth", 8.27, "paperHeight", 11.69, "preferCSSPageSize", true));
    byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
    int pages = pages(bytes);
    assertTrue(pages >= 1, "the PDF has no page objects Chromium is known to write");
    assertTrue(
        pages <= 2,
        lang + ": the brief of a " + BUSY_MONTH + "-record month prints on " + pages + " A4 pages");
  }

  /** The page objects of a PDF as Chromium writes it (uncompressed page dictionaries). */
  static int pages(byte[] pdf) {
    Matcher m = PAGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
