package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.briefing.markdown.MarkdownRenderer;

/**
 * Whatever a record's body says, its HTML has no script, no event handler, no dangerous address, no
 * element or attribute the renderer does not make itself, no image from another host, and no
 * nesting past the renderer's bound.
 *
 * <p>{@code mvn verify} replays the seeds in {@code MarkdownFuzzTestInputs/} (Jazzer's regression
 * mode); {@code JAZZER_FUZZ=1 mvn test -Dtest=MarkdownFuzzTest} fuzzes for the {@code maxDuration}
 * below and writes any finding there as a new seed.
 */
class MarkdownFuzzTest {

  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  /** Body elements nest at most this deep: the renderer's containers plus fixed structure. */
  private static final int MAX_DEPTH = 2 * MarkdownRenderer.MAX_NESTING + 16;

  @FuzzTest(maxDuration = "60s")
  void markdownNeverYieldsActiveContent(byte[] input) {
    String markdown = new String(input, StandardCharsets.UTF_8);
    String html = RENDERER.render(markdown);
    assertEquals(List.of(), HtmlSafety.bodyProblems(html), () -> "for input: " + markdown);
    int depth = HtmlSafety.depth(html);
    assertTrue(depth <= MAX_DEPTH, () -> "nested " + depth + " deep for input: " + markdown);
  }
}
