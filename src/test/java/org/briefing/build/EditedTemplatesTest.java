package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.briefing.TestFiles;
import org.briefing.bench.CorpusGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit to a page template or an asset renders again the files made from it, and only those: the
 * record pages after an edit to the record page's template, every page that imports the layout
 * after an edit to it, the stylesheet alone after an edit to it. An edit to the strings, which any
 * file may show, renders everything. Each result is a clean build's, byte for byte.
 */
@Tag("slow") // builds of 40 records: left out of mutation runs
class EditedTemplatesTest {

  @TempDir Path tmp;

  private Path content;
  private Path templates;
  private Path out;

  @BeforeEach
  void builtOnce() throws IOException {
    content = tmp.resolve("corpus");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(40), content);
    templates = TestFiles.copyTree(SeedSite.TEMPLATES, tmp.resolve("templates"));
    out = tmp.resolve("site-output");
    SiteBuilder.Outcome first = build();
    assertTrue(first.ok(), first.problems().toString());
  }

  @Test
  void theRecordPageTemplateRendersTheRecordPagesAgainAndNothingElse() throws IOException {
    edit("engagement.ftlh", "</article>", "</article><hr>");
    SiteBuilder.Outcome edited = build();
    Map<String, byte[]> site = assertSameAsCleanBuild("after the record page's template");
    long recordPages = count(site, path -> path.matches("(ar|en)/engagements/[^/]+/index\\.html"));
    assertTrue(recordPages >= 80, "both languages' pages of 40 records: " + recordPages);
    assertEquals(recordPages, edited.rendered(), "the record pages, and only those");
    assertEquals(recordPages, edited.written(), "each of them changed");
    assertEquals(0, build().rendered(), "the next build reuses this one");
  }

  @Test
  void theLayoutRendersEveryPageThatImportsItAgain() throws IOException {
    edit("layout.ftlh", "</footer>", "</footer><!-- edited -->");
    SiteBuilder.Outcome edited = build();
    Map<String, byte[]> site = assertSameAsCleanBuild("after the layout");
    // The landing page, the 404 page and the pages at records' former addresses stand alone.
    long withLayout =
        count(
            site,
            path ->
                path.endsWith(".html")
                    && !path.equals("index.html")
                    && !path.equals("404.html")
                    && !new String(site.get(path), StandardCharsets.UTF_8)
                        .contains("http-equiv=\"refresh\""));
    assertTrue(withLayout > 300, "the pages of 40 records and their lists: " + withLayout);
    assertEquals(withLayout, edited.rendered(), "every page that imports the layout, only those");
    assertEquals(withLayout, edited.written());
  }

  @Test
  void anAssetIsCopiedAgainAlone() throws IOException {
    edit("assets/site.css", "}", "}\n/* edited */", 1);
    SiteBuilder.Outcome edited = build();
    assertSameAsCleanBuild("after the stylesheet");
    assertEquals(1, edited.rendered(), "the stylesheet alone");
    assertEquals(1, edited.written());
  }

  @Test
  void aTemplateIncludedInAnotherRendersThatOnesPagesAgain() throws IOException {
    Files.createDirectories(templates.resolve("parts"));
    Files.writeString(templates.resolve("parts/note.ftlh"), "<p class=\"note\">one</p>\n");
    edit("type.ftlh", "<h1>${label}</h1>", "<h1>${label}</h1>\n<#include \"parts/note.ftlh\">");
    SiteBuilder.Outcome added = build();
    assertEquals(added.files(), added.rendered(), "a template added renders everything");

    Files.writeString(templates.resolve("parts/note.ftlh"), "<p class=\"note\">two</p>\n");
    SiteBuilder.Outcome edited = build();
    Map<String, byte[]> site = assertSameAsCleanBuild("after the included template");
    long typePages = count(site, path -> path.matches("(ar|en)/types/[^/]+/index\\.html"));
    assertTrue(typePages >= 2, "a type's overview in each language: " + typePages);
    assertTrue(
        new String(site.get("en/types/visit/index.html"), StandardCharsets.UTF_8)
            .contains("<p class=\"note\">two</p>"),
        "the overview shows the edited part");
    assertEquals(typePages, edited.rendered(), "the pages of the template that includes it");
  }

  @Test
  void theStringsRenderEverythingAgain() throws IOException {
    edit("strings.yaml", "Timeline", "Chronology", 1);
    SiteBuilder.Outcome edited = build();
    assertSameAsCleanBuild("after the strings");
    assertEquals(edited.files(), edited.rendered(), "any file may show a string");
  }

  private void edit(String name, String from, String to) throws IOException {
    edit(name, from, to, Integer.MAX_VALUE);
  }

  /** Replaces the first {@code times} occurrences of {@code from}, which must be there. */
  private void edit(String name, String from, String to, int times) throws IOException {
    Path file = templates.resolve(name);
    String text = Files.readString(file);
    assertTrue(text.contains(from), name + " holds " + from);
    StringBuilder edited = new StringBuilder();
    int at = 0;
    for (int n = 0; n < times; n++) {
      int found = text.indexOf(from, at);
      if (found < 0) {
        break;
      }
      edited.append(text, at, found).append(to);
      at = found + from.length();
    }
    edited.append(text.substring(at));
    Files.writeString(file, edited.toString());
  }

  private SiteBuilder.Outcome build() throws IOException {
    return new SiteBuilder().buildReusing(options(out));
  }

  private SiteBuilder.Options options(Path where) {
    return new SiteBuilder.Options(content, templates, where, Optional.empty(), false, false);
  }

  private Map<String, byte[]> assertSameAsCleanBuild(String when) throws IOException {
    Path clean = Files.createTempDirectory(tmp, "clean-").resolve("site");
    SiteBuilder.Outcome outcome = new SiteBuilder().build(options(clean), false);
    assertTrue(outcome.ok(), when + ": " + outcome.problems());
    Map<String, byte[]> expected = ReusedBuildTest.read(clean);
    ReusedBuildTest.assertSame(expected, ReusedBuildTest.read(out), when);
    return expected;
  }

  private static long count(Map<String, byte[]> site, Predicate<String> which) {
    return site.keySet().stream().filter(which).count();
  }
}
