package org.briefing.serve;

import static org.briefing.serve.StaticFiles.send;
import static org.briefing.serve.StaticFiles.text;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.briefing.build.IncrementalBuilder;
import org.briefing.build.SiteBuilder;

/**
 * The local preview: builds the site into a private temporary folder, serves that folder on
 * 127.0.0.1, and rebuilds it whenever the content or templates change. A failed rebuild keeps the
 * last good site served; its problems are printed (one line each, as {@code build} prints them) and
 * returned by {@value ReloadScript#VERSION_PATH} for the page to show.
 *
 * <pre>{@code
 * try (PreviewServer preview = PreviewServer.start(options, 0, System.out, System.err)) {
 *   URI home = preview.address().resolve("en/index.html");
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are served in parallel; rebuilds run one at a time.
 */
public final class PreviewServer implements Closeable {

  private final SiteBuilder.Options options;
  private final Path folder;
  private final Path site;
  private final Rebuilds rebuilds;
  private final StaticFiles files;
  private final HttpServer http;
  private final ExecutorService requests;
  private final ChangeWatcher watcher;
  private final PrintStream err;
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * Builds the site and starts serving and watching it.
   *
   * @param options what to build; {@code out} is ignored, the preview builds into its own temporary
   *     folder and never touches the published output
   * @param port the port on 127.0.0.1, or 0 for a free one (see {@link #address()})
   * @throws java.net.BindException when the port is taken
   */
  public static PreviewServer start(
      SiteBuilder.Options options, int port, PrintStream out, PrintStream err) throws IOException {
    Path folder = Files.createTempDirectory("briefing-preview-");
    PreviewServer preview;
    try {
      preview = new PreviewServer(options, folder, port, out, err);
    } catch (IOException | RuntimeException e) {
      deleteTree(folder);
      throw e;
    }
    try {
      preview.watcher.start(); // before the first build, so no change is missed during it
      preview.rebuild();
      preview.rebuilds.warmUp();
      preview.http.start();
      return preview;
    } catch (RuntimeException e) {
      preview.close();
      throw e;
    }
  }

  private PreviewServer(
      SiteBuilder.Options options, Path folder, int port, PrintStream out, PrintStream err)
      throws IOException {
    this.folder = folder;
    this.site = folder.resolve("site").toAbsolutePath().normalize();
    this.options =
        new SiteBuilder.Options(
            options.content(),
            options.templates(),
            site,
            options.baseUrl(),
            options.drafts(),
            options.strict());
    this.rebuilds = new Rebuilds(new IncrementalBuilder(this.options), out, err);
    this.files = new StaticFiles(site);
    this.err = err;
    this.http =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    // Open pages hold a request each while they wait for the next build (see ReloadScript).
    this.requests =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "preview-http");
              thread.setDaemon(true);
              return thread;
            });
    http.setExecutor(requests);
    http.createContext("/", this::handle);
    try {
      this.watcher =
          new ChangeWatcher(
              List.of(options.content(), options.templates()), rebuilds::rebuild, err);
    } catch (IOException | RuntimeException e) {
      http.stop(0);
      requests.shutdownNow();
      throw e;
    }
  }

  /** The preview's address, such as {@code http://127.0.0.1:8080/}. */
  public URI address() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public PreviewStatus status() {
    return rebuilds.status();
  }

  /** The private folder the site is built into; removed by {@link #close()}. */
  Path siteFolder() {
    return site;
  }

  /**
   * Builds the whole site again into the private folder. On success the version goes up and open
   * pages reload; on failure the last good site stays and the problems are reported.
   */
  public void rebuild() {
    rebuilds.rebuild(null);
  }

  /**
   * Waits (up to {@code LONG_POLL_MILLIS}) for a build after {@code since} or any change of state,
   * then answers as {@link #json} does plus whether the page must reload.
   */
  private String waitForChange(String page, int since) throws InterruptedException {
    PreviewStatus now = rebuilds.awaitChange(since, LONG_POLL_MILLIS);
    String json = json(now);
    return "{\"reload\":"
        + (now.version() != since && rebuilds.pageChanged(page, since))
        + ","
        + json.substring(1);
  }

  /** How long a page's question "anything new?" waits for an answer before it is asked again. */
  static final long LONG_POLL_MILLIS = 20_000;

  // ---------------------------------------------------------------- HTTP

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", text("only GET and HEAD"));
        return;
      }
      if (!fromThisMachine(exchange)) {
        send(exchange, 403, "text/plain; charset=utf-8", text("open the preview as " + address()));
        return;
      }
      String path = exchange.getRequestURI().getPath(); // percent-decoded
      PreviewStatus now = rebuilds.status();
      if (path == null || path.isEmpty()) {
        files.notFound(exchange, now.version());
      } else if (path.equals(ReloadScript.VERSION_PATH)) {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (query.containsKey("page") && query.containsKey("since")) {
          int since;
          try {
            since = Integer.parseInt(query.get("since"));
          } catch (NumberFormatException e) {
            since = -1;
          }
          try {
            send(exchange, 200, "application/json", text(waitForChange(query.get("page"), since)));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        } else {
          send(exchange, 200, "application/json", text(json(now)));
        }
      } else if (path.equals(ReloadScript.PATH)) {
        send(exchange, 200, "text/javascript; charset=utf-8", text(ReloadScript.SOURCE));
      } else {
        files.serve(exchange, path, now.version());
      }
    }
  }

  /** The decoded parameters of a query string; the last of a repeated name wins. */
  static Map<String, String> query(String raw) {
    Map<String, String> params = new java.util.HashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  /** Refuses pages of other sites that reach 127.0.0.1 by renaming themselves (DNS rebinding). */
  private boolean fromThisMachine(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return true;
    }
    String name = host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
    return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
  }

  /** {@code {"version":3,"problems":["..."]}}. */
  static String json(PreviewStatus status) {
    StringBuilder json =
        new StringBuilder("{\"version\":").append(status.version()).append(",\"problems\":[");
    for (int i = 0; i < status.problems().size(); i++) {
      json.append(i > 0 ? "," : "").append(quote(status.problems().get(i)));
    }
    return json.append("]}").toString();
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // ---------------------------------------------------------------- stopping

  /** Blocks until {@link #close()} has run (from another thread, such as a Ctrl-C hook). */
  public void awaitClose() throws InterruptedException {
    stopped.await();
  }

  /** Stops serving and watching, and deletes the private folder. Safe to call twice. */
  @Override
  public void close() {
    if (!rebuilds.close()) { // waits for a rebuild in progress; none starts after this
      return;
    }
    http.stop(0);
    requests.shutdownNow();
    try {
      watcher.close();
    } catch (IOException e) {
      err.println("warning: could not stop watching for changes: " + e.getMessage());
    }
    try {
      deleteTree(folder);
    } catch (IOException e) {
      err.println("warning: could not remove the preview folder " + folder + ": " + e.getMessage());
    }
    stopped.countDown();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
