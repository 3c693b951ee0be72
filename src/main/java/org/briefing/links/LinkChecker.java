package org.briefing.links;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Asks each server whether an address still answers. Each address is asked once however many
 * records give it: {@code HEAD} first and, when a server refuses {@code HEAD} (405, 501 and the
 * like), {@code GET}, whose body is not read. Redirects are followed (a bounded number, never from
 * https to http). It is polite: at most {@link Settings#parallel} servers at a time, one request at
 * a time to each host, with {@link Settings#pause} between two requests to the same host.
 *
 * <p>Usage: {@code new LinkChecker(Settings.DEFAULT).check(addresses)} gives the failures, in the
 * order of {@code addresses}.
 */
public final class LinkChecker {

  /**
   * How the checker behaves.
   *
   * @param parallel how many hosts are asked at once
   * @param connectTimeout how long to wait for a connection
   * @param timeout how long to wait for the answer's headers, once asked
   * @param pause the wait between two requests to the same host
   */
  public record Settings(int parallel, Duration connectTimeout, Duration timeout, Duration pause) {
    public static final Settings DEFAULT =
        new Settings(4, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(1));
  }

  /** An address that did not answer well, and why, in words for an editor. */
  public record Failure(SourceAddress address, String reason) {}

  /** The answers that mean "this server does not do HEAD", after which GET is tried. */
  private static final Set<Integer> HEAD_REFUSED = Set.of(400, 403, 405, 406, 501);

  private final Settings settings;
  private final HttpClient client;

  public LinkChecker(Settings settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The addresses of {@code addresses} that fail, in their order. */
  public List<Failure> check(List<SourceAddress> addresses) throws InterruptedException {
    // each distinct address once, grouped by host so that a host is asked one thing at a time
    Map<String, List<String>> byHost = new TreeMap<>();
    for (SourceAddress a : addresses) {
      List<String> urls = byHost.computeIfAbsent(host(a.url()), h -> new ArrayList<>());
      if (!urls.contains(a.url())) {
        urls.add(a.url());
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.parallel()));
    Map<String, Future<Map<String, Optional<String>>>> work = new LinkedHashMap<>();
    try {
      byHost.forEach((host, urls) -> work.put(host, pool.submit(() -> checkHost(urls))));
      Map<String, Optional<String>> reasons = new TreeMap<>();
      for (Future<Map<String, Optional<String>>> each : work.values()) {
        try {
          reasons.putAll(each.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      List<Failure> failures = new ArrayList<>();
      for (SourceAddress a : addresses) {
        reasons.get(a.url()).ifPresent(reason -> failures.add(new Failure(a, reason)));
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, Optional<String>> checkHost(List<String> urls) throws InterruptedException {
    Map<String, Optional<String>> reasons = new LinkedHashMap<>();
    for (int i = 0; i < urls.size(); i++) {
      if (i > 0) {
        Thread.sleep(settings.pause().toMillis());
      }
      reasons.put(urls.get(i), problemWith(urls.get(i)));
    }
    return reasons;
  }

  /** Why {@code url} fails, or empty when it answers with a success. */
  Optional<String> problemWith(String url) throws InterruptedException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a well-formed address (" + e.getReason() + ")");
    }
    try {
      int status = ask(uri, "HEAD");
      if (HEAD_REFUSED.contains(status)) {
        status = ask(uri, "GET");
      }
      if (status >= 200 && status < 300) {
        return Optional.empty();
      }
      if (status >= 300 && status < 400) {
        return Optional.of("redirects too many times (last answer: HTTP " + status + ")");
      }
      return Optional.of("answers HTTP " + status + describe(status));
    } catch (HttpConnectTimeoutException e) {
      return Optional.of(
          "did not accept a connection within " + seconds(settings.connectTimeout()));
    } catch (HttpTimeoutException e) {
      return Optional.of("did not answer within " + seconds(settings.timeout()));
    } catch (ConnectException e) {
      return Optional.of("refused the connection");
    } catch (IOException e) {
      return Optional.of(
          "could not be reached ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")");
    } catch (IllegalArgumentException e) {
      return Optional.of("cannot be asked (" + e.getMessage() + ")");
    }
  }

  private int ask(URI uri, String method) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("User-Agent", "briefing-link-check/1 (checks the sources a record cites)")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String describe(int status) {
    return switch (status) {
      case 404 -> " (not found)";
      case 410 -> " (gone)";
      case 401, 403 -> " (access refused)";
      case 429 -> " (too many requests; try again later)";
      default -> status >= 500 ? " (server error)" : "";
    };
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** The host an address is on, lowercase; the whole address when it has none. */
  private static String host(String url) {
    try {
      String host = new URI(url).getHost();
      return host == null ? url : host.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return url;
    }
  }
}
