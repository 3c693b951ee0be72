package org.briefing.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds into one output folder in one process (the preview rebuilding while a build runs, or a
 * build that reads its last state, publishes and writes its new state) run one after the other: the
 * second starts writing only once the first has swapped its site in, and the folder ends with the
 * second's site and nothing beside it.
 */
class OneBuildAtATimeTest {

  private static Publisher.SiteWriter page(String text, CountDownLatch started, CountDownLatch go) {
    return sink -> {
      started.countDown();
      try {
        assertTrue(go.await(30, TimeUnit.SECONDS), "the test let the build go on");
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      sink.write("index.html", out -> out.write(bytes));
    };
  }

  private static boolean startedWithin(CountDownLatch started, long millis) throws IOException {
    try {
      return started.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  private static List<String> beside(Path tmp) throws IOException {
    try (Stream<Path> all = Files.list(tmp)) {
      return all.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aSecondBuildWaitsForTheFirstToFinish(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("site");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch firstStarted = new CountDownLatch(1);
      CountDownLatch firstGo = new CountDownLatch(1);
      CountDownLatch secondStarted = new CountDownLatch(1);
      CountDownLatch secondGo = new CountDownLatch(0);
      Future<Integer> first =
          threads.submit(() -> new Publisher().publish(out, page("first", firstStarted, firstGo)));
      assertTrue(firstStarted.await(30, TimeUnit.SECONDS));
      // while it writes, its staging folder beside the site names this process, so that a later
      // build can tell whether the build that left it is still running
      String self = ".site.new-" + ProcessHandle.current().pid() + "-";
      assertEquals(
          1, beside(tmp).stream().filter(n -> n.startsWith(self)).count(), beside(tmp).toString());
      Future<Integer> second =
          threads.submit(
              () -> new Publisher().publish(out, page("second", secondStarted, secondGo)));
      assertFalse(
          secondStarted.await(500, TimeUnit.MILLISECONDS),
          "the second build started writing while the first was still writing");
      firstGo.countDown();
      assertEquals(1, first.get(30, TimeUnit.SECONDS));
      assertEquals(1, second.get(30, TimeUnit.SECONDS));
      assertEquals("second", Files.readString(out.resolve("index.html")));
      assertEquals(List.of("site"), beside(tmp), "no lock, staging or old folder left beside");
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aBuildHoldingTheFolderPublishesInsideAndOthersWaitUntilItIsDone(@TempDir Path tmp)
      throws Exception {
    Path out = tmp.resolve("site");
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try {
      CountDownLatch otherStarted = new CountDownLatch(1);
      Future<Integer> other =
          Publisher.holding(
              out,
              () -> {
                assertEquals(
                    1,
                    new Publisher()
                        .publish(out, page("held", new CountDownLatch(1), new CountDownLatch(0))));
                assertEquals("held", Files.readString(out.resolve("index.html")));
                Future<Integer> waiting =
                    threads.submit(
                        () ->
                            new Publisher()
                                .publish(out, page("after", otherStarted, new CountDownLatch(0))));
                assertFalse(
                    startedWithin(otherStarted, 500),
                    "another build wrote while the folder was held");
                assertEquals(
                    "inner",
                    Publisher.holding(out, () -> "inner"),
                    "holding the folder again inside does not wait for itself");
                // a state file written beside the site while holding it
                Files.writeString(tmp.resolve("state"), "of the held build");
                return waiting;
              });
      assertEquals(1, other.get(30, TimeUnit.SECONDS));
      assertEquals("after", Files.readString(out.resolve("index.html")));
      assertEquals(List.of("site", "state"), beside(tmp));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aSwapIntoAnExistingSiteIsCountedAndItsGapMeasured(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("site");
    CountDownLatch none = new CountDownLatch(0);
    new Publisher().publish(out, page("one", new CountDownLatch(1), none));
    long swaps = Publisher.swapCount();
    Publisher publisher = new Publisher();
    publisher.publish(out, page("two", new CountDownLatch(1), none));
    assertEquals(
        swaps + 1, Publisher.swapCount(), "the program tells whether a site was swapped in");
    long gap = publisher.lastSwapGapNanos();
    assertTrue(gap > 0 && gap < 10_000_000_000L, "the gap between the two renames: " + gap + " ns");
  }

  @Test
  void aStagingFolderOfThisProcessIsNotTakenForALeftover(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("site");
    CountDownLatch none = new CountDownLatch(0);
    new Publisher().publish(out, page("one", new CountDownLatch(1), none));
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().orElseThrow().toEpochMilli();
    String ours = ".site.new-" + self.pid() + "-" + start + "-42";
    Files.createDirectories(tmp.resolve(ours));
    new Publisher().publish(out, page("two", new CountDownLatch(1), none));
    assertEquals(List.of(ours, "site"), beside(tmp));
  }

  @Test
  void aBuildWaitingForAnotherProcessSaysWhichAndGoesOnWhenItEnds(@TempDir Path tmp)
      throws Exception {
    Path out = tmp.resolve("site");
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                out.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    ExecutorService threads = Executors.newSingleThreadExecutor();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.err;
    try {
      java.io.BufferedReader said =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("held", said.readLine(), "the other process took the lock");
      System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
      CountDownLatch started = new CountDownLatch(1);
      Future<Integer> waiting =
          threads.submit(
              () -> new Publisher().publish(out, page("after", started, new CountDownLatch(0))));
      assertFalse(started.await(1, TimeUnit.SECONDS), "wrote while another process held the lock");
      other.getOutputStream().close();
      assertEquals(1, waiting.get(30, TimeUnit.SECONDS));
      assertEquals("after", Files.readString(out.resolve("index.html")));
      String notices = err.toString(StandardCharsets.UTF_8);
      assertTrue(
          notices.contains(
              "waiting: another build (process "
                  + other.pid()
                  + ") is writing "
                  + out
                  + "; this one goes on when it ends"),
          notices);
      assertEquals(List.of("site"), beside(tmp));
    } finally {
      System.setErr(saved);
      threads.shutdownNow();
      other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
