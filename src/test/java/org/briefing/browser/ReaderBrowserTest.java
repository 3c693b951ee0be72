package org.briefing.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Actions;

/**
 * The seed site in a real browser, as readers meet it: Debian's Chromium, headless, reading the
 * pages over http from 127.0.0.1. For each kind of page, in Arabic and English: the direction of
 * the text, no sideways scrolling on a phone or a laptop, the language switch, the keyboard path
 * (skip link, visible focus, every link reachable), axe-core's WCAG 2.1 AA rules, nothing loaded
 * from another host, and the page's weight. Screenshots of every page at both widths go to {@code
 * target/screenshots/}.
 *
 * <p>One browser and one server serve the whole class. Without Chromium the tests are skipped (with
 * the command that installs it); under CI they fail instead.
 */
class ReaderBrowserTest {

  /** A phone and a laptop, as CSS pixels. */
  private static final int[][] VIEWPORTS = {{360, 740}, {1280, 800}};

  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final long BUDGET_BYTES = PageWeightTest.BUDGET_BYTES;
  private static final int MAX_SCREENSHOT_HEIGHT = 8000;
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** At most this much font for one page, in whatever scripts it shows (100 KiB). */
  static final long FONT_BUDGET_BYTES = PageWeightTest.FONT_BUDGET_BYTES;

  private static SiteServer server;
  private static Browser browser;

  /**
   * One page to visit: its language, its path below the language folder, a short name for its
   * screenshots, and a query string ("" for none).
   */
  record Page(String lang, String path, String name, String query) {
    String file() {
      return lang + "/" + path;
    }

    /** The address below the site's root, with the query that fills the page, if any. */
    String address() {
      return file() + query;
    }

    String counterpartFile() {
      return ("ar".equals(lang) ? "en" : "ar") + "/" + path;
    }

    String dir() {
      return "ar".equals(lang) ? "rtl" : "ltr";
    }

    @Override
    public String toString() {
      return file();
    }
  }

  /**
   * Home, timeline, a country, a pair, a type, an engagement, search and a monthly brief, in both
   * languages.
   */
  static Stream<Page> pages() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("home", "index.html");
    kinds.put("timeline", "timeline/index.html");
    kinds.put("country-sy", "countries/sy/index.html");
    kinds.put("pair-qa-sy", "pairs/qa-sy/index.html");
    kinds.put("type-agreement", "types/agreement/index.html");
    kinds.put(
        "engagement", "engagements/2025-01-20-qatar-syria-civil-defence-agreement/index.html");
    kinds.put("search", "search/index.html");
    kinds.put("brief", "briefs/2025-04/index.html"); // the month with an editors' introduction
    List<Page> pages = new ArrayList<>();
    for (String lang : List.of("ar", "en")) {
      kinds.forEach(
          (name, path) -> {
            // the search page is checked with a query's results on it, as readers use it
            String query =
                !"search".equals(name)
                    ? ""
                    : "?q="
                        + URLEncoder.encode(
                            "ar".equals(lang) ? "قطر" : "Qatar", StandardCharsets.UTF_8);
            // every kind is listed whether or not it was built: a missing page fails
            // everyListedPageExistsInTheBuiltSite instead of silently dropping its checks
            pages.add(new Page(lang, path, name, query));
          });
    }
    return pages.stream();
  }

  /** Every page with the site's fonts and without them. */
  static Stream<Arguments> pagesInBothFonts() {
    return pages()
        .flatMap(page -> Stream.of(Browser.Fonts.values()).map(fonts -> Arguments.of(page, fonts)));
  }

  /** Every page in the light and the dark scheme. */
  static Stream<Arguments> pagesInBothSchemes() {
    return pages()
        .flatMap(
            page -> Stream.of(Browser.Scheme.values()).map(scheme -> Arguments.of(page, scheme)));
  }

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

  /** Restores what a test may have changed: the fonts the run asks for, the light scheme. */
  @AfterEach
  void resetFontsAndScheme() {
    if (browser != null) {
      browser.fonts(Browser.Fonts.fromProperty());
      browser.scheme(Browser.Scheme.LIGHT);
    }
  }

  private static void open(Page page, int width, int height) {
    browser.viewport(width, height);
    browser.open(server.url(page.address()));
    assertEquals(
        List.of((long) width, (long) height),
        browser.viewportSize(),
        page + ": the viewport's size");
  }

  /** Opens the page and makes sure it is drawn with the fonts asked for. */
  private static void open(Page page, int width, int height, Browser.Fonts fonts) {
    open(page, width, height);
    Map<String, Object> m =
        browser.js(
            "return {loaded: [...document.fonts].filter(f => f.status === 'loaded').length,"
                + " body: getComputedStyle(document.body).fontFamily};");
    if (fonts == Browser.Fonts.FALLBACK) {
      assertEquals(0L, m.get("loaded"), page + ": a web font arrived although blocked");
      assertTrue(
          ((String) m.get("body")).startsWith("\"DejaVu Sans\""),
          page + ": the fallback face is not set: " + m.get("body"));
    } else {
      assertTrue((Long) m.get("loaded") > 0, page + ": none of the site's fonts arrived");
    }
  }

  @Test
  void everyListedPageExistsInTheBuiltSite() {
    for (Page page : pages().toList()) {
      assertTrue(BuiltSite.exists(page.file()), "missing " + page.file());
    }
  }

  @Test
  void arabicCitedTitlesStayUprightOnPagesOfEitherLanguage() {
    // Arabic has no italics: a source's Arabic title is set upright on the English page too.
    for (String lang : List.of("ar", "en")) {
      browser.open(
          server.url(
              lang + "/engagements/2025-01-20-qatar-syria-civil-defence-agreement/index.html"));
      List<String> styles =
          browser.js(
              "return [...document.querySelectorAll('cite, em, i')]"
                  + ".filter(e => e.closest('[lang]').lang === 'ar')"
                  + ".map(e => getComputedStyle(e).fontStyle);");
      assertTrue(!styles.isEmpty(), lang + ": the record cites an Arabic source by title");
      assertEquals(List.of("normal"), styles.stream().distinct().toList(), lang + ": " + styles);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void thePageAndItsMainContentRunInTheLanguagesDirection(Page page) {
    open(page, 1280, 800);
    List<String> dirs =
        browser.js(
            "return [getComputedStyle(document.documentElement).direction,"
                + " getComputedStyle(document.querySelector('main')).direction,"
                + " document.documentElement.lang];");
    assertEquals(
        List.of(page.dir(), page.dir(), page.lang()),
        dirs,
        page + ": computed direction of <html>, of <main>, and lang");
  }

  @ParameterizedTest(name = "{0}, {1} fonts")
  @MethodSource("pagesInBothFonts")
  void thePageNeverScrollsSidewaysOnAPhoneOrALaptop(Page page, Browser.Fonts fonts) {
    browser.fonts(fonts);
    List<String> overflowing = new ArrayList<>();
    for (int[] size : VIEWPORTS) {
      open(page, size[0], size[1], fonts);
      Map<String, Object> m =
          browser.js(
              "const d = document.documentElement;"
                  + "const wide = [...document.querySelectorAll('body *')].filter(e => {"
                  + "  const r = e.getBoundingClientRect();"
                  + "  return r.width > 0 && (r.right > d.clientWidth + 1 || r.left < -1); })"
                  + "  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));"
                  + "return {scroll: d.scrollWidth, client: d.clientWidth, wide: wide.join(', ')};");
      long scroll = (Long) m.get("scroll");
      long client = (Long) m.get("client");
      if (scroll > client) {
        overflowing.add(
            size[0]
                + "px: scrollWidth "
                + scroll
                + " > clientWidth "
                + client
                + " (widest: "
                + m.get("wide")
                + ")");
      }
    }
    assertTrue(
        overflowing.isEmpty(), page + " with " + fonts + " fonts scrolls sideways: " + overflowing);
  }

  /**
   * Chart labels, with the site's fonts and with a wide fallback face: none is cut off by its chart
   * or the page's edge, and no two labels of a chart touch (as "20252024" once did).
   */
  @ParameterizedTest(name = "{0}, {1} fonts")
  @MethodSource("pagesInBothFonts")
  void noChartLabelIsCutOffOrRunsIntoAnotherOnAPhoneOrALaptop(Page page, Browser.Fonts fonts) {
    browser.fonts(fonts);
    List<String> cut = new ArrayList<>();
    List<String> touching = new ArrayList<>();
    for (int[] size : VIEWPORTS) {
      open(page, size[0], size[1], fonts);
      List<String> pairs =
          browser.js(
              "const out = [];"
                  + "for (const svg of document.querySelectorAll('svg')) {"
                  // a map name's pale halo is a second copy drawn under it on purpose
                  + "  const rs = [...svg.querySelectorAll('text:not(.halo)')].map(t => [t.textContent, t.getBoundingClientRect()])"
                  + "    .filter(([, r]) => r.width > 0);"
                  + "  for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) {"
                  + "    const [a, r] = rs[i], [b, q] = rs[j];"
                  + "    if (r.left < q.right - 0.5 && q.left < r.right - 0.5"
                  + "        && r.top < q.bottom - 0.5 && q.top < r.bottom - 0.5) out.push(a + '|' + b); } }"
                  + "return out;");
      pairs.forEach(p -> touching.add(size[0] + "px: \"" + p.replace("|", "\" and \"") + "\""));
      // A text is cut where its <svg> clips (overflow not visible) or at the page's edge.
      List<String> texts =
          browser.js(
              "const page = document.documentElement.clientWidth;"
                  + "return [...document.querySelectorAll('svg text')].filter(t => {"
                  + "  const r = t.getBoundingClientRect(); const svg = t.ownerSVGElement;"
                  + "  const s = svg.getBoundingClientRect();"
                  + "  const clips = getComputedStyle(svg).overflowX !== 'visible';"
                  + "  const left = clips ? Math.max(0, s.left) : 0;"
                  + "  const right = clips ? Math.min(page, s.right) : page;"
                  + "  return r.width > 0 && (r.left < left - 0.5 || r.right > right + 0.5); })"
                  + ".map(t => t.textContent);");
      texts.forEach(t -> cut.add(size[0] + "px: \"" + t + "\""));
    }
    assertTrue(cut.isEmpty(), page + " with " + fonts + " fonts: chart labels cut off: " + cut);
    assertTrue(
        touching.isEmpty(), page + " with " + fonts + " fonts: chart labels overlap: " + touching);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void theLanguageSwitchLandsOnTheCounterpartPage(Page page) {
    open(page, 1280, 800);
    browser.driver().findElement(By.cssSelector("a.lang-switch")).click();
    String landed = browser.js("return location.pathname;");
    assertEquals("/" + page.counterpartFile(), landed, page + ": the language switch");
    String otherLang = "ar".equals(page.lang()) ? "en" : "ar";
    assertEquals(
        otherLang,
        browser.js("return document.documentElement.lang;"),
        page + ": the counterpart's language");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void theFirstTabFocusesAVisibleSkipLinkThatMovesFocusToTheMainContent(Page page) {
    open(page, 1280, 800);
    pressTab();
    Map<String, Object> focused =
        browser.js(
            "const e = document.activeElement; const r = e.getBoundingClientRect();"
                + "const main = document.querySelector('main');"
                + "return {html: e.outerHTML.slice(0, 120), href: e.getAttribute('href') || '',"
                + " visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0"
                + "   && r.bottom <= innerHeight && r.right <= innerWidth"
                + "   && getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).opacity !== '0',"
                + " mainId: main ? main.id : ''};");
    assertEquals(
        "#main", focused.get("href"), page + ": the first Tab focuses " + focused.get("html"));
    assertEquals(
        "main", focused.get("mainId"), page + ": the skip link's target is <main id=main>");
    assertEquals(true, focused.get("visible"), page + ": the focused skip link is on screen");
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    assertEquals(
        "main",
        browser.js("return document.activeElement.id;"),
        page + ": following the skip link moves focus to the main content");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyLinkIsReachableByTabAndShowsWhereFocusIs(Page page) {
    open(page, 1280, 800);
    // Links, buttons and form controls; content of a closed <details> is reached by opening
    // it from its <summary>, which must itself be reachable. A control marked hidden (search's
    // "more results" before there are more) is hidden from every reader alike until shown.
    long total =
        browser.js(
            "window.__seen = new Set();"
                + "window.__controls = [...document.querySelectorAll('a[href], area[href], button,"
                + " input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex^=\"-\"])')]"
                + "  .filter(e => !e.closest('[hidden]'))"
                + "  .filter(e => { const d = e.closest('details:not([open])');"
                + "    return !d || e === d.querySelector(':scope > summary'); });"
                + "return window.__controls.length;");
    List<String> problems = new ArrayList<>();
    List<String> unfocusable =
        browser.js(
            "return window.__controls.filter(e => e.tabIndex < 0"
                + "  || !e.checkVisibility({checkVisibilityCSS: true, visibilityProperty: true}))"
                + ".map(e => e.outerHTML.slice(0, 100));");
    unfocusable.forEach(e -> problems.add("cannot take focus (negative tabindex or hidden): " + e));

    // Record each element as focus reaches it, then press Tab enough times to go round the
    // page (scrollable boxes are tab stops too), all in one sequence of key presses.
    browser.js(
        "document.addEventListener('focusin', ev => {"
            + "  const e = ev.target; if (window.__seen.has(e)) return; window.__seen.add(e);"
            + "  const s = getComputedStyle(e); const r = e.getBoundingClientRect();"
            + "  window.__focusLog.push({html: e.outerHTML.slice(0, 100),"
            + "    ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
            + "      || s.boxShadow !== 'none',"
            + "    shown: r.width > 0 && r.height > 0}); }, true);"
            + "window.__focusLog = [];");
    new Actions(browser.driver())
        .sendKeys(Keys.TAB.toString().repeat((int) (2 * total + 20)))
        .perform();
    List<Map<String, Object>> log = browser.js("return window.__focusLog;");
    for (Map<String, Object> f : log) {
      if (!(Boolean) f.get("ring")) {
        problems.add("focused without a visible outline or shadow: " + f.get("html"));
      }
      if (!(Boolean) f.get("shown")) {
        problems.add("focused while not shown: " + f.get("html"));
      }
    }
    List<String> missed =
        browser.js(
            "return window.__controls.filter(e => !window.__seen.has(e) && e.tabIndex >= 0"
                + "  && e.checkVisibility({checkVisibilityCSS: true, visibilityProperty: true}))"
                + ".map(e => e.outerHTML.slice(0, 100));");
    missed.forEach(e -> problems.add("never reached by Tab: " + e));
    assertTrue(problems.isEmpty(), page + ":\n  " + String.join("\n  ", problems));
  }

  /** One press of the Tab key (a fresh Actions each time: a performed one replays nothing). */
  private static void pressTab() {
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("pagesInBothSchemes")
  void axeFindsNoWcag21AaViolationsOnAPhoneOrALaptop(Page page, Browser.Scheme scheme) {
    browser.scheme(scheme);
    List<String> violations = new ArrayList<>();
    for (int[] size : VIEWPORTS) {
      open(page, size[0], size[1]);
      assertEquals(
          scheme == Browser.Scheme.DARK,
          browser.js("return matchMedia('(prefers-color-scheme: dark)').matches;"),
          page + ": the page sees the " + scheme + " scheme");
      Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver());
      assertTrue(
          results.getErrorMessage() == null, page + ": axe failed: " + results.getErrorMessage());
      assertTrue(!results.getPasses().isEmpty(), page + ": axe checked nothing");
      for (Rule rule : results.getViolations()) {
        for (CheckedNode node : rule.getNodes()) {
          violations.add(
              size[0]
                  + "px "
                  + rule.getId()
                  + " ("
                  + rule.getImpact()
                  + "): "
                  + rule.getHelp()
                  + " at "
                  + node.getTarget()
                  + "\n      "
                  + String.valueOf(node.getFailureSummary()).replace("\n", "\n      "));
        }
      }
    }
    assertTrue(
        violations.isEmpty(),
        page
            + " in the "
            + scheme
            + " scheme: "
            + violations.size()
            + " axe-core violation(s):\n  "
            + String.join("\n  ", violations));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void loadsNothingFromAnotherHostAndStaysUnderTheWeightBudget(Page page) {
    open(page, 1280, 800);
    List<Map<String, Object>> entries =
        browser.js(
            "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                + ".map(e => ({name: e.name, type: e.initiatorType, bytes: e.encodedBodySize}));");
    String origin = server.origin() + "/";
    List<String> foreign = new ArrayList<>();
    long bytes = 0;
    StringBuilder loaded = new StringBuilder();
    for (Map<String, Object> e : entries) {
      String name = (String) e.get("name");
      long size = ((Number) e.get("bytes")).longValue();
      if (!name.startsWith(origin)) {
        foreign.add(name);
      }
      String path = name.replaceFirst("[?#].*", "");
      // fonts have their own budget (theSitesOwnFacesDrawThePageWithinTheFontBudget)
      if ("navigation".equals(e.get("type")) || path.matches(".*\\.(css|m?js)$")) {
        bytes += size;
        loaded.append("\n  ").append(size).append(" B ").append(name);
      }
    }
    assertTrue(foreign.isEmpty(), page + " loads from another host: " + foreign);
    assertTrue(
        bytes < BUDGET_BYTES,
        page
            + ": HTML + CSS + scripts weigh "
            + bytes
            + " bytes, over the "
            + BUDGET_BYTES
            + " budget:"
            + loaded);
  }

  /**
   * The site's own faces draw each page: its language's face arrives and is used, and the fonts it
   * fetches stay within {@link #FONT_BUDGET_BYTES}, whatever mix of scripts it shows.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void theSitesOwnFacesDrawThePageWithinTheFontBudget(Page page) {
    browser.fonts(Browser.Fonts.SITE);
    open(page, 1280, 800);
    String face = "ar".equals(page.lang()) ? "Briefing Naskh" : "Briefing Serif";
    Map<String, Object> m =
        browser.js(
            "const loaded = [...document.fonts].filter(f => f.status === 'loaded')"
                + "  .map(f => f.family.replace(/\"/g, '') + ' ' + f.weight);"
                + "const files = performance.getEntriesByType('resource')"
                + "  .filter(e => /\\.woff2$/.test(e.name));"
                + "const h1 = getComputedStyle(document.querySelector('h1')).fontFamily;"
                + "return {loaded: loaded.join(', '), bytes: files.reduce((n, e) => n + e.encodedBodySize, 0),"
                + " files: files.map(e => e.name.replace(/.*\\//, '') + ' ' + e.encodedBodySize).join(', '),"
                + " h1: h1};");
    assertTrue(
        ((String) m.get("loaded")).contains(face + " 400"),
        page + ": the page's face " + face + " was not loaded; loaded: " + m.get("loaded"));
    assertTrue(
        ((String) m.get("h1")).startsWith("\"" + face + "\""),
        page + ": the heading is set in " + m.get("h1"));
    long bytes = ((Number) m.get("bytes")).longValue();
    assertTrue(
        bytes > 0 && bytes <= FONT_BUDGET_BYTES,
        page
            + ": fonts fetched weigh "
            + bytes
            + " bytes (budget "
            + FONT_BUDGET_BYTES
            + "): "
            + m.get("files"));
  }

  /**
   * Full-page screenshots for people to look at, at both widths in the light and the dark scheme,
   * named {@code lang-page-width-scheme.png}. Each must show the page as asked: as wide as the
   * viewport, with text on it (many colours), and on paper of the scheme's lightness (the colour
   * most of the picture has). The viewport grows to the page's height (capped at 8000 px) rather
   * than capturing beyond it: Chromium mis-captures right-to-left pages beyond the viewport.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("pagesInBothSchemes")
  void screenshotsAtBothWidths(Page page, Browser.Scheme scheme) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    browser.scheme(scheme);
    for (int[] size : VIEWPORTS) {
      open(page, size[0], size[1]);
      long height =
          browser.js(
              "return Math.max(document.body.scrollHeight,"
                  + " document.documentElement.scrollHeight);");
      browser.viewport(size[0], (int) Math.min(Math.max(height, size[1]), MAX_SCREENSHOT_HEIGHT));
      browser.js("window.scrollTo(0, 0);");
      byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
      String schemeName = scheme.name().toLowerCase(Locale.ROOT);
      Path file =
          SCREENSHOTS.resolve(
              page.lang() + "-" + page.name() + "-" + size[0] + "-" + schemeName + ".png");
      Files.write(file, png);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertTrue(image != null, file + " is not a PNG");
      assertEquals(size[0], image.getWidth(), file + ": the screenshot's width");
      assertTrue(image.getHeight() >= size[1], file + ": the screenshot's height");
      assertShowsSomething(image, file);
      Map<Integer, Integer> colours = new HashMap<>();
      for (int y = 0; y < image.getHeight(); y += 3) {
        for (int x = 0; x < image.getWidth(); x += 3) {
          colours.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
        }
      }
      assertTrue(
          colours.size() > 50, file + " shows almost nothing: " + colours.size() + " colours");
      int paper =
          colours.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      double lightness = luminance(paper);
      if (scheme == Browser.Scheme.DARK) {
        assertTrue(
            lightness < 0.1,
            file
                + ": the dark scheme's paper is #"
                + Integer.toHexString(paper)
                + " (luminance "
                + lightness
                + ")");
      } else {
        assertTrue(
            lightness > 0.8,
            file
                + ": the light scheme's paper is #"
                + Integer.toHexString(paper)
                + " (luminance "
                + lightness
                + ")");
      }
    }
  }

  /**
   * A page a reader can see: not one flat colour (a blank or failed render), with text and shapes
   * over a tenth or more of the rows in its first screen.
   */
  private static void assertShowsSomething(BufferedImage image, Path file) {
    int background = image.getRGB(image.getWidth() - 1, image.getHeight() - 1);
    Set<Integer> colours = new HashSet<>();
    int height = Math.min(image.getHeight(), 800);
    int inkedRows = 0;
    for (int y = 0; y < height; y++) {
      boolean inked = false;
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        colours.add(rgb);
        inked |= rgb != background;
      }
      inkedRows += inked ? 1 : 0;
    }
    assertTrue(colours.size() >= 16, file + " has " + colours.size() + " colours: nothing drawn?");
    assertTrue(
        inkedRows * 10 >= height,
        file + ": only " + inkedRows + " of the first " + height + " rows show anything");
  }

  /** The relative luminance of an sRGB colour, 0 for black to 1 for white (as WCAG defines it). */
  private static double luminance(int rgb) {
    double[] c = {(rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0};
    for (int i = 0; i < 3; i++) {
      c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
