package org.briefing.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium, driven through the system's chromedriver, shared by a test class.
 *
 * <p>Only Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} are used (other
 * paths through {@code -Dbrowser.chromium=} and {@code -Dbrowser.chromedriver=}); Selenium Manager
 * is never asked to find or download anything. Without them a developer's run skips the browser
 * tests with the command that installs them; under CI they fail instead.
 *
 * <p>Pages are drawn with the site's own web fonts unless a test switches them off ({@link
 * #fonts}), or unless the run asks for that with {@code -Dbrowser.fonts=fallback}: then the font
 * files are blocked and every text is set in a wide face readers commonly fall back to, whatever
 * the machine has, so layout checks hold for readers without the site's fonts too.
 */
final class Browser implements AutoCloseable {

  /** The fonts pages are drawn with. */
  enum Fonts {
    /** The site's own faces, as the stylesheet asks. */
    SITE,
    /**
     * No web font arrives (the files are blocked) and every text, chart labels included, is set in
     * DejaVu Sans (wide; the usual Linux fallback), else Verdana or Tahoma, else the browser's
     * sans-serif: a reader's machine rather than the site's design.
     */
    FALLBACK;

    /** What {@code -Dbrowser.fonts} asks for: "fallback", or the site's fonts by default. */
    static Fonts fromProperty() {
      return "fallback".equalsIgnoreCase(System.getProperty("browser.fonts", "site"))
          ? FALLBACK
          : SITE;
    }
  }

  /** The colour scheme the page is told the reader prefers. */
  enum Scheme {
    LIGHT,
    DARK
  }

  private static final String FALLBACK_STYLE =
      "*, *::before, *::after, svg text {"
          + " font-family: \"DejaVu Sans\", Verdana, Tahoma, sans-serif !important; }";

  static final String INSTALL_HINT =
      "install them with: sudo apt-get install chromium chromium-driver";

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;
  private Fonts fonts = Fonts.SITE;

  private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts the browser, or skips the calling tests (fails them under CI) when it is missing. */
  static Browser startOrSkip() {
    File chromium = new File(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    File chromedriver =
        new File(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    if (!chromium.canExecute() || !chromedriver.canExecute()) {
      String message =
          "browser tests need Chromium at "
              + chromium
              + " and chromedriver at "
              + chromedriver
              + "; "
              + INSTALL_HINT;
      if (underCi()) {
        fail(message + " (CI never skips these tests)");
      }
      // surefire counts a class skipped from @BeforeAll as "0 tests run", so say it out loud
      System.err.println("[browser tests skipped] " + message);
      abort(message);
    }
    // Selenium must use this driver; should Selenium Manager ever run, it stays offline.
    System.setProperty("webdriver.chrome.driver", chromedriver.getPath());
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("SE_AVOID_STATS", "true");
    Path profile;
    try {
      profile = Files.createTempDirectory("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--no-default-browser-check",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--lang=en-US",
        "--window-size=1280,800");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver)
            .usingAnyFreePort()
            .withEnvironment(Map.of("SE_OFFLINE", "true"))
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Browser browser = new Browser(service, driver, profile);
    browser.fonts(Fonts.fromProperty());
    return browser;
  }

  /**
   * Draws the pages opened from now on with the site's fonts or without them. Without them, font
   * files are refused and a style setting the fallback face is added to each page after it loads
   * (the page's Content-Security-Policy, which forbids inline styles, is bypassed for that).
   */
  void fonts(Fonts mode) {
    boolean off = mode == Fonts.FALLBACK;
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.setBlockedURLs",
        Map.of("urls", off ? List.of("*.woff2", "*.woff", "*.ttf", "*.otf") : List.of()));
    driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", off));
    fonts = mode;
  }

  /** Tells pages opened from now on (and the current one) which colour scheme to use. */
  void scheme(Scheme scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of(
            "features",
            List.of(
                Map.of(
                    "name",
                    "prefers-color-scheme",
                    "value",
                    scheme == Scheme.DARK ? "dark" : "light"))));
  }

  static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || "true".equalsIgnoreCase(System.getenv("GITHUB_ACTIONS"));
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Runs a script in the page and returns its value. */
  @SuppressWarnings("unchecked")
  <T> T js(String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs an asynchronous script, which calls its last argument with the value to return. */
  @SuppressWarnings("unchecked")
  <T> T jsAsync(String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /**
   * Makes the page's viewport exactly {@code width} × {@code height} CSS pixels, as a phone (below
   * 600 px: mobile viewport rules apply) or a desktop window. This is Chromium's device emulation
   * rather than a window resize: resizing a headless window is asynchronous and its frame takes
   * part of the height, while the emulated viewport is exact at once. Growing the height to the
   * page's is how full-page screenshots are taken.
   */
  void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /** The viewport's width and height as the page sees them. */
  List<Long> viewportSize() {
    return js("return [window.innerWidth, window.innerHeight];");
  }

  /**
   * Opens a page and waits until its web fonts are ready (or, without the site's fonts, until the
   * fallback face is set) and the page is laid out again.
   */
  void open(String url) {
    driver.get(url);
    if (fonts == Fonts.FALLBACK) {
      js(
          "const s = document.createElement('style'); s.textContent = arguments[0];"
              + " document.head.append(s);",
          FALLBACK_STYLE);
    }
    ((JavascriptExecutor) driver)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " document.fonts.ready.then(() => requestAnimationFrame(() => done(true)));");
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        System.err.println("could not remove the temporary Chromium profile " + profile + ": " + e);
      }
    }
  }
}
