package org.briefing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * What an Arab reader sees on the seed site's Arabic pages: names in Arabic order (after the
 * article «ال»), no Latin country codes, and publishers named in Arabic. The expected orders are
 * written by hand, as an Arabic index prints them.
 */
class ArabicPagesTest {

  private static final List<String> COUNTRIES_IN_ARABIC_ORDER =
      List.of("تركيا", "سوريا", "الصومال", "فرنسا", "قطر", "الولايات المتحدة");

  private static Document page(String path) {
    return Jsoup.parse(RenderedSite.seed().text(path));
  }

  @Test
  void theCountriesPageListsCountriesInArabicOrder() {
    assertEquals(
        COUNTRIES_IN_ARABIC_ORDER,
        page("ar/countries/index.html").select(".country-name").eachText());
  }

  @Test
  void theHomePageCountsCountriesInArabicOrder() {
    List<String> names =
        page("ar/index.html").select("section[aria-labelledby=countries-h] li > a").eachText();
    assertEquals(COUNTRIES_IN_ARABIC_ORDER, names);
  }

  @Test
  void theTimelineFiltersOfferCountriesAndTypesInArabicOrder() {
    Document timeline = page("ar/timeline/index.html");
    List<String> countries = timeline.select("#filter-country option[value~=.]").eachText();
    assertEquals(COUNTRIES_IN_ARABIC_ORDER, countries);
    List<String> types = timeline.select("#filter-type option[value~=.]").eachText();
    assertEquals(
        List.of(
            "اتصال هاتفي",
            "اتفاقية",
            "اجتماع",
            "تقرير",
            "خطوة دبلوماسية",
            "دعم أمني",
            "زيارة",
            "عملية مشتركة"),
        types);
  }

  @Test
  void theEnglishFiltersFollowEnglishOrder() {
    List<String> countries =
        page("en/timeline/index.html").select("#filter-country option[value~=.]").eachText();
    assertEquals(
        List.of("France", "Qatar", "Somalia", "Syria", "Turkey", "United States"), countries);
  }

  @Test
  void noArabicPageShowsALatinCountryCode() {
    Pattern code = Pattern.compile("\\b(FR|QA|SO|SY|TR|US)\\b");
    List<String> found = new ArrayList<>();
    for (String path : arabicPages()) {
      // an actor's name as written in English (marked lang="en") is a name, not a code
      Document doc = page(path).clone();
      doc.select("body [lang=en]").remove();
      Matcher m = code.matcher(doc.body().text());
      if (m.find()) {
        found.add(path + ": " + m.group());
      }
    }
    assertEquals(List.of(), found);
    // the English pages still show them, so the check above looks at the right text
    assertTrue(code.matcher(page("en/countries/index.html").body().text()).find());
  }

  @Test
  void arabicRecordPagesNamePublishersInArabic() {
    Document record =
        page(
            "ar/engagements/2025-10-27-mei-report-syria-coalition-operational-agreements/index.html");
    assertEquals(List.of("عنب بلدي"), record.select(".sources .publisher").eachText());
    Document somalia =
        page("ar/engagements/2026-qatar-somalia-interior-security-ministers-meeting/index.html");
    assertEquals(
        List.of("موقع إخباري عربي لم يُحدَّد اسمه ينقل عنواناً لـ«الخليج أونلاين»"),
        somalia.select(".sources .publisher").eachText());
    Document english =
        page(
            "en/engagements/2025-10-27-mei-report-syria-coalition-operational-agreements/index.html");
    assertEquals(List.of("Enab Baladi"), english.select(".sources .publisher").eachText());
  }

  @Test
  void noArabicPageShowsAPublishersEnglishName() {
    List<String> english = List.of("Al-Khaleej Online", "Enab Baladi", "name not identified");
    List<String> found = new ArrayList<>();
    for (String path : arabicPages()) {
      String text = page(path).body().text();
      for (String name : english) {
        if (text.contains(name)) {
          found.add(path + ": " + name);
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void arabicStatusLabelsVouchOnlyForWhatASourceSays() {
    Document mei =
        page(
            "ar/engagements/2025-10-27-mei-report-syria-coalition-operational-agreements/index.html");
    assertEquals("وفق تقارير", mei.selectFirst(".facts .badge").text());
    assertEquals(
        "نقلته وسائل إعلام أو مراكز أبحاث، ولم يصدر بشأنه بيان رسمي.",
        mei.selectFirst(".facts .explain").text());
  }

  private static List<String> arabicPages() {
    List<String> pages =
        RenderedSite.seed().files().keySet().stream()
            .filter(p -> p.startsWith("ar/") && p.endsWith(".html"))
            .sorted()
            .toList();
    assertTrue(pages.size() > 20, "Arabic pages: " + pages.size());
    return pages;
  }
}
