package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.briefing.outputs.CsvRow;

/**
 * Whatever text the cells of a row hold, the CSV line reads back (with Jackson's CSV reader, not
 * ours) as exactly that many cells, each the text as written or, for a cell a spreadsheet would run
 * as a formula, the text with one apostrophe before it; and no cell read back begins with a formula
 * character.
 *
 * <p>{@code mvn verify} replays the seeds in {@code CsvExportFuzzTestInputs/}; {@code JAZZER_FUZZ=1
 * mvn test -Dtest=CsvExportFuzzTest} fuzzes.
 */
class CsvExportFuzzTest {

  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  @FuzzTest(maxDuration = "60s")
  void everyCellReadsBackAsWrittenAndNoneAsAFormula(FuzzedDataProvider data) throws IOException {
    List<String> cells = new ArrayList<>();
    int count = 1 + data.consumeInt(0, 6);
    for (int i = 0; i < count; i++) {
      cells.add(i == count - 1 ? data.consumeRemainingAsString() : data.consumeString(64));
    }
    if (cells.equals(List.of(""))) {
      return; // an empty line is no row at all, in every reader
    }
    StringBuilder line = new StringBuilder();
    CsvRow.append(line, cells);

    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it =
        MAPPER.readerFor(String[].class).readValues(line.toString())) {
      it.forEachRemaining(rows::add);
    }
    assertEquals(1, rows.size(), line::toString);
    List<String> back = List.of(rows.get(0));
    assertEquals(cells.size(), back.size(), line::toString);
    for (int i = 0; i < cells.size(); i++) {
      String written = cells.get(i);
      String read = back.get(i);
      assertTrue(
          read.equals(written) || read.equals("'" + written),
          () -> "cell changed: " + written + " read as " + read);
      assertTrue(
          read.isEmpty() || "=+-@\t\r".indexOf(read.charAt(0)) < 0,
          () -> "a formula cell: " + read);
    }
  }
}
