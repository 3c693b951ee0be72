package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst opens {@code /data/engagements.csv} in a spreadsheet: every field comes back as the
 * editor wrote it, whatever quotes, commas, line breaks and Arabic it holds, under the column names
 * analysts' scripts rely on.
 */
class CsvRoundTripTest {

  /** The columns, in order; renaming or moving one breaks every analyst's script. */
  private static final List<String> HEADER =
      List.of(
          "id",
          "date",
          "end_date",
          "type",
          "type_en",
          "type_ar",
          "countries",
          "countries_en",
          "countries_ar",
          "status",
          "title_en",
          "title_ar",
          "summary_en",
          "summary_ar",
          "actors",
          "actors_en",
          "actors_ar",
          "topics",
          "sources",
          "related",
          "url_en",
          "url_ar");

  private static final String AWKWARD = "2025-03-05-awkward-fields";
  private static final String PLAIN = "2025-01-20-plain-record";

  @Test
  void fieldsWithQuotesCommasLineBreaksAndArabicComeBackAsWritten(@TempDir Path tmp)
      throws Exception {
    HandBuiltSite site = new HandBuiltSite(tmp);
    site.record(PLAIN, HandBuiltSite.facts("2025-01-20", "call", "TR", ""));
    site.record(
        AWKWARD,
        """
        date: 2025-03-05
        end_date: 2025-03-07
        type: agreement
        countries: [QA, SY]
        topics: [training]
        status: reported
        sources:
          - publisher: "Al-Khaleej, Online"
            title: "The \\"deal\\", signed"
            url: https://example.org/a?x=1,2
            language: ar
        related: [2025-01-20-plain-record]
        """,
        "---\ntitle: 'Qatar, Syria and the \"White Helmets\"'\n"
            + "summary: \"First line, with a comma.\\nSecond line, after a line break.\"\n---\nBody.\n",
        "---\ntitle: \"قطر وسوريا، و\\\"الخوذ البيضاء\\\"\"\nsummary: \"سطر أول،\\nوسطر ثانٍ.\"\n---\nنص.\n");
    Path out = site.build();

    byte[] bytes = Files.readAllBytes(out.resolve("data/engagements.csv"));
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertEquals('\uFEFF', text.charAt(0), "a byte-order mark, so spreadsheets read UTF-8");
    List<List<String>> rows = ReaderOutputsTest.Rfc4180.parse(text.substring(1));
    assertEquals(HEADER, rows.get(0));
    assertEquals(3, rows.size(), "a header and one row per record, oldest first");
    assertEquals(PLAIN, rows.get(1).get(0));

    Map<String, String> row = new TreeMap<>();
    for (int i = 0; i < HEADER.size(); i++) {
      row.put(HEADER.get(i), rows.get(2).get(i));
    }
    Map<String, String> expected = new TreeMap<>();
    expected.put("id", AWKWARD);
    expected.put("date", "2025-03-05");
    expected.put("end_date", "2025-03-07");
    expected.put("type", "agreement");
    expected.put("type_en", "Agreement");
    expected.put("type_ar", "اتفاقية");
    expected.put("countries", "QA; SY");
    expected.put("countries_en", "Qatar; Syria");
    expected.put("countries_ar", "قطر; سوريا");
    expected.put("status", "reported");
    expected.put("title_en", "Qatar, Syria and the \"White Helmets\"");
    expected.put("title_ar", "قطر وسوريا، و\"الخوذ البيضاء\"");
    expected.put("summary_en", "First line, with a comma.\nSecond line, after a line break.");
    expected.put("summary_ar", "سطر أول،\nوسطر ثانٍ.");
    expected.put("actors", "");
    expected.put("actors_en", "");
    expected.put("actors_ar", "");
    expected.put("topics", "training");
    expected.put(
        "sources", "Al-Khaleej, Online: The \"deal\", signed <https://example.org/a?x=1,2>");
    expected.put("related", PLAIN);
    expected.put("url_en", "https://example.org/briefing/en/engagements/" + AWKWARD + "/");
    expected.put("url_ar", "https://example.org/briefing/ar/engagements/" + AWKWARD + "/");
    assertEquals(expected, row);
  }
}
