package org.briefing.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.build.SiteBuilder;
import org.briefing.i18n.Strings;
import org.briefing.model.Lang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Search and the timeline's filters in Chromium, running the real scripts on the seed site: the
 * Arabic folding and stemming of {@code assets/search.js} on words from the records, what readers
 * type and find, the address that keeps a search or a filter, and the texts the scripts write in
 * each language. Skipped without Chromium (failed under CI), like {@link ReaderBrowserTest}, whose
 * browser and server helpers it shares.
 */
class SearchAndFiltersBrowserTest {

  private static final Strings STRINGS = Strings.load(Path.of("templates", "strings.yaml"));
  private static final String EMIR_VISIT = "2025-01-30-qatar-emir-visits-damascus";

  private static Browser browser;
  private static SiteServer server;

  @BeforeAll
  static void start() throws IOException {
    browser = Browser.startOrSkip();
    server = new SiteServer(BuiltSite.root());
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

  // ---- the analysis, on words of the records ----------------------------------------------

  /**
   * Each pair: a word as a record writes it (checked to be in the records) and as a reader may type
   * it; search.js must index both as the same term.
   */
  @ParameterizedTest(name = "{0} is searched as {1} ({2})")
  @CsvSource({
    "أمير, امير, hamza on the alef",
    "الأسد, اسد, hamza and the article",
    "الإسلامية, اسلاميه, 'hamza, article, ta marbuta typed as ha'",
    "الدفاع, دفاع, the article",
    "والتحالف, تحالف, 'the conjunction wa- and the article'",
    "للدفاع, الدفاع, 'the preposition li- fused with the article'",
    "سوريا, سورية, the two spellings of Syria",
    "السورية, سوريا, 'the adjective, with its article'",
    "القطري, قطر, the nisba adjective",
    "اتفاقيات, اتفاقية, plural and singular",
    "وقّعت, وقعت, a shadda",
    "أُعلن, اعلن, a damma and the hamza",
    "رئيس, رييس, 'ئ typed as ي'",
    "موسى, موسي, 'alef maqsura typed as ya'",
    "الدفاع, الدفـــاع, tatweel",
    "2025, ٢٠٢٥, Arabic-Indic digits"
  })
  void arabicWordsAreIndexedAsReadersTypeThem(String inRecords, String typed, String why) {
    assertTrue(recordsContain(inRecords), inRecords + " should be a word of the records");
    openSearch("ar", "");
    List<String> a = browser.js("return briefingSearch.analyze(arguments[0]);", inRecords);
    List<String> b = browser.js("return briefingSearch.analyze(arguments[0]);", typed);
    assertEquals(1, a.size(), inRecords + " is one term: " + a);
    assertEquals(a, b, inRecords + " and " + typed + " (" + why + ")");
  }

  @ParameterizedTest(name = "{0} is not {1}")
  @CsvSource({"قطر, سوريا", "أمير, وزير", "الدفاع, الداخلية", "agreement, agent"})
  void differentWordsStayDifferent(String one, String other) {
    openSearch("ar", "");
    List<String> a = browser.js("return briefingSearch.analyze(arguments[0]);", one);
    List<String> b = browser.js("return briefingSearch.analyze(arguments[0]);", other);
    assertNotEquals(a, b);
  }

  @Test
  void englishWordsAreStemmed() {
    openSearch("en", "");
    assertEquals(
        List.of("agreement", "agreement", "visit", "visit", "turkiy", "turkiy"),
        browser.js(
            "return briefingSearch.analyze(arguments[0]);",
            "Agreements agreement visited visits Türkiye Turkiye"));
  }

  // ---- searching --------------------------------------------------------------------------

  @Test
  void anArabicQueryWithAnotherAlefFormAndNoArticleFindsItsRecord() {
    openSearch("ar", "");
    type("اسلامية");
    List<String> found = waitForResults();
    assertTrue(
        found.contains(
            "ar/engagements/2025-10-27-mei-report-syria-coalition-operational-agreements/index.html"),
        "اسلامية finds the record that writes الإسلامية: " + found);
    assertEquals("?q=" + "اسلامية", decodedSearch(), "typing keeps the query in the address");

    clearAndType("امير قطر");
    found = waitForResults();
    assertTrue(
        found.contains("ar/engagements/" + EMIR_VISIT + "/index.html"),
        "امير قطر finds «أمير قطر يزور دمشق»: " + found);
    assertEquals("?q=امير+قطر", decodedSearch());
  }

  @Test
  void aQueryInTheAddressRunsWhenThePageOpens() {
    openSearch("ar", "الدفاع المدني");
    List<String> found = waitForResults();
    assertTrue(
        found.contains("ar/engagements/2025-01-20-qatar-syria-civil-defence-agreement/index.html"),
        found.toString());
    assertEquals(
        "الدفاع المدني", browser.driver().findElement(By.id("search-q")).getAttribute("value"));
    String status = browser.driver().findElement(By.id("search-status")).getText();
    assertEquals(
        STRINGS.plural(Lang.AR, "engagements_count", found.size(), String.valueOf(found.size())),
        status,
        "the count of results, in Arabic");
    Map<String, Object> first =
        browser.js(
            "const r = document.querySelector('#search-results li');"
                + "return {dir: getComputedStyle(r.querySelector('h2 a')).direction,"
                + " time: r.querySelector('time').getAttribute('datetime'),"
                + " date: r.querySelector('time').textContent,"
                + " countries: r.querySelector('.result-countries').textContent,"
                + " summary: r.querySelector('.card-summary').textContent};");
    assertEquals("rtl", first.get("dir"), "Arabic results run right to left");
    assertFalse(((String) first.get("date")).isBlank(), first.toString());
    assertFalse(((String) first.get("summary")).isBlank(), first.toString());
    assertTrue(((String) first.get("countries")).contains("سوريا"), first.toString());
    String switchHref =
        browser.driver().findElement(By.cssSelector("a.lang-switch")).getAttribute("href");
    assertTrue(
        URLDecoder.decode(switchHref, StandardCharsets.UTF_8)
            .endsWith("en/search/index.html?q=الدفاع المدني"),
        "the language switch keeps the query: " + switchHref);
  }

  @Test
  void anActorIsFoundByItsNameInEitherLanguage() {
    String call = "2025-syria-turkey-interior-ministers-call";
    openSearch("ar", "Yerlikaya");
    List<String> found = waitForResults();
    assertTrue(
        found.contains("ar/engagements/" + call + "/index.html"),
        "the Turkish minister's English name finds the Arabic record: " + found);
    String text = read(Path.of("content", "engagements", call, "ar.md"));
    assertFalse(text.contains("Yerlikaya"), "the Arabic text writes the name only in Arabic");

    openSearch("en", "أنس خطاب");
    found = waitForResults();
    assertTrue(
        found.contains("en/engagements/" + call + "/index.html")
            && found.contains(
                "en/engagements/2025-04-syria-interior-minister-receives-lekhwiya-delegation/index.html"),
        "the minister's Arabic name finds his English records: " + found);
  }

  @Test
  void anEnglishQueryFindsOtherInflectionsOfItsWords() {
    openSearch("en", "");
    type("agreements");
    List<String> found = waitForResults();
    String civilDefence =
        "en/engagements/2025-01-20-qatar-syria-civil-defence-agreement/index.html";
    assertTrue(
        found.contains(civilDefence),
        "agreements finds «... sign a cooperation agreement»: " + found);
    String text =
        read(
            Path.of(
                "content",
                "engagements",
                "2025-01-20-qatar-syria-civil-defence-agreement",
                "en.md"));
    assertFalse(text.toLowerCase().contains("agreements"), "the record never writes «agreements»");
    assertTrue(decodedSearch().equals("?q=agreements"), decodedSearch());

    clearAndType("visited Damascus");
    assertTrue(waitForResults().contains("en/engagements/" + EMIR_VISIT + "/index.html"));
  }

  @Test
  void theHomePagesSearchFormOpensTheSearchPageWithTheQuery() {
    browser.open(server.url("ar/index.html"));
    WebElement input = browser.driver().findElement(By.id("home-q"));
    input.sendKeys("الدفاع");
    input.submit();
    List<String> found = waitForResults();
    assertEquals("/ar/search/index.html", browser.js("return location.pathname;"));
    assertEquals("?q=الدفاع", decodedSearch());
    assertTrue(
        found.contains("ar/engagements/2025-01-20-qatar-syria-civil-defence-agreement/index.html"),
        found.toString());
  }

  @Test
  void aSearchThatFindsNothingSaysSoInThePagesLanguage() {
    openSearch("en", "zanzibar");
    assertEquals(STRINGS.get(Lang.EN, "search_no_results"), waitForStatus());
    assertTrue(results().isEmpty());
    openSearch("ar", "زنجبار");
    assertEquals(STRINGS.get(Lang.AR, "search_no_results"), waitForStatus());
  }

  @Test
  void theNoticeForReadersWithoutJavaScriptIsGoneOnceSearchRuns() {
    openSearch("en", "");
    assertEquals(0L, (long) browser.js("return document.querySelectorAll('#search-nojs').length;"));
  }

  @Test
  void aPendingTranslationIsShownInItsOwnLanguageAndDirection(@TempDir Path dir)
      throws IOException {
    Path content = TestFiles.copyTree(Path.of("content"), dir.resolve("content"));
    Files.delete(content.resolve("engagements").resolve(EMIR_VISIT).resolve("en.md"));
    Path out = dir.resolve("site");
    SiteBuilder.Outcome outcome =
        new SiteBuilder()
            .build(
                new SiteBuilder.Options(
                    content, Path.of("templates"), out, Optional.empty(), false, false));
    assertTrue(outcome.ok(), outcome.problems().toString());
    try (SiteServer pending = new SiteServer(out)) {
      browser.open(pending.url("en/search/index.html?q=" + encode("أمير دمشق")));
      waitForResults();
      Map<String, Object> r =
          browser.js(
              "const a = [...document.querySelectorAll('#search-results h2 a')]"
                  + ".find(a => a.getAttribute('href').includes(arguments[0]));"
                  + "const li = a.closest('li'); const s = li.querySelector('.card-summary');"
                  + "return {href: a.getAttribute('href'), lang: a.lang, dir: a.dir, hreflang: a.hreflang,"
                  + " computed: getComputedStyle(a).direction, summaryLang: s.lang, summaryDir: s.dir,"
                  + " summaryComputed: getComputedStyle(s).direction,"
                  + " pending: (li.querySelector('.pending') || {}).textContent};",
              EMIR_VISIT);
      assertEquals("../../ar/engagements/" + EMIR_VISIT + "/index.html", r.get("href"));
      assertEquals("ar", r.get("lang"));
      assertEquals("rtl", r.get("dir"));
      assertEquals("ar", r.get("hreflang"));
      assertEquals(
          "rtl", r.get("computed"), "the Arabic title runs right to left on the English page");
      assertEquals("ar", r.get("summaryLang"));
      assertEquals("rtl", r.get("summaryComputed"));
      assertEquals(STRINGS.get(Lang.EN, "translation_pending"), r.get("pending"));
    }
  }

  @Test
  void countsAreWordedAsJavaWordsThemForEveryNumber() {
    for (Lang lang : Lang.values()) {
      openSearch(lang.code(), "");
      List<String> js =
          browser.js(
              "const t = JSON.parse(document.getElementById('search-status').dataset.text);"
                  + "const rules = new Intl.PluralRules(document.documentElement.lang);"
                  + "const out = []; for (let n = 0; n <= 1200; n++) {"
                  + "  out.push((t.counts[rules.select(n)] || t.counts.other).replace('{n}', String(n))); }"
                  + "return out;");
      for (int n = 0; n <= 1200; n++) {
        assertEquals(
            STRINGS.plural(lang, "engagements_count", n, String.valueOf(n)),
            js.get(n),
            lang + " " + n);
      }
    }
  }

  // ---- the filters: facets of the search index, from the timeline and on the search page ----

  @Test
  void theTimelinesFiltersOpenTheSearchPageWithTheRecordsTheyChoose() {
    browser.open(server.url("en/timeline/index.html"));
    List<String> expected = timelineCards(c -> c.split("\\|")[0].contains("so"));
    assertFalse(expected.isEmpty());
    new Select(browser.driver().findElement(By.id("filter-country"))).selectByValue("so");
    browser.driver().findElement(By.cssSelector("#timeline-filters button[type=submit]")).click();
    assertEquals(
        expected, waitForResults(), "the search page shows Somalia's records, newest first");
    assertEquals("/en/search/index.html", browser.js("return location.pathname;"));
    assertTrue(decodedSearch().contains("country=so"), decodedSearch());
    assertEquals(
        STRINGS.plural(Lang.EN, "engagements_count", expected.size(), "" + expected.size()),
        browser.driver().findElement(By.id("search-status")).getText());
  }

  @Test
  void openingAFilteredAddressRestoresTheFilters() {
    browser.open(server.url("ar/timeline/index.html"));
    List<String> expected =
        timelineCards(
            c ->
                (" " + c.split("\\|")[0] + " ").contains(" sy ")
                    && c.split("\\|")[1].equals("visit")
                    && c.split("\\|")[2].equals("2025"));
    assertFalse(expected.isEmpty());
    browser.open(server.url("ar/search/index.html?country=sy&type=visit&year=2025"));
    assertEquals(expected, waitForResults());
    assertEquals("sy", selected("filter-country"));
    assertEquals("visit", selected("filter-type"));
    assertEquals("2025", selected("filter-year"));
    String status = browser.driver().findElement(By.id("search-status")).getText();
    assertEquals(
        STRINGS.plural(Lang.AR, "engagements_count", expected.size(), "" + expected.size()),
        status,
        "the count is worded in Arabic");
    String switchHref =
        browser.driver().findElement(By.cssSelector("a.lang-switch")).getAttribute("href");
    assertTrue(
        switchHref.endsWith("en/search/index.html?country=sy&type=visit&year=2025"),
        "the language switch keeps the filters: " + switchHref);
    new Select(browser.driver().findElement(By.id("filter-type"))).selectByValue("");
    assertTrue(waitForResults().size() >= expected.size());
    assertEquals(
        "?country=sy&year=2025", decodedSearch(), "a change of filter is kept in the address");
  }

  @Test
  void aFilterThatMatchesNothingSaysSo() {
    browser.open(server.url("en/search/index.html?country=so&year=2024"));
    assertEquals(STRINGS.get(Lang.EN, "search_no_results"), waitForStatus());
    assertTrue(results().isEmpty());
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static void openSearch(String lang, String query) {
    browser.open(
        server.url(lang + "/search/index.html" + (query.isEmpty() ? "" : "?q=" + encode(query))));
  }

  private static String encode(String query) {
    return java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static void type(String text) {
    browser.driver().findElement(By.id("search-q")).sendKeys(text);
  }

  private static void clearAndType(String text) {
    WebElement input = browser.driver().findElement(By.id("search-q"));
    input.clear();
    input.sendKeys(text);
  }

  private static List<String> results() {
    return browser.js(
        "return [...document.querySelectorAll('#search-results h2 a')]"
            + ".map(a => new URL(a.href).pathname.slice(1));");
  }

  private static List<String> waitForResults() {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> results().isEmpty() ? null : results());
  }

  private static String waitForStatus() {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(
            d -> {
              String s = d.findElement(By.id("search-status")).getText();
              return s.isEmpty() ? null : s;
            });
  }

  private static String decodedSearch() {
    String search = browser.js("return location.search;");
    // percent-escapes decoded, '+' (a space in the query) left as it is
    return URLDecoder.decode(search.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The timeline's cards whose "countries|type|year" match, as the paths they link to. */
  private static List<String> timelineCards(java.util.function.Predicate<String> wanted) {
    List<List<String>> cards =
        browser.js(
            "return [...document.querySelectorAll('.timeline .card')]"
                + ".map(c => [c.dataset.countries + '|' + c.dataset.type + '|' + c.dataset.year,"
                + " new URL(c.querySelector('.card-title a').href).pathname.slice(1)]);");
    return cards.stream().filter(c -> wanted.test(c.get(0))).map(c -> c.get(1)).toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String selected(String id) {
    return new Select(browser.driver().findElement(By.id(id)))
        .getFirstSelectedOption()
        .getAttribute("value");
  }

  /** Whether a word occurs in the records' Arabic or English files. */
  private static boolean recordsContain(String word) {
    try (Stream<Path> files = Files.walk(Path.of("content", "engagements"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        if (Files.readString(file, StandardCharsets.UTF_8).contains(word)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
