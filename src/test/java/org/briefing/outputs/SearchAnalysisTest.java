package org.briefing.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.briefing.bench.CorpusGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search reads words by one definition: the index the build writes (SearchAnalysis, Java) and the
 * query the browser reads (assets/search.js, under Node.js) must give the same terms for every word
 * of the seed records and of a generated corpus, or a reader's query would miss records that
 * contain its words.
 */
class SearchAnalysisTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void theBuildAndTheBrowserReadEveryWordOfTheRecordsAlike() throws Exception {
    List<String> texts = new ArrayList<>(markdownOf(Path.of("content", "engagements")));
    int seed = texts.size();
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(300), tmp.resolve("corpus"));
    texts.addAll(markdownOf(tmp.resolve("corpus").resolve("engagements")));
    texts.add(
        "Türkiye's ministers; الدفـــاع، وَالأَمْنُ ٢٠٢٥ للدفاع موسى رئيس مؤتمر إسرائيل آلية ٱلله");
    texts.add(WAW_WORDS);
    assertTrue(
        seed >= 20 && texts.size() > 600, "both languages of the seed and 300 generated records");

    List<List<String>> browser = browserTerms(texts);
    SearchAnalysis analysis = SearchAnalysis.fresh();
    long words = 0;
    for (int i = 0; i < texts.size(); i++) {
      List<String> java = analysis.terms(texts.get(i));
      words += java.size();
      if (!java.equals(browser.get(i))) {
        int at = 0;
        while (at < java.size()
            && at < browser.get(i).size()
            && java.get(at).equals(browser.get(i).get(at))) {
          at++;
        }
        assertEquals(
            java.subList(at, Math.min(java.size(), at + 5)),
            browser.get(i).subList(at, Math.min(browser.get(i).size(), at + 5)),
            "text "
                + i
                + ": the build (expected) and the browser read word "
                + at
                + " differently");
      }
    }
    assertTrue(words > 100_000, "every word of the texts was compared: " + words);
  }

  @Test
  void aLetterBeyondTheBasicPlaneIsReadAsPartOfItsWord() {
    SearchAnalysis a = SearchAnalysis.fresh();
    // U+10000, the first code point past the plane the table of letters covers: Linear B
    String beyond = new String(Character.toChars(0x10000));
    List<String> terms = a.terms("x" + beyond + "z, " + beyond);
    assertEquals(2, terms.size(), terms.toString());
    assertTrue(terms.get(0).contains(beyond), terms.toString());
    assertEquals(beyond, terms.get(1));
    // a word of such letters longer than the reader's first buffer (two chars each)
    assertEquals(List.of(beyond.repeat(40)), a.terms(beyond.repeat(40) + "."));
  }

  @Test
  void wordsAreFoundHoweverReadersWriteThem() {
    SearchAnalysis a = SearchAnalysis.fresh();
    assertEquals(a.terms("الأمن"), a.terms("امن"), "hamza and the article");
    assertEquals(a.terms("إسلامية"), a.terms("اسلاميه"), "hamza below, ta marbuta typed as ha");
    assertEquals(a.terms("سفيرها"), a.terms("السفير"), "an attached pronoun and the article");
    assertEquals(a.terms("مُؤتمَر"), a.terms("موتمر"), "diacritics and hamza on waw");
    assertEquals(a.terms("مستشفى"), a.terms("مستشفي"), "alef maqsura typed as ya");
    assertEquals(a.terms("الدفـــاع"), a.terms("دفاع"), "tatweel");
    assertEquals(a.terms("agreements signed"), a.terms("agreement signing"), "English endings");
    assertEquals(List.of("2025"), a.terms("٢٠٢٥"), "Arabic-Indic digits");
    assertEquals(
        a.terms("الوزير"),
        a.terms("\uFE8D\uFEDF\uFEEE\uFEAF\uFEF3\uFEAD"),
        "Arabic presentation forms, as text copied from some PDFs has them");
    assertEquals(a.terms("minister"), a.terms("ＭＩＮＩＳＴＥＲ"), "full-width Latin letters");
    assertEquals(
        a.terms("الوزير والوزارة"),
        SearchAnalysis.rules().terms("الوزير والوزارة"),
        "the rules every build shares read as a fresh copy does");
  }

  /** Words whose first letter is, or only looks like, the conjunction «و». */
  private static final String WAW_WORDS =
      "وزير الوزير والوزير ووزير وزيرة الوزيرة وزراء الوزراء وزارة الوزارة والوزارة وزارات"
          + " وَزارةُ الولايات ولايات وفد الوفد ووفد والتدريب التدريب بالتعاون التعاون وقطر قطر"
          + " وتركيا تركيا وزار زار";

  @Test
  void aWordThatBeginsWithWawIsNotReadAsTheConjunction() {
    SearchAnalysis a = SearchAnalysis.fresh();
    // the minister, the ministry, the states: the و is the word's own
    for (String w : List.of("الوزير", "والوزير", "ووزير")) {
      assertEquals(a.terms("وزير"), a.terms(w), w + " is found by «وزير»");
    }
    assertEquals(a.terms("وزيرة"), a.terms("الوزيرة"));
    assertEquals(a.terms("وزراء"), a.terms("الوزراء"));
    for (String w : List.of("الوزارة", "والوزارة", "وزارات", "وَزارةُ")) {
      assertEquals(a.terms("وزارة"), a.terms(w), w + " is found by «وزارة»");
    }
    assertEquals(a.terms("ولايات"), a.terms("الولايات"), "the United States");
    assertEquals(a.terms("وفد"), a.terms("الوفد"));
    assertEquals(a.terms("وفد"), a.terms("ووفد"), "and a delegation");
    // where the و is the conjunction, it is still stripped
    assertEquals(a.terms("التدريب"), a.terms("والتدريب"));
    assertEquals(a.terms("تعاون"), a.terms("بالتعاون"));
    assertEquals(a.terms("قطر"), a.terms("وقطر"));
    assertEquals(a.terms("تركيا"), a.terms("وتركيا"));
    assertEquals(a.terms("زار"), a.terms("وزار"), "and he visited: not the ministry");
    assertTrue(!a.terms("وزارة").equals(a.terms("زار")), "the ministry is not a visit");
    assertTrue(!a.terms("وزير").equals(a.terms("زير")), "the minister is not «زير»");
  }

  /** The terms assets/search.js gives each text, run under Node.js. */
  private List<List<String>> browserTerms(List<String> texts) throws Exception {
    boolean hasNode = onPath("node");
    // CI installs Node.js (.ci/run): there, a missing one is a failure, not a skipped check.
    assertTrue(hasNode || !underCi(), "Node.js is needed to run assets/search.js, and CI has none");
    Assumptions.assumeTrue(hasNode, "Node.js is needed to run assets/search.js");
    Path script = tmp.resolve("analyze.js");
    Files.writeString(
        script,
        String.join(
            "\n",
            "const fs = require('fs');",
            "global.window = {};",
            "global.document = { getElementById: () => null };",
            "require(process.argv[2]);",
            "if (!window.briefingAnalysis) throw new Error('the script set no rules');",
            "require(process.argv[3]);",
            "const texts = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'));",
            "fs.writeFileSync(process.argv[5], JSON.stringify(texts.map(t => window.briefingSearch.analyze(t))));"));
    Path in = tmp.resolve("texts.json");
    Path out = tmp.resolve("terms.json");
    JSON.writeValue(in.toFile(), texts);
    // The rules as the site carries them for the browser: the script the build writes.
    Path table = tmp.resolve("search-analysis.js");
    Files.write(table, SearchAnalysis.fresh().script());
    Process node =
        new ProcessBuilder(
                "node",
                script.toString(),
                table.toAbsolutePath().toString(),
                Path.of("templates", "assets", "search.js").toAbsolutePath().toString(),
                in.toString(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
    assertEquals(0, node.exitValue(), output);
    return JSON.readValue(out.toFile(), new TypeReference<List<List<String>>>() {});
  }

  private static List<String> markdownOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<String> out = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        out.add(Files.readString(f, StandardCharsets.UTF_8));
      }
      return out;
    }
  }

  private static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || "true".equalsIgnoreCase(System.getenv("GITHUB_ACTIONS"));
  }

  private static boolean onPath(String program) {
    try {
      return new ProcessBuilder(program, "--version").start().waitFor(30, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
