package org.briefing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.briefing.links.LinkChecker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --links} against a real HTTP server on 127.0.0.1: an address that answers 200, one
 * that answers 404, one that redirects to the 200, one whose server answers only after the (short,
 * for the test) timeout, and one on a port nobody listens on. The lines printed are written out
 * here, with the line and column of each address in the record's {@code engagement.yaml}.
 */
class LinkCheckCommandTest {

  private static final String ID = "2025-01-20-sources-to-check";
  private static final LinkChecker.Settings QUICK =
      new LinkChecker.Settings(
          2, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(20));

  @TempDir static Path tmp;
  private static HttpServer server;
  private static ExecutorService serverThreads;
  private static String base;
  private static int refusedPort;
  private static Path content;
  private static final AtomicInteger inFlight = new AtomicInteger();
  private static final AtomicInteger mostAtOnce = new AtomicInteger();
  private static final AtomicInteger noHeadRequests = new AtomicInteger();

  private record Run(ExitCode code, String out, String err) {}

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newCachedThreadPool();
    server.setExecutor(serverThreads);
    server.createContext("/ok", ex -> answer(ex, 200, null, 0));
    server.createContext("/missing", ex -> answer(ex, 404, null, 0));
    server.createContext("/moved", ex -> answer(ex, 302, "/ok", 0));
    server.createContext("/slow", ex -> answer(ex, 200, null, 5000));
    server.createContext(
        "/no-head", ex -> answer(ex, ex.getRequestMethod().equals("HEAD") ? 405 : 200, null, 0));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refusedPort = closed.getLocalPort(); // bound, then closed: nothing listens there
    }
    warmUp();
    content = tmp.resolve("content");
    Files.createDirectories(content.resolve("engagements/" + ID));
    write(
        "site.yaml",
        "base_url: https://example.org/briefing/\n"
            + "title: {en: Test Briefing, ar: موجز تجريبي}\n"
            + "tagline: {en: Test, ar: تجربة}\n");
    write("countries.yaml", "QA: {en: Qatar, ar: قطر}\n");
    write("vocabulary.yaml", "types:\n  agreement: {en: Agreement, ar: اتفاقية}\ntopics: {}\n");
    // line numbers below are those of this text: url values start at column 10, archive_url's
    // at column 18
    write(
        "engagements/" + ID + "/engagement.yaml",
        String.join(
            "\n",
            "date: 2025-01-20",
            "type: agreement",
            "countries: [QA]",
            "status: confirmed",
            "sources:",
            "  - publisher: Example News",
            "    title: Still there",
            "    url: " + base + "/ok",
            "    archive_url: " + base + "/moved",
            "    language: en",
            "  - publisher: Example News",
            "    title: Gone",
            "    url: " + base + "/missing",
            "    archive_url: " + base + "/slow",
            "    language: en",
            "  - publisher: Example News",
            "    title: Server closed",
            "    url: http://127.0.0.1:" + refusedPort + "/story",
            "    language: en",
            "  - publisher: Example News",
            "    title: Cited twice, asked once; no HEAD",
            "    url: " + base + "/no-head",
            "    archive_url: " + base + "/no-head",
            "    language: en",
            ""));
    write("engagements/" + ID + "/en.md", "---\ntitle: Sources\nsummary: Sources.\n---\nBody.\n");
    write("engagements/" + ID + "/ar.md", "---\ntitle: مصادر\nsummary: مصادر.\n---\nنص.\n");
  }

  /**
   * Loads and compiles the JDK's HTTP client once, unhurried, so that the short timeouts of the
   * test measure the server, not a cold JVM on a busy machine.
   */
  private static void warmUp() throws IOException {
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(base + "/ok")).build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange ex, int status, String location, int delayMs)
      throws IOException {
    // the slow answer outlives the checker's wait, so only the others count as overlapping
    int now = delayMs > 0 ? 0 : inFlight.incrementAndGet();
    mostAtOnce.accumulateAndGet(now, Math::max);
    if (ex.getRequestURI().getPath().equals("/no-head")) {
      noHeadRequests.incrementAndGet();
    }
    try {
      if (delayMs > 0) {
        Thread.sleep(delayMs);
      }
      if (location != null) {
        ex.getResponseHeaders().add("Location", location);
        // an empty body said as a length, as web servers do (without it a client reading the
        // redirect waits for the connection to close)
        ex.getResponseHeaders().add("Content-Length", "0");
      }
      ex.sendResponseHeaders(status, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the checker gave up waiting: the timeout case
    } finally {
      if (delayMs == 0) {
        inFlight.decrementAndGet();
      }
      ex.close();
    }
  }

  private static void write(String file, String text) throws IOException {
    Files.writeString(content.resolve(file), text, StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExitCode code =
        new Main(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                QUICK)
            .run(args);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String file() {
    return content.resolve("engagements/" + ID + "/engagement.yaml").toString();
  }

  private static List<String> expected(String severity) {
    String fixUrl = "find the source's new address, or add archive_url with a preserved copy";
    return List.of(
        file()
            + ":13:10: "
            + severity
            + ": url "
            + base
            + "/missing answers HTTP 404 (not found); "
            + fixUrl,
        file()
            + ":14:18: "
            + severity
            + ": archive_url "
            + base
            + "/slow did not answer within 2 s; replace it with a preserved copy that opens",
        file()
            + ":18:10: "
            + severity
            + ": url http://127.0.0.1:"
            + refusedPort
            + "/story refused the connection; "
            + fixUrl);
  }

  @Test
  void printsEachDeadOrFailingAddressAtItsPlaceAsAWarningAndExitsZero() {
    int noHeadBefore = noHeadRequests.get();
    Run run = run(Map.of(), "check", "--content", content.toString(), "--links");
    assertEquals(ExitCode.OK, run.code(), run.err());
    assertEquals(expected("warning"), run.err().lines().toList());
    assertTrue(run.out().contains("checked 6 addresses of the sources: 3 failing"), run.out());
    assertEquals(1, mostAtOnce.get(), "one request at a time to the one host");
    // the address given twice is asked once: HEAD, refused with 405, then GET
    assertEquals(2, noHeadRequests.get() - noHeadBefore);
  }

  @Test
  void strictMakesThemErrorsAndCiAnnotatesThem() {
    Run run =
        run(
            Map.of("GITHUB_ACTIONS", "true"),
            "check",
            "--content",
            content.toString(),
            "--links",
            "--strict");
    assertEquals(ExitCode.CONTENT_ERRORS, run.code());
    List<String> lines = run.err().lines().toList();
    List<String> errors = expected("error");
    assertEquals(6, lines.size(), run.err());
    for (int i = 0; i < errors.size(); i++) {
      assertEquals(errors.get(i), lines.get(2 * i));
      assertTrue(lines.get(2 * i + 1).startsWith("::error file="), lines.get(2 * i + 1));
    }
    assertTrue(lines.get(1).contains(",line=13,col=10::url " + base + "/missing"), lines.get(1));
  }
}
