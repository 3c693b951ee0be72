package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole build, not only the page renderer, stays bounded on a hostile body: every reader of
 * bodies must parse them the bounded way ({@code MarkdownRenderer.parse}).
 */
@Tag("slow") // builds a site of pathological bodies: 25 s under mutation coverage
class BuildBoundsTest {
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aSiteWithPathologicalBodiesBuilds(@TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    String body =
        ">".repeat(10_000)
            + " quotes\n\n"
            + "- ".repeat(10_000)
            + "list\n\n"
            + "*a ".repeat(20_000)
            + " b*".repeat(20_000)
            + "\n\nx "
            + "<".repeat(100_000)
            + "\n\n"
            + "[".repeat(20_000)
            + "]".repeat(20_000)
            + "\n";
    site.record(Fixture.ID, Fixture.FACTS, Fixture.EN + body, Fixture.AR + body);
    var outcome = site.build(tmp.resolve("out"));
    assertTrue(outcome.ok(), () -> outcome.problems().toString());
  }
}
