package org.briefing.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny static file server for the built site on 127.0.0.1 and a free port, so the browser reads
 * the pages over http as readers do. Responses are never cached, so every page load fetches (and
 * the resource timing reports) all it needs.
 */
final class SiteServer implements AutoCloseable {

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "json", "application/json",
          "xml", "application/xml",
          "svg", "image/svg+xml",
          "png", "image/png",
          "woff2", "font/woff2",
          "txt", "text/plain; charset=utf-8",
          "csv", "text/csv; charset=utf-8");

  private final HttpServer server;
  private final Path root;

  SiteServer(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    server.createContext("/", this::serve);
    server.start();
  }

  /** The address of a page, e.g. {@code url("en/index.html")}. */
  String url(String page) {
    return origin() + "/" + page;
  }

  /** {@code http://127.0.0.1:port}. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
      Path file = root.resolve(path.substring(1)).normalize();
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      String name = file.getFileName().toString();
      String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      exchange
          .getResponseHeaders()
          .set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
