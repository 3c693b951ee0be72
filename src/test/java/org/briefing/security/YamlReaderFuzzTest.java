package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.briefing.content.Problem;
import org.briefing.content.YamlReader;

/**
 * Whatever text a YAML file holds, the reader returns what it read or problems, never another
 * exception; each problem is on a line of the file (or the whole file) and speaks the editor's
 * words, not the parser's.
 *
 * <p>{@code mvn verify} replays the seeds in {@code YamlReaderFuzzTestInputs/}; {@code
 * JAZZER_FUZZ=1 mvn test -Dtest=YamlReaderFuzzTest} fuzzes.
 */
class YamlReaderFuzzTest {

  private static final Path FILE = Path.of("content", "engagements", "x", "engagement.yaml");
  private static final YamlReader READER = new YamlReader();
  private static final List<String> JARGON =
      List.of(
          "while scanning",
          "while parsing",
          "<block",
          "<stream",
          "<scalar>",
          "<flow",
          "<document",
          "simple key");

  @FuzzTest(maxDuration = "60s")
  void yamlReadsOrGivesProblemsInTheEditorsWords(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    List<Problem> problems = new ArrayList<>();
    READER.read(FILE, text, 3, problems);
    // YAML, like editors, also breaks lines at a lone carriage return (and at NEL, LS and PS)
    int lines = 3 + text.split("\r\n|[\r\n\u0085\u2028\u2029]", -1).length;
    for (Problem p : problems) {
      assertFalse(p.message().isBlank(), p::format);
      assertTrue(p.line() == 0 || (p.line() > 3 && p.line() <= lines), p::format);
      assertTrue(p.column() >= 0, p::format);
      for (String jargon : JARGON) {
        // a message may quote the editor's own text, which can hold anything
        assertFalse(
            p.message().contains(jargon) && !text.contains(jargon),
            () -> p.format() + "\nfor input:\n" + text);
      }
    }
  }
}
