package org.briefing.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the built site's files to the preview's browser: a request path is resolved inside the
 * site folder and never outside it, a folder answers with its {@code index.html}, pages get the
 * reload script ({@link ReloadScript}), and a missing file gets the site's 404 page. Every answer
 * is marked not to be cached, so a reload always shows the latest build.
 */
final class StaticFiles {

  private static final Map<String, String> CONTENT_TYPES =
      Map.ofEntries(
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

  private final Path site;

  /**
   * @param site the folder the preview builds into, absolute and normalized
   */
  StaticFiles(Path site) {
    this.site = site;
  }

  /** Answers a GET or HEAD of {@code path} with the site's file there, as of {@code version}. */
  void serve(HttpExchange exchange, String path, int version) throws IOException {
    Optional<Path> found = resolve(site, path);
    if (found.isEmpty()) {
      notFound(exchange, version);
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
      notFound(exchange, version);
      return;
    }
    String type = contentType(file);
    byte[] body = Files.readAllBytes(file);
    if (type.startsWith("text/html")) {
      body =
          ReloadScript.inject(new String(body, StandardCharsets.UTF_8), version)
              .getBytes(StandardCharsets.UTF_8);
    }
    send(exchange, 200, type, body);
  }

  /**
   * The file a request path names inside {@code root}, or empty when it would leave it. The path is
   * already percent-decoded, so {@code %2e%2e} arrives here as {@code ..}.
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
  void notFound(HttpExchange exchange, int version) throws IOException {
    Path page = site.resolve("404.html");
    String html =
        Files.isRegularFile(page)
            ? Files.readString(page, StandardCharsets.UTF_8)
            : "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found"
                + "</title></head>\n<body><h1>Not found</h1><p>"
                + (version > 0
                    ? "The preview has no page at this address. <a href=\"/\">Home</a>"
                    : "The site has not been built yet: see the problems below.")
                + "</p>\n</body>"
                + "</html>\n";
    send(exchange, 404, "text/html; charset=utf-8", text(ReloadScript.inject(html, version)));
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

  static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
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

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
