package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.briefing.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview after an edit to a page template or an asset, as a designer makes them: only the
 * files made from it are written again, the open pages among them told to reload, and the folder is
 * what a clean build with those templates writes. The strings, or a template added, rebuild all.
 */
class PreviewTemplateEditsTest {

  @TempDir Path tmp;

  private Path content;
  private Path templates;
  private Path preview;
  private IncrementalBuilder builder;
  private int siteFiles;

  @BeforeEach
  void previewed() throws IOException {
    content = SeedSite.copyOfContent(tmp);
    templates = TestFiles.copyTree(SeedSite.TEMPLATES, tmp.resolve("templates"));
    preview = tmp.resolve("preview");
    builder =
        new IncrementalBuilder(
            new SiteBuilder.Options(content, templates, preview, Optional.empty(), false, false));
    siteFiles = builder.full().files();
  }

  @Test
  void theRecordPageTemplateRewritesTheRecordPagesOnly() throws IOException {
    Path engagement = edit("engagement.ftlh", "</article>", "</article><hr>");
    Set<String> told = new HashSet<>();
    IncrementalBuilder.Outcome outcome = builder.update(Set.of(engagement), told::addAll);

    assertTrue(outcome.ok(), outcome.problems().toString());
    assertTrue(outcome.incremental(), "not a full build");
    Map<String, byte[]> expected = assertSameAsCleanBuild("after the record page's template");
    Set<String> recordPages = new HashSet<>();
    for (var file : expected.entrySet()) {
      // A record's former address is a page of its own template, which sends readers on.
      boolean alias =
          new String(file.getValue(), StandardCharsets.UTF_8).contains("http-equiv=\"refresh\"");
      if (file.getKey().matches("(ar|en)/engagements/[^/]+/index\\.html") && !alias) {
        recordPages.add(file.getKey());
      }
    }
    assertTrue(recordPages.size() >= 20, "the seed records' pages: " + recordPages.size());
    assertEquals(recordPages.size(), outcome.files(), "the record pages, and only those");
    assertEquals(recordPages, told, "each told to the open pages");
  }

  @Test
  void theStylesheetIsCopiedAgainAlone() throws IOException {
    Path css = edit("assets/site.css", "}", "}\n/* edited */");
    IncrementalBuilder.Outcome outcome = builder.update(Set.of(css));
    assertTrue(outcome.incremental());
    assertEquals(1, outcome.files());
    assertSameAsCleanBuild("after the stylesheet");

    // And again, the preview now knowing the edited one.
    Path layout = edit("layout.ftlh", "</footer>", "</footer><!-- edited -->");
    IncrementalBuilder.Outcome next = builder.update(Set.of(layout));
    assertTrue(next.incremental());
    assertTrue(next.files() > siteFiles / 3, "every page that imports the layout: " + next.files());
    assertSameAsCleanBuild("after the layout");
  }

  @Test
  void anEditorsOwnFilesBesideTheTemplateAreLeftOut() throws IOException {
    // sed -i writes a file of its own and renames it over the template; vim keeps a swap file
    // and a backup beside it. The watcher reports them all with the template.
    Path engagement = edit("engagement.ftlh", "</article>", "</article><hr>");
    Path gone = templates.resolve("sedX1y2Z3");
    Path swap = Files.writeString(templates.resolve(".engagement.ftlh.swp"), "vim");
    Path backup = Files.writeString(templates.resolve("engagement.ftlh~"), "old");
    IncrementalBuilder.Outcome outcome = builder.update(Set.of(engagement, gone, swap, backup));
    assertTrue(outcome.incremental(), "the template's pages only");
    assertTrue(outcome.files() < siteFiles / 4, outcome.files() + " of " + siteFiles);
    assertSameAsCleanBuild("after a save through an editor's files");

    IncrementalBuilder.Outcome alone = builder.update(Set.of(swap, gone));
    assertTrue(alone.incremental());
    assertEquals(0, alone.files(), "nothing the site shows changed");

    Path notes = Files.writeString(templates.resolve("notes.txt"), "beside the templates");
    builder.full();
    Files.delete(notes);
    IncrementalBuilder.Outcome removed = builder.update(Set.of(notes));
    assertFalse(removed.incremental(), "a file the last build saw, gone: a template may read it");
    assertTrue(removed.ok(), removed.problems().toString());
  }

  @Test
  void theStringsOrATemplateAddedRebuildEverything() throws IOException {
    Path strings = edit("strings.yaml", "{en: Timeline,", "{en: Chronology,");
    IncrementalBuilder.Outcome words = builder.update(Set.of(strings));
    assertFalse(words.incremental(), "any file may show a string");
    assertEquals(siteFiles, words.files());
    assertSameAsCleanBuild("after the strings");

    Path added = Files.writeString(templates.resolve("assets/extra.css"), "p{}");
    IncrementalBuilder.Outcome asset = builder.update(Set.of(added));
    assertFalse(asset.incremental(), "a file the site gains");
    assertSameAsCleanBuild("after an asset added");
  }

  @Test
  void aBrokenTemplateLeavesThePreviewToTheNextSave() throws IOException {
    Path engagement = templates.resolve("engagement.ftlh");
    String good = Files.readString(engagement);
    Files.writeString(engagement, good + "<#if>");
    try {
      builder.update(Set.of(engagement));
    } catch (RuntimeException e) {
      // the preview shows the template's problem (Rebuilds); the next save tries again
    }
    Files.writeString(engagement, good.replace("</article>", "</article><hr>"));
    IncrementalBuilder.Outcome fixed = builder.update(Set.of(engagement));
    assertTrue(fixed.ok(), fixed.problems().toString());
    assertSameAsCleanBuild("after the template was mended");
  }

  private Path edit(String name, String from, String to) throws IOException {
    Path file = templates.resolve(name);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), name + " holds " + from);
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    return file;
  }

  private Map<String, byte[]> assertSameAsCleanBuild(String when) throws IOException {
    Path clean = Files.createTempDirectory(tmp, "clean-").resolve("site");
    SiteBuilder.Outcome outcome =
        new SiteBuilder()
            .build(
                new SiteBuilder.Options(content, templates, clean, Optional.empty(), false, false),
                false);
    assertTrue(outcome.ok(), when + ": " + outcome.problems());
    Map<String, byte[]> expected = ReusedBuildTest.read(clean);
    ReusedBuildTest.assertSame(expected, ReusedBuildTest.read(preview), when);
    return expected;
  }
}
