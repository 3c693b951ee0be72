package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The site built from the project's own records, checked as a reader would meet it. */
class SeedSiteTest {

  private static Document parse(String page) throws IOException {
    Path file = SeedSite.output().resolve(page);
    return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), file.toUri().toString());
  }

  @Test
  void everySeedRecordHasAPageInBothLanguages() {
    List<String> ids = SeedSite.recordIds();
    assertTrue(ids.size() >= 12, "the seed articles report at least twelve engagements");
    for (String id : ids) {
      for (String lang : List.of("ar", "en")) {
        Path page = SeedSite.output().resolve(lang + "/engagements/" + id + "/index.html");
        assertTrue(Files.exists(page), "missing " + page);
      }
    }
  }

  @Test
  void everyPageDeclaresTheLanguageAndDirectionOfItsFolder() throws IOException {
    List<String> pages = SeedSite.pages();
    assertTrue(pages.size() > 50);
    for (String page : pages) {
      Element html = parse(page).selectFirst("html");
      String expectedLang = page.startsWith("ar/") ? "ar" : "en";
      String expectedDir = page.startsWith("ar/") ? "rtl" : "ltr";
      assertEquals(expectedLang, html.attr("lang"), page);
      assertEquals(expectedDir, html.attr("dir"), page);
    }
  }

  @Test
  void everyInternalLinkAndAnchorResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (String page : SeedSite.pages()) {
      Document doc = parse(page);
      Path here = SeedSite.output().resolve(page).getParent();
      for (Element el : doc.select("a[href], link[href]")) {
        String href = el.attr("href");
        if (href.startsWith("http://")
            || href.startsWith("https://")
            || href.startsWith("mailto:")) {
          continue;
        }
        assertFalse(
            href.startsWith("/"),
            page
                + ": absolute-path link "
                + href
                + " breaks when the site is served from a sub-path");
        String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String fragment = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
        Path file =
            target.isEmpty() ? SeedSite.output().resolve(page) : here.resolve(target).normalize();
        if (!Files.isRegularFile(file) || !file.startsWith(SeedSite.output())) {
          broken.add(page + " -> " + href);
        } else if (!fragment.isEmpty()) {
          Document targetDoc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
          if (targetDoc.getElementById(fragment) == null) {
            broken.add(page + " -> " + href + " (no element with that id)");
          }
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void everyPageLinksToItsCounterpartInTheOtherLanguage() throws IOException {
    for (String page : SeedSite.pages()) {
      if (!page.startsWith("ar/") && !page.startsWith("en/")) {
        continue;
      }
      String other = page.startsWith("ar/") ? "en" : "ar";
      String counterpart = other + page.substring(2);
      boolean exists = Files.exists(SeedSite.output().resolve(counterpart));
      String expected = exists ? counterpart : other + "/index.html";
      Document doc = parse(page);
      Element sw = doc.selectFirst("a.lang-switch");
      assertTrue(sw != null, page + " has no language switch");
      Path target =
          SeedSite.output().resolve(page).getParent().resolve(sw.attr("href")).normalize();
      assertEquals(SeedSite.output().resolve(expected), target, page);
      assertEquals(other, sw.attr("hreflang"), page);
      if (exists) {
        assertFalse(
            doc.select("link[rel=alternate][hreflang=" + other + "]").isEmpty(),
            page + " lacks its hreflang alternate");
      }
    }
  }

  @Test
  void everyRecordIsOnBothTimelines() throws IOException {
    for (String lang : List.of("ar", "en")) {
      Document timeline = parse(lang + "/timeline/index.html");
      Set<String> linked = new HashSet<>();
      for (Element a : timeline.select(".card-title a")) {
        String href = a.attr("href");
        linked.add(href.replaceAll(".*/engagements/([^/]+)/index.html", "$1"));
      }
      assertEquals(new HashSet<>(SeedSite.recordIds()), linked, lang + " timeline");
    }
  }

  @Test
  void arabicPagesWriteMonthsWithTheirLevantineNamesAndTheHijriDate() throws IOException {
    Document page =
        parse("ar/engagements/2025-01-20-qatar-syria-civil-defence-agreement/index.html");
    String facts = page.selectFirst(".facts").text();
    assertTrue(facts.contains("20 يناير/كانون الثاني 2025"), facts);
    assertTrue(facts.contains("20 رجب 1446 هـ"), facts);
  }

  @Test
  void aDateKnownOnlyToTheMonthIsNeverGivenADay() throws IOException {
    Document page =
        parse(
            "en/engagements/2025-04-syria-interior-minister-receives-lekhwiya-delegation/index.html");
    Element time = page.selectFirst(".facts time");
    assertEquals("April 2025", time.text());
    assertEquals("2025-04", time.attr("datetime"));
  }

  @Test
  void countryPagesShowPartnersWithAChartAndLinkToPairPages() throws IOException {
    Document syria = parse("en/countries/sy/index.html");
    List<String> partners = syria.select(".partners .counted a").eachText();
    assertTrue(partners.contains("Qatar"), partners.toString());
    assertEquals("Qatar", partners.get(0), "the partner with most shared records comes first");
    assertEquals(partners.size(), syria.select(".partners svg g.bar").size());
    String pairHref = syria.selectFirst(".partners .counted a").attr("href");
    assertTrue(pairHref.endsWith("pairs/qa-sy/index.html"), pairHref);
  }

  @Test
  void pairPagesListOnlyRecordsOfBothCountries() throws IOException {
    Document pair = parse("en/pairs/qa-sy/index.html");
    assertFalse(pair.select(".card").isEmpty());
    for (Element card : pair.select(".card")) {
      List<String> countries = card.select(".country-tags a").eachText();
      assertTrue(countries.contains("Qatar") && countries.contains("Syria"), countries.toString());
    }
  }

  @Test
  void theLandingPageOffersBothLanguagesEachInItsOwnDirection() throws IOException {
    Document landing = parse("index.html");
    Element ar = landing.selectFirst("section[lang=ar]");
    Element en = landing.selectFirst("section[lang=en]");
    assertEquals("rtl", ar.attr("dir"));
    assertEquals("ltr", en.attr("dir"));
    assertEquals("ar/index.html", ar.selectFirst("a.enter").attr("href"));
    assertEquals("en/index.html", en.selectFirst("a.enter").attr("href"));
  }
}
