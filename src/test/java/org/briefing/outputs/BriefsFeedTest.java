package org.briefing.outputs;

import static org.briefing.outputs.HandBuiltArchive.archive;
import static org.briefing.outputs.HandBuiltArchive.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The briefs' feeds carry the latest months, not the whole archive's. */
class BriefsFeedTest {

  @Test
  void aFeedCarriesTheLatestTwoYearsOfMonthsNewestFirst() throws Exception {
    List<HandBuiltArchive.Rec> records = new ArrayList<>();
    for (int month = 0; month < BriefsFeed.MAX_MONTHS + 6; month++) { // 2023-01 to 2025-06
      String date = String.format("%d-%02d-10", 2023 + month / 12, 1 + month % 12);
      records.add(rec(date + "-visit", date));
    }
    records.add(rec("2024-visit", "2024")); // known only to the year: in no brief
    Map<String, String> files =
        HandBuiltArchive.make(
            new BriefsFeed(
                    archive(records.toArray(HandBuiltArchive.Rec[]::new)), HandBuiltArchive.STRINGS)
                .plan());
    for (String lang : List.of("en", "ar")) {
      Document feed = Jsoup.parse(files.get(lang + "/briefs/feed.xml"), "", Parser.xmlParser());
      List<String> ids = feed.select("entry > id").eachText();
      assertEquals(BriefsFeed.MAX_MONTHS, ids.size(), lang);
      assertEquals("https://example.org/briefing/" + lang + "/briefs/2025-06/", ids.get(0));
      assertEquals("https://example.org/briefing/" + lang + "/briefs/2023-07/", ids.get(23));
      assertEquals("2025-06-10T00:00:00Z", feed.select("feed > updated").text(), lang);
    }
  }
}
