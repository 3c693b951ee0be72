package org.briefing.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview as a browser meets it: one server over a copy of the project, read only. */
class PreviewServerTest {

  @TempDir static Path temp;

  private static Preview preview;

  @BeforeAll
  static void startThePreview() throws IOException {
    preview = Preview.ofProjectCopy(temp);
  }

  @AfterAll
  static void stopThePreview() {
    preview.close();
  }

  @Test
  void servesTheEnglishHomeWithTheSiteTitle() throws Exception {
    HttpResponse<String> home = preview.get("/en/index.html");
    assertEquals(200, home.statusCode());
    assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElse(""));
    Matcher title =
        Pattern.compile("(?m)^title:\\s*\\{en:\\s*([^,}]+)")
            .matcher(Files.readString(preview.content.resolve("site.yaml")));
    assertTrue(title.find());
    assertTrue(home.body().contains(title.group(1).strip()), home.body());
    assertTrue(preview.server.port() > 0);
    assertEquals(
        "http://127.0.0.1:" + preview.server.port() + "/", preview.server.address().toString());
  }

  @Test
  void everyKindOfBuiltFileIsServedWithItsContentType() throws Exception {
    Map<String, String> expected =
        Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "xml", "application/xml",
            "json", "application/json",
            "csv", "text/csv; charset=utf-8",
            "txt", "text/plain; charset=utf-8");
    Path site = preview.server.siteFolder();
    Map<String, String> oneOfEach = new TreeMap<>();
    try (Stream<Path> files = Files.walk(site)) {
      files
          .filter(Files::isRegularFile)
          .map(p -> site.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .forEach(p -> oneOfEach.putIfAbsent(p.substring(p.lastIndexOf('.') + 1), p));
    }
    assertTrue(oneOfEach.containsKey("html") && oneOfEach.containsKey("css"), oneOfEach.toString());
    for (Map.Entry<String, String> file : oneOfEach.entrySet()) {
      if (!expected.containsKey(file.getKey())) {
        continue;
      }
      HttpResponse<String> response = preview.get("/" + file.getValue());
      assertEquals(200, response.statusCode(), file.getValue());
      assertEquals(
          expected.get(file.getKey()),
          response.headers().firstValue("Content-Type").orElse(""),
          file.getValue());
    }
  }

  @Test
  void theRootAndFoldersServeTheirIndexPage() throws Exception {
    HttpResponse<String> root = preview.get("/");
    assertEquals(200, root.statusCode());
    String landing = Files.readString(preview.server.siteFolder().resolve("index.html"));
    assertEquals(ReloadScript.inject(landing, preview.version()), root.body());

    assertEquals(200, preview.get("/en/timeline/").statusCode());
    HttpResponse<String> noSlash = preview.get("/en/timeline");
    assertEquals(301, noSlash.statusCode(), "relative links need the folder's trailing slash");
    assertEquals(Optional.of("/en/timeline/"), noSlash.headers().firstValue("Location"));
  }

  @Test
  void theReloadScriptIsAddedToServedPagesButNeverToBuiltFiles() throws Exception {
    String served = preview.get("/en/timeline/index.html").body();
    assertTrue(served.contains(ReloadScript.tag(preview.version()) + "\n</body>"), served);
    Path site = preview.server.siteFolder();
    try (Stream<Path> files = Files.walk(site)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertFalse(text.contains("__preview"), "built file " + file + " mentions the preview");
      }
    }
    String css = preview.get("/assets/site.css").body();
    assertFalse(css.contains("__preview"));
  }

  @Test
  void theScriptAndTheBuildCounterAreServed() throws Exception {
    HttpResponse<String> script = preview.get(ReloadScript.PATH);
    assertEquals(200, script.statusCode());
    assertTrue(
        script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertTrue(script.body().contains("fetch('" + ReloadScript.VERSION_PATH + "?page='"));

    HttpResponse<String> state = preview.get(ReloadScript.VERSION_PATH);
    assertEquals("application/json", state.headers().firstValue("Content-Type").orElse(""));
    assertEquals("{\"version\":1,\"problems\":[]}", state.body());
    assertEquals(Optional.of("no-store"), state.headers().firstValue("Cache-Control"));
  }

  @Test
  void noPathLeavesTheOutputFolder() throws Exception {
    // a file right beside the served folder: one ../ away from being served
    Path beside = preview.server.siteFolder().resolveSibling("secret.txt");
    Files.writeString(beside, "not for readers");
    try {
      for (String target :
          List.of(
              "/../secret.txt",
              "/%2e%2e/secret.txt",
              "/%2E%2E/secret.txt",
              "/en/../../secret.txt",
              "/en/%2e%2e/%2e%2e/secret.txt",
              "/..%2fsecret.txt",
              "/..%5csecret.txt",
              "/../../../../../../../../etc/passwd",
              "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
              "/%00/../secret.txt")) {
        String response = preview.raw(target);
        String status = response.lines().findFirst().orElse("");
        assertTrue(status.matches("HTTP/1\\.1 (400|403|404) .*"), target + " gave " + status);
        assertFalse(response.contains("not for readers") || response.contains("root:"), target);
      }
      HttpResponse<String> viaClient = preview.get("/%2e%2e/secret.txt");
      assertEquals(404, viaClient.statusCode());
      assertFalse(viaClient.body().contains("not for readers"));
    } finally {
      Files.delete(beside);
    }
  }

  @Test
  void aDotDotThatStaysInsideTheSiteIsServed() throws Exception {
    assertEquals(200, preview.get("/en/%2e%2e/en/index.html").statusCode());
  }

  @Test
  void requestsNamingAnotherHostAreRefused() throws Exception {
    String response = preview.raw("GET", "/en/index.html", "attacker.example");
    assertTrue(response.startsWith("HTTP/1.1 403 "), response);
  }

  @Test
  void aMissingPageIsA404ThatStillReloads() throws Exception {
    HttpResponse<String> missing = preview.get("/en/engagements/no-such-record/");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains(ReloadScript.PATH), missing.body());
  }

  @Test
  void onlyReadingIsAllowed() throws Exception {
    String host = "127.0.0.1:" + preview.server.port();
    assertTrue(preview.raw("POST", "/en/index.html", host).startsWith("HTTP/1.1 405 "));
    assertTrue(preview.raw("HEAD", "/en/index.html", host).startsWith("HTTP/1.1 200 "));
  }

  @Test
  void resolvingKeepsEveryPathInsideTheRoot() {
    Path root = Path.of("/srv/preview/site");
    assertEquals(
        Optional.of(root.resolve("en/index.html")), StaticFiles.resolve(root, "/en/index.html"));
    assertEquals(Optional.of(root), StaticFiles.resolve(root, "/"));
    assertEquals(Optional.of(root.resolve("en")), StaticFiles.resolve(root, "//en/./"));
    for (String escape :
        List.of("/..", "/../site-other/x", "/en/../../x", "/a\\..\\..\\x", "/x\0y")) {
      assertEquals(Optional.empty(), StaticFiles.resolve(root, escape), escape);
    }
  }

  @Test
  void problemsAreWrittenAsJsonStrings() {
    String json =
        PreviewServer.json(
            new PreviewStatus(
                4, List.of("a.yaml:1:2: unknown \"QQ\" in C:\\x", "ar.md:2:8: العنوان\tفارغ")));
    assertEquals(
        "{\"version\":4,\"problems\":[\"a.yaml:1:2: unknown \\\"QQ\\\" in C:\\\\x\","
            + "\"ar.md:2:8: العنوان\\u0009فارغ\"]}",
        json);
  }
}
