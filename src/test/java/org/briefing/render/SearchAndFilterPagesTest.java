package org.briefing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.briefing.archive.Archive;
import org.briefing.i18n.Strings;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The search page, the timeline's filters and what they need, as the build writes them: what a
 * reader without JavaScript gets, and which pages load which scripts. What the scripts do is tested
 * in Chromium by {@code org.briefing.browser.SearchAndFiltersBrowserTest}.
 */
class SearchAndFilterPagesTest {

  private static final Strings STRINGS =
      Strings.load(RenderedSite.TEMPLATES.resolve("strings.yaml"));

  private static Document page(String path) {
    return Jsoup.parse(RenderedSite.seed().text(path), "https://site.test/" + path);
  }

  private static List<String> htmlPages() {
    return RenderedSite.seed().files().keySet().stream()
        .filter(p -> p.endsWith(".html"))
        .sorted()
        .toList();
  }

  @Test
  void scriptsLoadDeferredOnlyOnThePagesThatNeedThem() {
    for (String path : htmlPages()) {
      Document doc = page(path);
      String root = Routes.rootOf(path);
      List<String> expected = List.of();
      for (Lang lang : Lang.values()) {
        if (path.equals(Routes.search(lang))) {
          expected =
              List.of(
                  root + org.briefing.outputs.SearchAnalysis.SCRIPT,
                  root + Routes.searchIndex(lang),
                  root + Routes.searchScript());
        }
      }
      List<String> scripts = doc.select("script").stream().map(s -> s.attr("src")).toList();
      assertEquals(expected, scripts, path + ": scripts, in order");
      for (Element script : doc.select("script")) {
        assertTrue(script.hasAttr("defer"), path + ": " + script + " is deferred");
        assertTrue(script.data().isBlank(), path + ": no inline script (the CSP forbids them)");
      }
      for (Element el : doc.getAllElements()) {
        for (Attribute a : el.attributes()) {
          assertTrue(
              !a.getKey().toLowerCase(Locale.ROOT).startsWith("on"),
              path + ": inline event handler " + a + " (the CSP forbids them)");
        }
      }
    }
  }

  @Test
  void theSearchPageIsInEveryPagesNavigationAndTheHomePageHasASearchForm() {
    for (String path : htmlPages()) {
      if (!path.startsWith("ar/") && !path.startsWith("en/")) {
        continue; // the bilingual landing and 404 pages have no navigation
      }
      if (page(path).selectFirst("meta[http-equiv=refresh]") != null) {
        continue; // a record's former address only sends readers on (AliasPagesTest)
      }
      Lang lang = Lang.fromCode(path.substring(0, 2)).orElseThrow();
      Element nav = page(path).selectFirst("nav.site-nav");
      assertNotNull(nav, path);
      Element item = nav.selectFirst("a[href=" + Routes.rootOf(path) + Routes.search(lang) + "]");
      assertNotNull(item, path + ": the navigation links to the search page");
      assertEquals(STRINGS.get(lang, "search"), item.text());
      assertEquals(
          path.equals(Routes.search(lang)), "page".equals(item.attr("aria-current")), path);
    }
    for (Lang lang : Lang.values()) {
      Element form = page(Routes.home(lang)).selectFirst("main form[role=search]");
      assertNotNull(form, lang + " home: a search form");
      assertEquals("get", form.attr("method"));
      assertEquals(
          Routes.rootOf(Routes.home(lang)) + Routes.search(lang),
          form.attr("action"),
          lang + " home: it goes to the search page");
      Element input = form.selectFirst("input[name=q]");
      assertNotNull(input);
      assertNotNull(form.selectFirst("label[for=" + input.id() + "]"), "the input has a label");
    }
  }

  @Test
  void withoutJavaScriptTheSearchPageSaysSoAndLinksToTheTimeline() {
    for (Lang lang : Lang.values()) {
      Document doc = page(Routes.search(lang));
      Element notice = doc.getElementById("search-nojs");
      assertNotNull(notice, lang + ": the no-JavaScript notice");
      assertTrue(notice.text().startsWith(STRINGS.get(lang, "search_needs_js")), notice.text());
      Element link = notice.selectFirst("a");
      assertEquals("https://site.test/" + Routes.timeline(lang), link.absUrl("href"));
      Element form = doc.getElementById("search-form");
      assertEquals("index.html", form.attr("action"), "the form sends ?q= to the page itself");
      assertEquals("get", form.attr("method"));
      assertEquals("q", doc.getElementById("search-q").attr("name"));
      assertNotNull(doc.selectFirst("label[for=search-q]"));
      assertEquals("search", form.attr("role"));
      Element status = doc.getElementById("search-status");
      assertEquals("status", status.attr("role"), "results are announced");
      assertTrue(
          status.attr("data-text").contains(STRINGS.get(lang, "search_no_results")),
          "the script's messages come from strings.yaml: " + status.attr("data-text"));
      assertEquals("../../", doc.getElementById("search-results").attr("data-root"));
    }
  }

  @Test
  void theTimelinesFiltersOpenTheSearchPageWithEveryFacetThatHasRecords() {
    Archive archive = new Archive(RenderedSite.seed().site());
    for (Lang lang : Lang.values()) {
      Document doc = page(Routes.timeline(lang));
      Element form = doc.getElementById("timeline-filters");
      assertNotNull(form, lang + ": the filters");
      assertEquals(
          "https://site.test/" + Routes.search(lang),
          form.absUrl("action"),
          "the filters are facets of the search index");
      assertEquals("get", form.attr("method"), "they go in the address");
      assertEquals(
          archive.engagements().size(),
          doc.select(".timeline article.card").size(),
          "the seed's records are all among the latest the overview shows");

      Map<String, List<String>> options = new java.util.LinkedHashMap<>();
      for (Element select : form.select("select")) {
        assertNotNull(
            form.selectFirst("label[for=" + select.id() + "]"), select.id() + " has a label");
        assertEquals("", select.child(0).val(), select.id() + " first offers everything");
        options.put(
            select.attr("name"),
            select.select("option").stream().skip(1).map(Element::val).toList());
      }
      assertEquals(List.of("country", "type", "year", "status"), List.copyOf(options.keySet()));
      assertEquals(options, facets(page(Routes.search(lang))), "the search page offers the same");
      assertEquals(
          archive.activeCountries().stream().map(Country::slug).sorted().toList(),
          options.get("country").stream().sorted().toList(),
          "every country with a record");
      // in the order of the language's names, which ArabicPagesTest pins
      assertEquals(
          archive.byType().entrySet().stream()
              .filter(t -> !t.getValue().isEmpty())
              .map(t -> t.getKey().key())
              .sorted()
              .toList(),
          options.get("type").stream().sorted().toList(),
          "every type with a record");
      assertEquals(
          archive.timeline().stream().map(y -> Integer.toString(y.year())).toList(),
          options.get("year"),
          "every year with a record, newest first");
      assertEquals(
          STRINGS.get(lang, "filter_country"),
          form.selectFirst("label[for=filter-country]").text());
    }
    Element arabicCountries = page(Routes.timeline(Lang.AR)).getElementById("filter-country");
    assertTrue(arabicCountries.text().contains("سوريا"), "the options are in the page's language");
  }

  private static Map<String, List<String>> facets(Document doc) {
    Map<String, List<String>> options = new java.util.LinkedHashMap<>();
    for (Element select : doc.getElementById("search-form").select("select")) {
      options.put(
          select.attr("name"), select.select("option").stream().skip(1).map(Element::val).toList());
    }
    return options;
  }

  @Test
  void everyCardSaysWhichCountriesTypeAndYearItIsAbout() {
    Archive archive = new Archive(RenderedSite.seed().site());
    for (Lang lang : Lang.values()) {
      List<String> expected = new ArrayList<>();
      for (Engagement e : archive.engagements()) {
        expected.add(
            e.countries().stream().map(Country::slug).collect(Collectors.joining(" "))
                + "|"
                + e.type().key()
                + "|"
                + e.date().year());
      }
      List<String> cards =
          page(Routes.timeline(lang)).select(".timeline article.card").stream()
              .map(
                  c ->
                      c.attr("data-countries")
                          + "|"
                          + c.attr("data-type")
                          + "|"
                          + c.attr("data-year"))
              .toList();
      assertEquals(
          expected, cards, lang + ": data-countries, data-type and data-year, in timeline order");
    }
  }
}
