package org.briefing.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Every page of the seed site passes the Nu HTML Checker (the engine behind validator.w3.org/nu),
 * run in-process: no network, no browser, so this test never skips. Errors fail the build, all
 * listed in one message; warnings are printed only.
 */
class HtmlValidityTest {

  private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-all.rnc";

  @Test
  void everyPageOfTheSeedSitePassesTheNuHtmlChecker() throws Exception {
    List<String> pages = BuiltSite.pages();
    assertTrue(pages.size() > 50, "the seed site has more than 50 pages, found " + pages.size());

    Collector collector = new Collector();
    // log4j on (the checker's own quiet configuration), URLs not logged, language detection on
    SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, true);
    validator.setUpMainSchema(HTML5_SCHEMA, collector);
    validator.setUpValidatorAndParsers(collector, false, false);

    for (String page : pages) {
      collector.page = page;
      try {
        validator.checkHtmlFile(BuiltSite.root().resolve(page).toFile(), true);
      } catch (SAXException | IOException e) {
        collector.errors.add(page + ": the checker stopped: " + e.getMessage());
      }
    }

    collector.warnings.forEach(w -> System.out.println("[nu warning] " + w));
    assertTrue(
        collector.errors.isEmpty(),
        collector.errors.size()
            + " Nu HTML Checker error(s) in "
            + pages.size()
            + " pages:\n  "
            + String.join("\n  ", collector.errors));
  }

  @Test
  void theStylesheetsPassTheNuCssChecker() throws Exception {
    List<String> sheets = BuiltSite.files(".css");
    assertTrue(!sheets.isEmpty(), "the site has a stylesheet");

    Collector collector = new Collector();
    collector.lineOffset = -1; // the checker wraps CSS in one line of HTML before checking it
    SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
    validator.setUpMainSchema(HTML5_SCHEMA, collector);
    validator.setAllowCss(true);
    validator.setUpValidatorAndParsers(collector, false, false);
    for (String sheet : sheets) {
      collector.page = sheet;
      try {
        validator.checkCssFile(BuiltSite.root().resolve(sheet).toFile(), true);
      } catch (SAXException | IOException e) {
        collector.errors.add(sheet + ": the checker stopped: " + e.getMessage());
      }
    }
    collector.warnings.forEach(w -> System.out.println("[nu css warning] " + w));
    assertTrue(
        collector.errors.isEmpty(),
        collector.errors.size() + " CSS error(s):\n  " + String.join("\n  ", collector.errors));
  }

  /** Collects the checker's reports as {@code page:line:column: message}. */
  private static final class Collector implements ErrorHandler {
    String page = "?";
    int lineOffset;
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    private String describe(SAXParseException e) {
      return page
          + ":"
          + (e.getLineNumber() + lineOffset)
          + ":"
          + e.getColumnNumber()
          + ": "
          + e.getMessage();
    }

    @Override
    public void warning(SAXParseException e) {
      warnings.add(describe(e));
    }

    @Override
    public void error(SAXParseException e) {
      errors.add(describe(e));
    }

    @Override
    public void fatalError(SAXParseException e) {
      errors.add(describe(e) + " (fatal)");
    }
  }
}
