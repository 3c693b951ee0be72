package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code arabic_digits: arabic-indic}, an Arabic page writes every number of its own language
 * with ٠–٩: dates, counts, and the digits editors typed in titles, summaries and bodies. Text in
 * another language (an English source title, a code, an address) keeps its own.
 */
class ArabicDigitsTest {

  @Test
  void anArabicPageNeverMixesWesternAndArabicIndicDigits(@TempDir Path tmp) throws Exception {
    Path content = SeedSite.copyOfContent(tmp);
    Path site = content.resolve("site.yaml");
    Files.writeString(
        site,
        Files.readString(site).replace("arabic_digits: western", "arabic_digits: arabic-indic"));
    Path out = tmp.resolve("out");
    assertTrue(
        new SiteBuilder()
            .build(
                new SiteBuilder.Options(
                    content, SeedSite.TEMPLATES, out, Optional.empty(), false, false))
            .ok());

    for (String page :
        List.of(
            "ar/index.html",
            "ar/timeline/index.html",
            "ar/countries/sy/index.html",
            "ar/engagements/2026-qatar-somalia-defence-cooperation-agreement-dimdex/index.html")) {
      Document doc = Jsoup.parse(out.resolve(page).toFile());
      List<String> western = westernDigitsInArabicText(doc.selectFirst("main"));
      assertEquals(List.of(), western, page);
      assertTrue(doc.selectFirst("main").text().matches("(?s).*[٠-٩].*"), page + " shows numbers");
    }
    Document record =
        Jsoup.parse(
            out.resolve(
                    "ar/engagements/2026-qatar-somalia-defence-cooperation-agreement-dimdex/index.html")
                .toFile());
    assertTrue(
        record.selectFirst(".record-body").text().contains("٢٠٢٦"), "digits an editor typed");
  }

  /**
   * Text runs with 0–9 that are not inside an element of another language, a code or an address.
   */
  private static List<String> westernDigitsInArabicText(Element root) {
    List<String> found = new ArrayList<>();
    NodeTraversor.traverse(
        (NodeVisitor)
            (node, depth) -> {
              if (node instanceof TextNode text && text.text().matches("(?s).*[0-9].*")) {
                Element parent = (Element) text.parent();
                boolean foreign =
                    parent.closest("[lang=en], .code, .url, .address, .sources") != null;
                if (!foreign) {
                  found.add(parent.tagName() + ": " + text.text().strip());
                }
              }
            },
        root);
    return found;
  }
}
