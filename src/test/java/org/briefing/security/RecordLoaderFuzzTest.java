package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.briefing.content.Problem;
import org.briefing.markdown.MarkdownRenderer;
import org.briefing.model.Engagement;
import org.briefing.model.Translation;
import org.briefing.validate.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Whatever bytes a pull request puts in a record's {@code engagement.yaml} and {@code en.md},
 * loading and validating ends in a record or in problems, never in another exception: the editor
 * always gets a message. The input is the facts file's bytes, then the line {@value #SEPARATOR},
 * then the English file's bytes (all facts and the fixture's English text when the line is
 * missing), in a fixture content folder with a valid neighbour record.
 *
 * <p>{@code mvn verify} replays the seeds in {@code RecordLoaderFuzzTestInputs/}; {@code
 * JAZZER_FUZZ=1 mvn test -Dtest=RecordLoaderFuzzTest} fuzzes.
 */
class RecordLoaderFuzzTest {

  static final String SEPARATOR = "=====en.md=====";
  private static final byte[] SPLIT = ("\n" + SEPARATOR + "\n").getBytes(StandardCharsets.UTF_8);
  private static final String ID = "2025-02-10-fuzzed-record";
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  private static Path tmp;
  private static Fixture fixture;

  @BeforeAll
  static void createFixture() throws IOException {
    tmp = Files.createTempDirectory("record-fuzz-");
    fixture = new Fixture(tmp);
    Files.createDirectories(fixture.dir(ID));
  }

  @AfterAll
  static void deleteFixture() throws IOException {
    Fixture.deleteTree(tmp);
  }

  @FuzzTest(maxDuration = "60s")
  void aRecordLoadsOrGivesProblemsNeverAnException(byte[] input) throws IOException {
    int at = indexOf(input, SPLIT);
    byte[] facts = at < 0 ? input : Arrays.copyOfRange(input, 0, at);
    byte[] en =
        at < 0
            ? Fixture.EN.getBytes(StandardCharsets.UTF_8)
            : Arrays.copyOfRange(input, at + SPLIT.length, input.length);
    Path dir = fixture.dir(ID);
    Files.write(dir.resolve("engagement.yaml"), facts);
    Files.write(dir.resolve("en.md"), en);

    Validator.Result result = fixture.check();

    assertEquals(result.ok(), result.site().isPresent());
    assertEquals(result.ok(), result.problems().isEmpty());
    for (Problem p : result.problems()) {
      assertFalse(p.format().isBlank());
      assertTrue(p.formatForGitHub().startsWith("::error file="));
      assertFalse(p.message().isBlank(), p::format);
    }
    result
        .site()
        .ifPresent(
            site -> {
              for (Engagement e : site.engagements()) {
                for (Translation t : e.translations().values()) {
                  assertEquals(
                      List.of(), HtmlSafety.bodyProblems(RENDERER.render(t.body().text())));
                }
              }
            });
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
