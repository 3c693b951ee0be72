package org.briefing.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.briefing.build.IncrementalBuilder;
import org.briefing.build.SiteBuilder;
import org.briefing.content.Problem;
import org.briefing.i18n.TemplateProblemException;

/**
 * The local preview: builds the site into a private temporary folder, serves that folder on
 * 127.0.0.1, and rebuilds it whenever the content or templates change. A failed rebuild keeps
 * the last good site served; its problems are printed (one line each, as {@code build} prints
 * them) and returned by {@value ReloadScript#VERSION_PATH} for the page to show.
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

  /**
   * What the preview shows.
   *
   * @param version how many builds have succeeded; the page reloads when it changes
   * @param problems the last build's problems, one line each; empty when it succeeded
   */
  public record Status(int version, List<String> problems) {}

  private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("xml", "application/xml"),
      Map.entry("json", "application/json"),
      Map.entry("csv", "text/csv; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("webp", "image/webp"),
      Map.entry("ico", "image/vnd.microsoft.icon"),
      Map.entry("woff2", "font/woff2"));

  private final IncrementalBuilder builder;
  private final SiteBuilder.Options options;
  private final Path folder;
  private final Path site;
  private final HttpServer http;
  private final ExecutorService requests;
  private final ChangeWatcher watcher;
  private final PrintStream out;
  private final PrintStream err;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Status status = new Status(0, List.of()); // written under this
  /** The version that last rewrote each file, for files rewritten since the last full build. */
  private final Map<String, Integer> rewrittenIn = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile int fullBuild; // the version of the last full build
  private long firstPart; // when the current update's first part was written; under this
  private final Object statusChanged = new Object();
  private boolean closed; // guarded by this

  /**
   * Builds the site and starts serving and watching it.
   *
   * @param options what to build; {@code out} is ignored, the preview builds into its own
   *     temporary folder and never touches the published output
   * @param port the port on 127.0.0.1, or 0 for a free one (see {@link #address()})
   * @throws java.net.BindException when the port is taken
   */
  public static PreviewServer start(SiteBuilder.Options options, int port, PrintStream out,
      PrintStream err) throws IOException {
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
      preview.warmUp();
      preview.http.start();
      return preview;
    } catch (RuntimeException e) {
      preview.close();
      throw e;
    }
  }

  private PreviewServer(SiteBuilder.Options options, Path folder, int port, PrintStream out,
      PrintStream err) throws IOException {
    this.folder = folder;
    this.site = folder.resolve("site").toAbsolutePath().normalize();
    this.options = new SiteBuilder.Options(options.content(), options.templates(), site,
        options.baseUrl(), options.drafts(), options.strict());
    this.builder = new IncrementalBuilder(this.options);
    this.out = out;
    this.err = err;
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port),
        0);
    // Open pages hold a request each while they wait for the next build (see ReloadScript).
    this.requests = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "preview-http");
      thread.setDaemon(true);
      return thread;
    });
    http.setExecutor(requests);
    http.createContext("/", this::handle);
    try {
      this.watcher = new ChangeWatcher(List.of(options.content(), options.templates()),
          this::rebuild, err);
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

  public Status status() {
    return status;
  }

  /** The private folder the site is built into; removed by {@link #close()}. */
  Path siteFolder() {
    return site;
  }

  /**
   * Builds the whole site again into the private folder. On success the version goes up and
   * open pages reload; on failure the last good site stays and the problems are reported.
   */
  public void rebuild() {
    rebuild(null);
  }

  /**
   * Builds after {@code changed} paths changed ({@code null}: anything may have): only the
   * files they touch when only records changed (see {@link IncrementalBuilder}), else all.
   */
  synchronized void rebuild(Set<Path> changed) {
    if (closed) {
      return;
    }
    long start = System.nanoTime();
    firstPart = 0;
    List<String> problems;
    int files = 0;
    boolean incremental = false;
    try {
      IncrementalBuilder.Outcome outcome = changed == null ? builder.full()
          : builder.update(changed, this::rewritten);
      problems = outcome.problems().stream().map(Problem::format).toList();
      files = outcome.files();
      incremental = outcome.incremental();
    } catch (TemplateProblemException e) {
      problems = e.problems().stream().map(Problem::format).toList();
    } catch (IOException | RuntimeException e) {
      problems = List.of("error: the preview could not be built: " + e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    // The new files are served from the moment they are published, a moment before the version
    // changes here; a page fetched in between reloads once more, which is harmless.
    Status before = status;
    if (problems.isEmpty() && incremental) {
      // each part of the update already has its version (see rewritten)
      out.println("rebuilt " + files + (files == 1 ? " file" : " files") + " touched by the change"
          + " in " + millis + " ms, the edited pages first in " + (firstPart - start) / 1_000_000
          + " ms (version " + status.version() + ")");
    } else if (problems.isEmpty()) {
      rewrittenIn.clear();
      fullBuild = before.version() + 1;
      setStatus(new Status(before.version() + 1, List.of()));
      out.println("built " + files + " files in " + millis + " ms (version " + status.version()
          + ")");
    } else {
      setStatus(new Status(before.version(), problems));
      problems.forEach(err::println);
      err.println((problems.size() == 1 ? "1 problem" : problems.size() + " problems") + "; "
          + (before.version() > 0 ? "the preview still shows the last good build"
              : "nothing to preview until they are fixed"));
    }
  }

  /** See {@link IncrementalBuilder#warmUp}; a failure here only costs the first edit time. */
  private synchronized void warmUp() {
    try {
      builder.warmUp();
    } catch (IOException | RuntimeException e) {
      // the next edit's update meets the same problem and reports it
    }
  }

  /** Files of an incremental update are written: a new version, which reloads pages showing them. */
  private void rewritten(Set<String> files) {
    if (firstPart == 0) {
      firstPart = System.nanoTime();
    }
    int version = status.version() + 1;
    files.forEach(file -> rewrittenIn.put(file, version));
    setStatus(new Status(version, List.of()));
  }

  private void setStatus(Status next) {
    synchronized (statusChanged) {
      status = next;
      statusChanged.notifyAll();
    }
  }

  /**
   * Whether the page at {@code page} (a request path), served at version {@code since}, shows
   * anything rewritten after it: a full build rewrote everything; an update, its files (the
   * search page also shows its records).
   */
  boolean pageChanged(String page, int since) {
    if (fullBuild > since) {
      return true;
    }
    String file = page.replaceFirst("^/+", "");
    if (file.isEmpty() || file.endsWith("/")) {
      file += "index.html";
    }
    if (rewrittenIn.getOrDefault(file, 0) > since) {
      return true;
    }
    String search = "/search/index.html";
    return file.endsWith(search) && rewrittenIn.getOrDefault(
        file.substring(0, file.length() - search.length()) + "/search/records.js", 0) > since;
  }

  /**
   * Waits (up to {@code LONG_POLL_MILLIS}) for a build after {@code since} or any change of
   * state, then answers as {@link #json} does plus whether the page must reload.
   */
  private String waitForChange(String page, int since) throws InterruptedException {
    Status start = status;
    long deadline = System.nanoTime() + LONG_POLL_MILLIS * 1_000_000L;
    synchronized (statusChanged) {
      while (status.version() == since && status == start) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          break;
        }
        statusChanged.wait(left);
      }
    }
    Status now = status;
    String json = json(now);
    return "{\"reload\":" + (now.version() != since && pageChanged(page, since)) + ","
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
        send(exchange, 403, "text/plain; charset=utf-8", text("open the preview as "
            + address()));
        return;
      }
      String path = exchange.getRequestURI().getPath(); // percent-decoded
      Status now = status;
      if (path == null || path.isEmpty()) {
        notFound(exchange, now);
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
        serveFile(exchange, path, now);
      }
    }
  }

  private void serveFile(HttpExchange exchange, String path, Status now) throws IOException {
    Optional<Path> found = resolve(site, path);
    if (found.isEmpty()) {
      notFound(exchange, now);
      return;
    }
    Path file = found.get();
    if (Files.isDirectory(file)) {
      if (!path.endsWith("/")) {
        // pages link relatively: /en/timeline must become /en/timeline/ for its links to work
        exchange.getResponseHeaders().set("Location", locationOf(file));
        send(exchange, 301, "text/plain; charset=utf-8", text("moved"));
        return;
      }
      file = file.resolve("index.html");
    }
    if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(site.toRealPath())) {
      notFound(exchange, now);
      return;
    }
    String type = contentType(file);
    byte[] body = Files.readAllBytes(file);
    if (type.startsWith("text/html")) {
      body = ReloadScript.inject(new String(body, StandardCharsets.UTF_8), now.version())
          .getBytes(StandardCharsets.UTF_8);
    }
    send(exchange, 200, type, body);
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
        params.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  /**
   * The file a request path names inside {@code root}, or empty when it would leave it. The path
   * is already percent-decoded, so {@code %2e%2e} arrives here as {@code ..}.
   */
  static Optional<Path> resolve(Path root, String path) {
    if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
      return Optional.empty();
    }
    String relative = path.replaceFirst("^/+", "");
    try {
      Path target = root.resolve(relative).normalize();
      return target.startsWith(root) ? Optional.of(target) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The site's 404 page when it has one, else a short page; both reload once the site exists. */
  private void notFound(HttpExchange exchange, Status now) throws IOException {
    Path page = site.resolve("404.html");
    String html = Files.isRegularFile(page) ? Files.readString(page, StandardCharsets.UTF_8)
        : "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found"
            + "</title></head>\n<body><h1>Not found</h1><p>" + (now.version() > 0
                ? "The preview has no page at this address. <a href=\"/\">Home</a>"
                : "The site has not been built yet: see the problems below.") + "</p>\n</body>"
            + "</html>\n";
    send(exchange, 404, "text/html; charset=utf-8", text(ReloadScript.inject(html,
        now.version())));
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

  private String locationOf(Path dir) {
    String relative = site.relativize(dir).toString().replace('\\', '/');
    try {
      return new URI(null, null, "/" + relative + "/", null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a built folder cannot be named in a URI: " + relative, e);
    }
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static void send(HttpExchange exchange, int code, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(code, head || body.length == 0 ? -1 : body.length);
    if (!head) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(body);
      }
    }
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code {"version":3,"problems":["..."]}}. */
  static String json(Status status) {
    StringBuilder json = new StringBuilder("{\"version\":").append(status.version())
        .append(",\"problems\":[");
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
    synchronized (this) { // waits for a rebuild in progress; none starts after this
      if (closed) {
        return;
      }
      closed = true;
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
      err.println("warning: could not remove the preview folder " + folder + ": "
          + e.getMessage());
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
