package org.briefing.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.briefing.archive.Archive;
import org.briefing.archive.MonthlyBriefs;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The site of a generated {@link GeneratedSite#RECORDS}-record archive, so that a growing archive
 * can never make a content pull request fail: every page stays within its weight budget, and every
 * record and every monthly brief stays within three clicks of its language's home.
 */
class GeneratedArchiveTest {

  @Test
  void everyPageWithItsStylesheetsScriptsAndFontsWeighsUnder150Kb() throws IOException {
    List<String> pages = GeneratedSite.files(".html");
    assertTrue(pages.size() > 4 * GeneratedSite.RECORDS, "two pages per record and the lists");
    List<String> over =
        PageWeightTest.overBudget(
            GeneratedSite.root(),
            pages,
            GeneratedSite.baseUrl(),
            GeneratedSite.RECORDS + " generated records");
    assertTrue(
        over.isEmpty(),
        "pages over the "
            + PageWeightTest.BUDGET_BYTES
            + "-byte budget"
            + " for HTML + CSS + scripts + fonts:\n  "
            + String.join("\n  ", over));
  }

  @Test
  void everyRecordIsAtMostThreeClicksFromItsLanguagesHome() throws IOException {
    Path root = GeneratedSite.root();
    Archive archive = GeneratedSite.archive();
    for (Lang lang : Lang.values()) {
      Set<String> reached = new HashSet<>();
      Set<String> frontier = Set.of(lang.code() + "/index.html");
      reached.addAll(frontier);
      for (int click = 1; click <= 3; click++) {
        Set<String> next = new TreeSet<>();
        for (String page : frontier) {
          for (String target : links(root, page)) {
            if (reached.add(target) && !target.contains("/engagements/")) {
              next.add(target); // a record's page is an end: its own links are not counted
            }
          }
        }
        frontier = next;
      }
      List<String> missing = new ArrayList<>();
      for (Engagement e : archive.engagements()) {
        if (e.hasTranslation(lang)
            && !reached.contains(lang.code() + "/engagements/" + e.id() + "/index.html")) {
          missing.add(e.id());
        }
      }
      assertEquals(List.of(), missing, lang + ": records more than three clicks from the home");
      List<String> briefs = new ArrayList<>();
      for (MonthlyBriefs.Month m : archive.briefs().months()) {
        String brief = lang.code() + "/briefs/" + m.key() + "/index.html";
        if (!reached.contains(brief)) {
          briefs.add(brief);
        }
      }
      assertTrue(archive.briefs().months().size() > 12, "the archive spans many months");
      assertEquals(List.of(), briefs, lang + ": monthly briefs more than three clicks from home");
    }
  }

  /** The pages of the site {@code page} links to, as paths from the root. */
  private static Set<String> links(Path root, String page) throws IOException {
    Path file = root.resolve(page);
    Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
    Set<String> out = new TreeSet<>();
    for (Element a : doc.select("a[href]")) {
      String href = a.attr("href").replaceFirst("[?#].*", "");
      if (href.isEmpty() || href.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
        continue;
      }
      Path target = file.getParent().resolve(href).normalize();
      if (target.startsWith(root)
          && target.toString().endsWith(".html")
          && Files.isRegularFile(target)) {
        out.add(root.relativize(target).toString().replace('\\', '/'));
      }
    }
    return out;
  }
}
