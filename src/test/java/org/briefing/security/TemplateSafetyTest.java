package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.briefing.i18n.TemplateProblemException;
import org.briefing.render.TemplateEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates are trusted and reviewed, and the configuration keeps them that way: every template
 * auto-escapes, only the rendered Markdown body is inserted unescaped, templates cannot create Java
 * objects or reach behind values, and no record text is ever read as a template.
 */
class TemplateSafetyTest {

  static final Path TEMPLATES = Path.of("templates");

  // ---- every template auto-escapes ----

  @Test
  void everyTemplateIsAnAutoEscapedFtlhFile() throws IOException {
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String rel = TEMPLATES.relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean template = name.matches(".*\\.(ftl|ftlh|ftlx|html?|xhtml|xml|tpl|vm|mustache)$");
        if (template && !name.endsWith(".ftlh")) {
          wrong.add(rel + " (only .ftlh templates escape HTML by default)");
        } else if (!template && !rel.startsWith("assets/") && !name.endsWith(".yaml")) {
          wrong.add(rel + " (not a template, strings file or asset)");
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(ftlh().size() >= 5, "the templates were found: " + ftlh());
  }

  @Test
  void noTemplateTurnsEscapingOffOrEvaluatesText() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : ftlh()) {
      found.addAll(
          escapeProblems(
              file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theMarkdownBodyIsTheOneValueInsertedUnescaped() throws IOException {
    long uses = 0;
    for (Path file : ftlh()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      uses += Pattern.compile("\\$\\{bodyHtml\\?no_esc}").matcher(text).results().count();
    }
    assertEquals(1, uses, "engagement.ftlh inserts the rendered body once");
    String brief = Files.readString(TEMPLATES.resolve("brief.ftlh"), StandardCharsets.UTF_8);
    assertEquals(
        1,
        Pattern.compile("\\$\\{introHtml\\?no_esc}").matcher(brief).results().count(),
        "brief.ftlh inserts the editors' rendered introduction once");
  }

  /** The audit must catch what it looks for, or a passing run means nothing. */
  @Test
  void theAuditCatchesEveryWayOfTurningEscapingOff() {
    Map<String, String> bad =
        Map.ofEntries(
            Map.entry("no_esc on a title", "${ctx.title?no_esc}"),
            Map.entry("camelCase noEsc", "${card.summary?noEsc}"),
            Map.entry("spaced no_esc", "${ s.title ? no_esc }"),
            Map.entry("square-bracket interpolation", "[=ctx.title?no_esc]"),
            Map.entry("no_esc on an expression", "${(a + b)?no_esc}"),
            Map.entry("noautoesc", "<#noautoesc>${x}</#noautoesc>"),
            Map.entry("noAutoEsc", "<#noAutoEsc>${x}</#noAutoEsc>"),
            Map.entry("square-bracket noautoesc", "[#noautoesc]${x}[/#noautoesc]"),
            Map.entry("outputformat", "<#outputformat \"plainText\">${x}</#outputformat>"),
            Map.entry("ftl header", "<#ftl output_format=\"plainText\">"),
            Map.entry("ftl auto_esc", "<#ftl auto_esc=false>"),
            Map.entry("markup_string", "${x?markup_string}"),
            Map.entry("interpret", "<@card.summary?interpret />"),
            Map.entry("eval", "${card.title?eval}"),
            Map.entry("eval_json", "${card.title?eval_json}"),
            Map.entry("new", "${\"freemarker.template.utility.Execute\"?new()(\"id\")}"),
            Map.entry("api", "${x?api.getClass()}"),
            Map.entry("dynamic include", "<#include card.title>"),
            Map.entry("dynamic import", "<#import ctx.l as l>"),
            Map.entry("bodyHtml reassigned", "<#assign bodyHtml = ctx.title>${bodyHtml?no_esc}"),
            Map.entry(
                "bodyHtml as a loop variable", "<#list xs as bodyHtml>${bodyHtml?no_esc}</#list>"));
    bad.forEach(
        (what, template) ->
            assertFalse(
                escapeProblems("t.ftlh", template).isEmpty(),
                "the audit misses " + what + ": " + template));
    assertEquals(
        List.of(),
        escapeProblems(
            "t.ftlh",
            "<#import \"layout.ftlh\" as layout>${ctx.title}${bodyHtml?no_esc}<#-- no_esc -->"));
  }

  private static final Pattern NO_ESC =
      Pattern.compile("\\?\\s*no_?esc\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern DIRECTIVE_OFF =
      Pattern.compile(
          "[<\\[]#\\s*(no_?auto_?esc|output_?format|auto_?esc)\\b"
              + "|[<\\[]#ftl\\b[^>\\]]*\\b(output_?format|auto_?esc)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BUILT_IN_OFF =
      Pattern.compile(
          "\\?\\s*(markup_?string|interpret|eval|eval_?json|new|api|has_?api)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INCLUDE =
      Pattern.compile("[<\\[]#\\s*(include|import)\\s+([^\\s>\\]]+)", Pattern.CASE_INSENSITIVE);

  /** Markdown the safe renderer made: a record's body, a monthly brief's introduction. */
  private static final Pattern BODY_HTML = Pattern.compile("bodyHtml|introHtml");

  /** What in {@code text} turns escaping off, or makes text into a template. */
  static List<String> escapeProblems(String name, String text) {
    String code = text.replaceAll("(?s)<#--.*?-->|\\[#--.*?--]", "");
    List<String> found = new ArrayList<>();
    Matcher noEsc = NO_ESC.matcher(code);
    while (noEsc.find()) {
      String before = code.substring(Math.max(0, noEsc.start() - 12), noEsc.start());
      boolean body =
          (before.endsWith("{bodyHtml") || before.endsWith("{introHtml"))
              && code.startsWith("}", noEsc.end());
      if (!body) {
        found.add(
            name
                + ": ?no_esc on something other than ${bodyHtml}: ..."
                + before
                + code.substring(noEsc.start(), Math.min(code.length(), noEsc.end() + 1)));
      }
    }
    Matcher body = BODY_HTML.matcher(code);
    while (body.find()) {
      if (!code.startsWith("${" + body.group() + "?no_esc}", body.start() - 2)) {
        found.add(
            name + ": " + body.group() + " used other than as ${" + body.group() + "?no_esc}");
      }
    }
    DIRECTIVE_OFF
        .matcher(code)
        .results()
        .forEach(m -> found.add(name + ": directive turns escaping off: " + m.group()));
    BUILT_IN_OFF
        .matcher(code)
        .results()
        .forEach(m -> found.add(name + ": built-in not allowed: " + m.group()));
    INCLUDE
        .matcher(code)
        .results()
        .filter(m -> !m.group(2).startsWith("\""))
        .forEach(m -> found.add(name + ": include or import of a computed name: " + m.group()));
    return found;
  }

  private static List<Path> ftlh() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.filter(p -> p.toString().endsWith(".ftlh")).sorted().toList();
    }
  }

  // ---- the configuration: through the real TemplateEngine ----

  private static TemplateEngine engineWith(Path dir, String name, String template)
      throws IOException {
    Files.writeString(dir.resolve(name), template, StandardCharsets.UTF_8);
    return new TemplateEngine(dir.toFile());
  }

  @Test
  void theEngineRendersAnOrdinaryTemplateAndEscapesIt(@TempDir Path dir) throws IOException {
    TemplateEngine engine = engineWith(dir, "ok.ftlh", "${1 + 1} ${v}");
    assertEquals("2 &lt;b&gt;&quot;&#39;&amp;", engine.render("ok.ftlh", Map.of("v", "<b>\"'&")));
  }

  @Test
  void theNewBuiltInCannotMakeAnyClass(@TempDir Path dir) throws IOException {
    for (String type :
        List.of(
            "freemarker.template.utility.Execute",
            "freemarker.template.utility.ObjectConstructor",
            "freemarker.template.utility.JythonRuntime",
            "java.lang.ProcessBuilder")) {
      TemplateEngine engine =
          engineWith(dir, "new.ftlh", "<#assign x = \"" + type + "\"?new()>${x(\"id\")}");
      TemplateProblemException e =
          assertThrows(
              TemplateProblemException.class, () -> engine.render("new.ftlh", Map.of()), type);
      assertTrue(e.problems().get(0).message().contains(type), e.problems().toString());
    }
  }

  @Test
  void theApiBuiltInIsOff(@TempDir Path dir) throws IOException {
    TemplateEngine engine = engineWith(dir, "api.ftlh", "${m?api.getClass().getName()}");
    TemplateProblemException e =
        assertThrows(
            TemplateProblemException.class,
            () -> engine.render("api.ftlh", Map.of("m", new HashMap<>(Map.of("a", "b")))));
    assertTrue(e.problems().get(0).message().contains("api"), e.problems().toString());
  }

  // ---- no record text is ever a template ----

  private static final String HOSTILE =
      "${7*7} #{7*7} [=7*7] <#assign x=1>[#assign y=2]"
          + " \"><script>alert(1)</script> ' onmouseover='alert(1)";

  @Test
  void recordTextStaysLiteralOnTheBuiltPages(@TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    String yaml = HOSTILE.replace("'", "''");
    site.record(
        Fixture.ID,
        Fixture.FACTS
            .replace("Example title", "'" + yaml + "'")
            .replace("Syrian Civil Defence", "'" + yaml + "'")
            .replace("The date was corrected.", "'" + yaml + "'"),
        "---\ntitle: '"
            + yaml
            + "'\nsummary: '"
            + yaml
            + "'\n---\n"
            + HOSTILE
            + "\n\n<#include \"layout.ftlh\">\n",
        Fixture.AR);
    assertBuilds(site, tmp.resolve("out"));

    Path page = tmp.resolve("out/en/engagements/" + Fixture.ID + "/index.html");
    String html = Files.readString(page, StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(html);
    assertEquals(List.of(), HtmlSafety.activeProblems(doc));
    assertEquals(HOSTILE, doc.selectFirst("h1").text());
    assertEquals(HOSTILE, doc.selectFirst("meta[name=description]").attr("content"));
    assertTrue(doc.title().startsWith(HOSTILE), doc.title());
    String text = doc.body().text();
    for (String literal :
        List.of(
            "${7*7}",
            "#{7*7}",
            "[=7*7]",
            "<#assign x=1>",
            "[#assign y=2]",
            "<#include \"layout.ftlh\">")) {
      assertTrue(text.contains(literal), literal + " in " + text);
    }
    assertFalse(text.contains("49"), "an expression was evaluated: " + text);
  }

  private static void assertBuilds(Fixture site, Path out) throws IOException {
    var outcome = site.build(out);
    assertTrue(outcome.ok(), () -> outcome.problems().toString());
  }
}
