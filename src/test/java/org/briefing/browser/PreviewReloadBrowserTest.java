package org.briefing.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.briefing.TestFiles;
import org.briefing.build.SiteBuilder;
import org.briefing.serve.PreviewServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The preview as an editor uses it, in Chromium: the open page follows an edit to its record
 * without being reloaded by hand, a page the edit does not touch stays as it is, and a mistake
 * shows over the page until it is fixed.
 */
class PreviewReloadBrowserTest {

  private static final String RECORD = "2026-qatar-somalia-interior-security-ministers-meeting";

  private static Browser browser;

  @TempDir Path tmp;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.startOrSkip();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theOpenPageFollowsEditsAndOnlyPagesThatShowThemReload() throws Exception {
    Path content = TestFiles.copyTree(Path.of("content"), tmp.resolve("content"));
    Path templates = TestFiles.copyTree(Path.of("templates"), tmp.resolve("templates"));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    Path en = content.resolve("engagements").resolve(RECORD).resolve("en.md");
    Path facts = content.resolve("engagements").resolve(RECORD).resolve("engagement.yaml");
    try (PreviewServer preview =
        PreviewServer.start(
            new SiteBuilder.Options(
                content, templates, tmp.resolve("unused"), Optional.empty(), false, false),
            0,
            out,
            out)) {
      String page = preview.address().resolve("en/engagements/" + RECORD + "/").toString();
      String france = preview.address().resolve("en/countries/fr/").toString();

      // The record's page, open in the browser, picks up a new title by itself.
      browser.open(page);
      browser.js("window.openedBeforeTheEdit = true;");
      replace(en, "title: \"", "title: \"Preview follows: ");
      waitUntil(
          "the page shows the edited title",
          () ->
              browser
                  .driver()
                  .findElement(By.tagName("h1"))
                  .getText()
                  .startsWith("Preview follows:"));
      assertEquals(
          null, (Object) browser.js("return window.openedBeforeTheEdit;"), "the page reloaded");

      // France's page shows nothing of this record: an edit leaves it as it is.
      browser.open(france);
      // Notes every question the page asks the preview: the page has heard of a version once
      // it asks about the next change since that version.
      browser.js(
          "window.openedBeforeTheEdit = true; window.asked = [];"
              + " const ask = window.fetch; window.fetch = function (url, options) {"
              + " window.asked.push(String(url)); return ask(url, options); };");
      int before = preview.status().version();
      long updates =
          log.toString(StandardCharsets.UTF_8)
              .lines()
              .filter(line -> line.contains("touched by the change"))
              .count();
      replace(en, "title: \"Preview follows: ", "title: \"Preview follows again: ");
      waitUntil(
          "the edit is built",
          () ->
              preview.status().version() > before
                  && log.toString(StandardCharsets.UTF_8)
                          .lines()
                          .filter(line -> line.contains("touched by the change"))
                          .count()
                      > updates);
      int built = preview.status().version();
      // Rather than sleeping and hoping the page has decided by then: wait until it has heard
      // of the new version (or reloaded, which the assertion below reports).
      waitUntil(
          "France's page hears of version " + built,
          () ->
              Boolean.TRUE.equals(
                  browser.js(
                      "return window.openedBeforeTheEdit !== true || window.asked.some(u =>"
                          + " Number(new URL(u, location.href).searchParams.get('since')) >= arguments[0]);",
                      built)));
      assertEquals(
          Boolean.TRUE,
          (Object) browser.js("return window.openedBeforeTheEdit;"),
          "a page the edit does not touch is not reloaded");

      // A mistake is shown over the page; fixing it clears it.
      browser.open(page);
      replace(facts, "countries: [QA, SO]", "countries: [QA, SO, QQ]");
      waitUntil(
          "the problem is shown over the page",
          () ->
              !browser.driver().findElements(By.cssSelector("[role=alert]")).isEmpty()
                  && browser
                      .driver()
                      .findElement(By.cssSelector("[role=alert]"))
                      .getText()
                      .contains("QQ"));
      replace(facts, "countries: [QA, SO, QQ]", "countries: [QA, SO]");
      waitUntil(
          "the problem box goes once it is fixed",
          () -> browser.driver().findElements(By.cssSelector("[role=alert]")).isEmpty());
    }
  }

  private static void waitUntil(String what, java.util.function.BooleanSupplier condition) {
    // The page may be reloading while the condition looks at it.
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .withMessage(what)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(driver -> condition.getAsBoolean());
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), file + " holds " + from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
