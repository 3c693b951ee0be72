package org.briefing.serve;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.briefing.TestFiles;
import org.briefing.build.SiteBuilder;

/**
 * A real preview for tests: a copy of the project's content and templates in a temporary folder,
 * served on a free port, reached over real HTTP.
 */
final class Preview implements AutoCloseable {

  /** How long a test waits for a rebuild before failing; rebuilds take well under a second. */
  static final Duration PATIENCE = Duration.ofSeconds(10);

  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

  final Path content;
  final Path templates;
  final PreviewServer server;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private Preview(Path content, Path templates) throws IOException {
    this.content = content;
    this.templates = templates;
    PrintStream stream = new PrintStream(log, true, StandardCharsets.UTF_8);
    this.server =
        PreviewServer.start(
            new SiteBuilder.Options(
                content, templates, Path.of("site-output"), Optional.empty(), false, false),
            0,
            stream,
            stream);
  }

  /** Copies the project's content and templates into {@code temp} and previews them. */
  static Preview ofProjectCopy(Path temp) throws IOException {
    TestFiles.copyTree(Path.of("content"), temp.resolve("content"));
    TestFiles.copyTree(Path.of("templates"), temp.resolve("templates"));
    return new Preview(temp.resolve("content"), temp.resolve("templates"));
  }

  /** Previews folders the test has prepared. */
  static Preview of(Path content, Path templates) throws IOException {
    return new Preview(content, templates);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(server.address().resolve(path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The raw body of the version endpoint. */
  String state() throws IOException, InterruptedException {
    return get("/__preview/version").body();
  }

  int version() throws IOException, InterruptedException {
    Matcher m = VERSION.matcher(state());
    if (!m.find()) {
      fail("no version in " + state());
    }
    return Integer.parseInt(m.group(1));
  }

  /**
   * Sends {@code target} byte for byte, as no well-behaved client would ({@code /../x}), and
   * returns the whole response.
   */
  String raw(String method, String target, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + target
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nContent-Length: 0"
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  String raw(String target) throws IOException {
    return raw("GET", target, "127.0.0.1:" + server.port());
  }

  /** What the preview printed: build lines and problems. */
  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  /** Waits, within {@link #PATIENCE}, for {@code condition}; fails naming {@code what}. */
  void eventually(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.call()) {
        return;
      }
      Thread.sleep(50);
    }
    fail("within " + PATIENCE.toSeconds() + " s: " + what + "\npreview log:\n" + log());
  }

  @Override
  public void close() {
    server.close();
  }
}
