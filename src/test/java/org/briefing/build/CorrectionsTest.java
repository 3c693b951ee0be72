package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrected record tells readers what changed and when, on its page and in its feed entry. */
class CorrectionsTest {

  private static final String ID = "2025-02-10-visit";

  private static Path build(Path tmp) throws Exception {
    Path content = tmp.resolve("content");
    Path record = Files.createDirectories(content.resolve("engagements").resolve(ID));
    Files.writeString(
        content.resolve("site.yaml"),
        """
        base_url: https://example.org/briefing/
        title: {en: Test Briefing, ar: موجز تجريبي}
        tagline: {en: Test tagline, ar: شعار تجريبي}
        """);
    Files.writeString(
        content.resolve("countries.yaml"),
        "QA: {en: Qatar, ar: قطر}\nSY: {en: Syria, ar: سوريا}\n");
    Files.writeString(
        content.resolve("vocabulary.yaml"), "types:\n  visit: {en: Visit, ar: زيارة}\n");
    Files.writeString(
        record.resolve("engagement.yaml"),
        """
        date: 2025-02-10
        type: visit
        countries: [QA, SY]
        status: reported
        sources:
          - publisher: Example News
            title: Example title
            language: en
        corrections:
          - date: 2025-03-02
            en: The date of the visit was corrected from 9 to 10 February.
            ar: صُحّح تاريخ الزيارة من 9 إلى 10 شباط/فبراير.
          - date: 2025-04-15
            en: The delegation's leader is named correctly.
            ar: صُحّح اسم رئيس الوفد.
        """);
    Files.writeString(
        record.resolve("en.md"), "---\ntitle: A visit\nsummary: A visit took place.\n---\nBody.\n");
    Files.writeString(
        record.resolve("ar.md"), "---\ntitle: زيارة\nsummary: جرت زيارة.\n---\nنص.\n");
    Path out = tmp.resolve("out");
    SiteBuilder.Outcome outcome =
        new SiteBuilder()
            .build(
                new SiteBuilder.Options(
                    content, SeedSite.TEMPLATES, out, Optional.empty(), false, false));
    assertEquals(List.of(), outcome.problems());
    return out;
  }

  @Test
  void theRecordPageListsCorrectionsNewestFirstAndSaysWhenItWasLastCorrected(@TempDir Path tmp)
      throws Exception {
    Path out = build(tmp);
    Document en = Jsoup.parse(out.resolve("en/engagements/" + ID + "/index.html").toFile());
    List<String> items = en.select(".corrections li").eachText();
    assertEquals(2, items.size());
    assertTrue(items.get(0).startsWith("15 April 2025"), items.get(0));
    assertTrue(items.get(1).contains("corrected from 9 to 10 February"), items.get(1));
    assertTrue(
        en.select(".facts").text().contains("Last corrected 15 April 2025"),
        en.select(".facts").text());

    Document ar = Jsoup.parse(out.resolve("ar/engagements/" + ID + "/index.html").toFile());
    assertTrue(ar.select(".corrections li").first().text().startsWith("15 أبريل/نيسان 2025"));
  }

  @Test
  void theFeedEntryCarriesTheCorrectionsAndIsUpdatedByTheLatest(@TempDir Path tmp)
      throws Exception {
    Path out = build(tmp);
    String feed = Files.readString(out.resolve("en/feed.xml"));
    assertTrue(feed.contains("<updated>2025-04-15T00:00:00Z</updated>"), feed);
    assertTrue(feed.contains("<published>2025-02-10T00:00:00Z</published>"), feed);
    assertTrue(feed.contains("corrected from 9 to 10 February"), feed);
  }
}
