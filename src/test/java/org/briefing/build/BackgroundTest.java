package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Work done beside the build gives back its result, or its failure as it was thrown. */
class BackgroundTest {

  @Test
  void theResultComesBackOnceTheWorkIsDone() throws IOException {
    AtomicBoolean done = new AtomicBoolean();
    Background<String> work =
        new Background<>(
            "test",
            () -> {
              Thread.sleep(50);
              done.set(true);
              return "made";
            });

    assertEquals("made", work.get());
    assertTrue(done.get());
  }

  @Test
  void aFailureIsThrownAsTheWorkThrewIt() {
    IOException disk = new IOException("disk full (test)");
    IllegalStateException bug = new IllegalStateException("a bug (test)");

    assertSame(
        disk,
        assertThrows(
            IOException.class,
            () ->
                new Background<Void>(
                        "test",
                        () -> {
                          throw disk;
                        })
                    .get()));
    assertSame(
        bug,
        assertThrows(
            IllegalStateException.class,
            () ->
                new Background<Void>(
                        "test",
                        () -> {
                          throw bug;
                        })
                    .get()));
  }
}
