package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.briefing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files of the templates folder make only some of the site's files, and which templates an
 * edit reaches through the imports and includes: a page the build does not render again after an
 * edit that reaches it would keep its old look.
 */
class TemplateSourcesTest {

  @TempDir Path tmp;

  @Test
  void pageTemplatesAndAssetsAreSourcesAndTheStringsAreNot() {
    assertTrue(TemplateSources.isSource("engagement.ftlh"));
    assertTrue(TemplateSources.isSource("parts/note.ftlh"));
    assertTrue(TemplateSources.isSource("assets/site.css"));
    assertTrue(TemplateSources.isSource("assets/fonts/noto-serif-400.woff2"));
    assertFalse(TemplateSources.isSource("strings.yaml"));
    assertFalse(TemplateSources.isSource("README.txt"));
    assertFalse(TemplateSources.isSource("ftlh"), "a name that only ends in the letters");
    assertFalse(TemplateSources.isSource("odd\nname.ftlh"), "a line break would split the key");
    assertFalse(TemplateSources.isSource("odd\rname.ftlh"));
    assertFalse(TemplateSources.isSource("\nname.ftlh"), "a line break first, too");
    assertFalse(TemplateSources.isSource("\rname.ftlh"));
  }

  @Test
  void importsAndIncludesAreFoundInEitherSyntaxAndResolvedBesideTheTemplate() {
    assertEquals(
        Optional.of(Set.of("layout.ftlh")),
        TemplateSources.named("type.ftlh", "<#import \"layout.ftlh\" as layout>\n<p>x</p>"));
    assertEquals(
        Optional.of(Set.of("parts/b.ftlh", "c.ftlh", "top.ftlh", "parts/d.ftlh")),
        TemplateSources.named(
            "parts/a.ftlh",
            "<#include \"b.ftlh\">[#include '../c.ftlh']<#import   \"/top.ftlh\" as t>"
                + "[#import \"./d.ftlh\" as d]"));
    assertEquals(Optional.of(Set.of()), TemplateSources.named("a.ftlh", "<p>no directive</p>"));
  }

  @Test
  void aNameMadeByAnExpressionOrAPatternCannotBeFollowed() {
    assertEquals(Optional.empty(), TemplateSources.named("a.ftlh", "<#include name>"));
    assertEquals(Optional.empty(), TemplateSources.named("a.ftlh", "<#include \"${name}.ftlh\">"));
    assertEquals(Optional.empty(), TemplateSources.named("a.ftlh", "<#import \"*/x.ftlh\" as x>"));
    assertEquals(
        Optional.empty(),
        TemplateSources.named("a.ftlh", "<#include \"b.ftlh\"><#include 'c' + \".ftlh\">"),
        "one such name is enough, wherever it stands");
  }

  @Test
  void anEditReachesEveryTemplateThatImportsItDirectlyOrThroughAnother() throws IOException {
    Path templates = Files.createDirectories(tmp.resolve("templates"));
    Files.writeString(templates.resolve("base.ftlh"), "<html><#nested></html>");
    Files.writeString(templates.resolve("layout.ftlh"), "<#import \"base.ftlh\" as b>");
    Files.writeString(templates.resolve("page.ftlh"), "<#import \"layout.ftlh\" as l>");
    Files.writeString(templates.resolve("other.ftlh"), "<#import \"layout.ftlh\" as l>");
    Files.writeString(templates.resolve("alone.ftlh"), "<p>alone</p>");
    Files.createDirectories(templates.resolve("assets"));
    Files.writeString(templates.resolve("assets/site.css"), "body{}");

    assertEquals(
        Optional.of(Set.of("base.ftlh", "layout.ftlh", "page.ftlh", "other.ftlh")),
        TemplateSources.touchedBy(templates, Set.of("base.ftlh")));
    assertEquals(
        Optional.of(Set.of("page.ftlh")),
        TemplateSources.touchedBy(templates, Set.of("page.ftlh")));
    assertEquals(
        Optional.of(Set.of("alone.ftlh", "assets/site.css")),
        TemplateSources.touchedBy(templates, Set.of("alone.ftlh", "assets/site.css")));

    Files.writeString(templates.resolve("alone.ftlh"), "<#include what>");
    assertEquals(
        Optional.empty(),
        TemplateSources.touchedBy(templates, Set.of("page.ftlh")),
        "a template that cannot be followed may use any other");
  }

  @Test
  void theKeyListsEachSourceAfterWhatEveryFileDependsOn() throws IOException {
    Path content = tmp.resolve("content");
    Files.createDirectories(content);
    Path templates = TestFiles.copyTree(SeedSite.TEMPLATES, tmp.resolve("templates"));
    String before = BuildInputs.key(options(content, templates), "program");
    String[] lines = before.split("\n");
    assertTrue(lines.length > 10, "a line for each template and asset: " + lines.length);
    assertTrue(before.contains(" engagement.ftlh\n"), before);
    assertTrue(before.contains(" assets/site.css\n"), before);
    assertFalse(before.contains("strings.yaml"), "the strings are in the first line's hash");

    Path engagement = templates.resolve("engagement.ftlh");
    Files.writeString(engagement, Files.readString(engagement) + "<#-- edited -->");
    Path css = templates.resolve("assets/site.css");
    Files.writeString(css, Files.readString(css) + "/* edited */");
    String edited = BuildInputs.key(options(content, templates), "program");
    assertEquals(lines[0], edited.split("\n")[0], "what every file depends on is the same");
    assertEquals(
        Optional.of(Set.of("engagement.ftlh", "assets/site.css")),
        BuildInputs.sourcesEdited(before, edited));
    assertEquals(Optional.of(Set.of()), BuildInputs.sourcesEdited(edited, edited));

    Path strings = templates.resolve("strings.yaml");
    Files.writeString(strings, Files.readString(strings) + "\n# edited\n");
    String words = BuildInputs.key(options(content, templates), "program");
    assertNotEquals(lines[0], words.split("\n")[0]);
    assertEquals(Optional.empty(), BuildInputs.sourcesEdited(edited, words));
    assertEquals(
        Optional.empty(),
        BuildInputs.sourcesEdited(edited, BuildInputs.key(options(content, templates), "other")),
        "another program");
  }

  @Test
  void everythingElseEveryFileDependsOnIsInTheFirstLine() throws IOException {
    Path content = Files.createDirectories(tmp.resolve("content"));
    Path templates = TestFiles.copyTree(SeedSite.TEMPLATES, tmp.resolve("templates"));
    String first = firstLine(BuildInputs.key(options(content, templates), "program"));
    Set<String> seen = new java.util.HashSet<>(Set.of(first));
    // Each option, each shared content file, and any other file of the templates folder, by its
    // name as well as its bytes.
    for (SiteBuilder.Options other :
        List.of(
            new SiteBuilder.Options(
                content, templates, tmp, Optional.of("https://x.example/"), false, false),
            new SiteBuilder.Options(content, templates, tmp, Optional.empty(), true, false),
            new SiteBuilder.Options(content, templates, tmp, Optional.empty(), false, true))) {
      assertTrue(seen.add(firstLine(BuildInputs.key(other, "program"))), other.toString());
    }
    Files.writeString(content.resolve("countries.yaml"), "QA: {en: Qatar, ar: قطر}\n");
    assertTrue(seen.add(firstLine(BuildInputs.key(options(content, templates), "program"))));
    Files.writeString(templates.resolve("notes.txt"), "the same bytes");
    assertTrue(seen.add(firstLine(BuildInputs.key(options(content, templates), "program"))));
    Files.move(templates.resolve("notes.txt"), templates.resolve("other.txt"));
    assertTrue(
        seen.add(firstLine(BuildInputs.key(options(content, templates), "program"))),
        "a file renamed");
  }

  @Test
  void aMissingTemplatesFolderHasNoSources() throws IOException {
    assertEquals(Map.of(), TemplateSources.hashes(tmp.resolve("missing")));
    assertEquals(
        Optional.of(Set.of("a.ftlh")),
        TemplateSources.touchedBy(tmp.resolve("missing"), Set.of("a.ftlh")));
  }

  private static String firstLine(String key) {
    return key.split("\n")[0];
  }

  @Test
  void aSourceAddedRemovedOrRenamedChangesEverything() {
    String key = "main\naaaa a.ftlh\nbbbb b.ftlh";
    assertEquals(
        Optional.of(Set.of("b.ftlh")),
        BuildInputs.sourcesEdited(key, "main\naaaa a.ftlh\ncccc b.ftlh"));
    assertEquals(Optional.empty(), BuildInputs.sourcesEdited(key, "main\naaaa a.ftlh"));
    assertEquals(
        Optional.empty(),
        BuildInputs.sourcesEdited(key, "main\naaaa a.ftlh\nbbbb b.ftlh\ncccc c.ftlh"));
    assertEquals(
        Optional.empty(), BuildInputs.sourcesEdited(key, "main\naaaa a.ftlh\nbbbb c.ftlh"));
    assertEquals(
        Optional.empty(), BuildInputs.sourcesEdited(key, "other\naaaa a.ftlh\nbbbb b.ftlh"));
    assertEquals(
        Optional.empty(),
        BuildInputs.sourcesEdited("0123abcd", key),
        "a state from before the sources were listed");
  }

  private static SiteBuilder.Options options(Path content, Path templates) {
    return new SiteBuilder.Options(
        content, templates, content.resolveSibling("out"), Optional.empty(), false, false);
  }
}
