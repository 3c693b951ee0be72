package org.briefing.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every page of the seed site, read from disk without a browser: it loads nothing from another
 * host, its HTML with the stylesheets and scripts it pulls in stays under 150 KB, and every font it
 * could fetch weighs 100 KiB at most. ({@link ReaderBrowserTest} checks the same in Chromium, from
 * what the browser really loaded.)
 */
class PageWeightTest {

  static final long BUDGET_BYTES = 150 * 1024;

  /** Fonts have their own budget: a page fetches only the faces its text needs. */
  static final long FONT_BUDGET_BYTES = 100 * 1024;

  /** Link relations that name another document without the browser fetching it. */
  private static final Set<String> NAVIGATION_RELS =
      Set.of(
          "canonical",
          "alternate",
          "prev",
          "next",
          "author",
          "license",
          "help",
          "bookmark",
          "tag",
          "me",
          "search");

  /** Attributes that make the browser fetch something, by element. */
  private static final String[][] FETCHING = {
    {"script[src]", "src"}, {"img[src]", "src"}, {"img[srcset]", "srcset"},
    {"source[src]", "src"}, {"source[srcset]", "srcset"}, {"video[src]", "src"},
    {"video[poster]", "poster"}, {"audio[src]", "src"}, {"track[src]", "src"},
    {"iframe[src]", "src"}, {"embed[src]", "src"}, {"object[data]", "data"},
    {"input[src]", "src"}, {"image[href]", "href"}, {"image[xlink:href]", "xlink:href"},
    {"use[href]", "href"}, {"use[xlink:href]", "xlink:href"}
  };

  private static final Pattern CSS_URL =
      Pattern.compile("url\\(\\s*['\"]?([^'\")]+?)['\"]?\\s*\\)|@import\\s+['\"]([^'\"]+)['\"]");

  @Test
  void noPageOrStylesheetLoadsAnythingFromAnotherHost() throws IOException {
    String baseUrl = baseUrl();
    List<String> foreign = new ArrayList<>();
    for (String page : BuiltSite.pages()) {
      for (String ref : fetchedReferences(parse(page))) {
        if (!sameOrigin(ref, baseUrl)) {
          foreign.add(page + ": " + ref);
        }
      }
    }
    for (String css : BuiltSite.files(".css")) {
      for (String ref : cssReferences(read(css))) {
        if (!sameOrigin(ref, baseUrl)) {
          foreign.add(css + ": " + ref);
        }
      }
    }
    assertTrue(
        foreign.isEmpty(),
        "references to another host (only relative addresses, or the"
            + " site's own base_url "
            + baseUrl
            + ", may be loaded):\n  "
            + String.join("\n  ", foreign));
  }

  @Test
  void everyPageWithItsStylesheetsAndScriptsWeighsUnder150KbAndItsFontsUnder100KiB()
      throws IOException {
    List<String> over = overBudget(BuiltSite.root(), BuiltSite.pages(), baseUrl(), "seed site");
    assertTrue(
        over.isEmpty(),
        "pages over the "
            + BUDGET_BYTES
            + "-byte budget for HTML + CSS +"
            + " scripts, or the "
            + FONT_BUDGET_BYTES
            + "-byte budget for fonts:\n  "
            + String.join("\n  ", over));
  }

  /**
   * The pages of the site at {@code root} that weigh {@link #BUDGET_BYTES} or more with the
   * stylesheets, scripts and fonts they load; prints the heaviest, labelled {@code site}.
   */
  static List<String> overBudget(Path root, List<String> pages, String baseUrl, String site)
      throws IOException {
    List<String> over = new ArrayList<>();
    String heaviest = "";
    long heaviestBytes = 0;
    for (String page : pages) {
      Path file = root.resolve(page);
      Set<Path> loaded = new LinkedHashSet<>();
      for (String ref :
          fetchedReferences(Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8)))) {
        Path target = local(root, file, ref, baseUrl);
        if (target != null && isCodeOrFont(target)) {
          loaded.add(target);
          if (target.toString().endsWith(".css")) {
            for (String inner : cssReferences(Files.readString(target, StandardCharsets.UTF_8))) {
              Path innerTarget = local(root, target, inner, baseUrl);
              if (innerTarget != null && isCodeOrFont(innerTarget)) {
                loaded.add(innerTarget);
              }
            }
          }
        }
      }
      long bytes = Files.size(file);
      long fontBytes = 0;
      for (Path p : loaded) {
        if (isFont(p)) {
          fontBytes += Files.size(p);
        } else {
          bytes += Files.size(p);
        }
      }
      // every face the page or its stylesheets name, as if its text needed them all
      if (fontBytes > FONT_BUDGET_BYTES) {
        over.add(page + ": " + fontBytes + " bytes of fonts (budget " + FONT_BUDGET_BYTES + ")");
      }
      if (bytes > heaviestBytes) {
        heaviestBytes = bytes;
        heaviest = page;
      }
      if (bytes >= BUDGET_BYTES) {
        over.add(page + ": " + bytes + " bytes (" + loaded.size() + " files besides the HTML)");
      }
    }
    System.out.println(
        "[weight] "
            + site
            + ": heaviest page "
            + heaviest
            + ", "
            + heaviestBytes
            + " bytes with its stylesheets and scripts (budget "
            + BUDGET_BYTES
            + ")");
    return over;
  }

  /** Every address in the page the browser would fetch while showing it. */
  static List<String> fetchedReferences(Document doc) {
    List<String> refs = new ArrayList<>();
    for (Element link : doc.select("link[href]")) {
      Set<String> rels = Set.of(link.attr("rel").toLowerCase(Locale.ROOT).trim().split("\\s+"));
      if (rels.stream().noneMatch(NAVIGATION_RELS::contains)) {
        refs.add(link.attr("href"));
      }
    }
    for (String[] f : FETCHING) {
      for (Element el : doc.select(f[0])) {
        String value = el.attr(f[1]);
        if (f[1].equals("srcset")) {
          for (String candidate : value.split(",")) {
            String url = candidate.trim().split("\\s+")[0];
            if (!url.isEmpty()) {
              refs.add(url);
            }
          }
        } else {
          refs.add(value);
        }
      }
    }
    for (Element el : doc.select("[style]")) {
      refs.addAll(cssReferences(el.attr("style")));
    }
    for (Element style : doc.select("style")) {
      refs.addAll(cssReferences(style.data()));
    }
    return refs;
  }

  static List<String> cssReferences(String css) {
    List<String> refs = new ArrayList<>();
    Matcher m = CSS_URL.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
    while (m.find()) {
      refs.add(m.group(1) != null ? m.group(1).trim() : m.group(2).trim());
    }
    return refs;
  }

  /** Relative, a fragment, inline data, or under the site's own base_url. */
  static boolean sameOrigin(String ref, String baseUrl) {
    String r = ref.trim();
    if (r.startsWith("//")) {
      return r.startsWith(baseUrl.replaceFirst("^https?:", ""));
    }
    if (r.regionMatches(true, 0, "data:", 0, 5) || r.startsWith("#")) {
      return true;
    }
    return !r.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || r.startsWith(baseUrl);
  }

  /** The file a reference points to inside the built site, or null (data:, outside). */
  static Path local(Path root, Path from, String ref, String baseUrl) {
    String r = ref.replaceFirst("[?#].*", "");
    if (r.isEmpty() || r.regionMatches(true, 0, "data:", 0, 5)) {
      return null;
    }
    Path target;
    if (r.startsWith(baseUrl)) {
      target = root.resolve(r.substring(baseUrl.length()));
    } else if (r.startsWith("/")) {
      target = root.resolve(r.substring(1));
    } else if (r.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || r.startsWith("//")) {
      return null;
    } else {
      target = from.getParent().resolve(URI.create(r.replace(" ", "%20")).getPath());
    }
    target = target.normalize();
    return target.startsWith(root) && Files.isRegularFile(target) ? target : null;
  }

  private static boolean isCodeOrFont(Path file) {
    return file.getFileName()
        .toString()
        .toLowerCase(Locale.ROOT)
        .matches(".*\\.(css|m?js|woff2?|ttf|otf|eot)$");
  }

  static String baseUrl() throws IOException {
    JsonNode site =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("content", "site.yaml").toFile());
    String url = site.path("base_url").asText("");
    return url.endsWith("/") ? url : url + "/";
  }

  private static Document parse(String page) throws IOException {
    return Jsoup.parse(read(page));
  }

  private static String read(String file) throws IOException {
    return Files.readString(BuiltSite.root().resolve(file), StandardCharsets.UTF_8);
  }

  private static boolean isFont(Path file) {
    return file.getFileName()
        .toString()
        .toLowerCase(Locale.ROOT)
        .matches(".*\\.(woff2?|ttf|otf|eot)$");
  }
}
