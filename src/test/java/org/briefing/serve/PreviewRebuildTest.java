package org.briefing.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.build.SiteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview following an editor's saves: real files changed in a copy of the project, real HTTP
 * requests, bounded waits for the rebuild.
 */
class PreviewRebuildTest {

  @TempDir Path temp;

  /** A record of the copied content with both an English text and a countries line. */
  private static String someRecord(Path content) throws IOException {
    try (Stream<Path> folders = Files.list(content.resolve("engagements"))) {
      for (Path folder : folders.sorted().toList()) {
        if (Files.exists(folder.resolve("en.md"))
            && Files.readString(folder.resolve("engagement.yaml")).contains("\ncountries:")) {
          return folder.getFileName().toString();
        }
      }
    }
    throw new AssertionError("the seed content has no record to edit");
  }

  private static void replaceFirstLine(Path file, String linePattern, String line)
      throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String changed = text.replaceFirst("(?m)" + linePattern, Matcher.quoteReplacement(line));
    assertFalse(text.equals(changed), file + " has no line " + linePattern);
    Files.writeString(file, changed, StandardCharsets.UTF_8);
  }

  @Test
  void theOpenPageFollowsEditsAndShowsProblemsOverTheLastGoodSite() throws Exception {
    try (Preview preview = Preview.ofProjectCopy(temp)) {
      String id = someRecord(preview.content);
      Path record = preview.content.resolve("engagements").resolve(id);
      String page = "/en/engagements/" + id + "/index.html";
      assertEquals(200, preview.get(page).statusCode());
      int first = preview.version();

      // an edit is served, under a new version, so open pages reload
      replaceFirstLine(
          record.resolve("en.md"),
          "^title: .*$",
          "title: \"The preview picked up this edited title\"");
      preview.eventually(
          "the edited title is served under a new version",
          () ->
              preview.version() > first
                  && preview.get(page).body().contains("The preview picked up this edited title"));
      // An incremental update raises the version twice (the edited pages, then the rest): read
      // it only once the whole update has been reported, or a later raise looks like a reload.
      preview.eventually("the update is finished", () -> finishedUpdates(preview) >= 1);
      int edited = preview.version();
      assertTrue(preview.get(page).body().contains(ReloadScript.tag(edited)));

      // a broken record: the problem is reported, the last good site stays
      replaceFirstLine(record.resolve("engagement.yaml"), "^countries:.*$", "countries: [QQ]");
      preview.eventually(
          "the version endpoint reports the unknown country",
          () -> preview.state().contains("unknown country code \\\"QQ\\\""));
      assertEquals(edited, preview.version(), "a failed rebuild does not reload pages");
      assertTrue(preview.state().contains("engagement.yaml:"), preview.state());
      assertTrue(preview.get(page).body().contains("The preview picked up this edited title"));
      assertTrue(
          preview.log().contains(record.resolve("engagement.yaml") + ":"),
          "the terminal shows the problem in build's one-line form:\n" + preview.log());
      assertTrue(preview.log().contains("the preview still shows the last good build"));

      // fixed again: problems gone, pages reload
      replaceFirstLine(record.resolve("engagement.yaml"), "^countries:.*$", "countries: [SY]");
      preview.eventually("the problems clear", () -> preview.state().contains("\"problems\":[]"));
      assertTrue(preview.version() > edited);
    }
  }

  @Test
  void anEditReloadsThePagesThatShowItAndNoOthers() throws Exception {
    try (Preview preview = Preview.ofProjectCopy(temp)) {
      String id = "2026-qatar-somalia-interior-security-ministers-meeting"; // Qatar and Somalia
      Path record = preview.content.resolve("engagements").resolve(id);
      int before = preview.version();
      String own = "/en/engagements/" + id + "/";
      String france = "/en/countries/fr/"; // France's records and partners: not this one
      String syria = "/ar/countries/sy/";

      Files.writeString(
          record.resolve("en.md"),
          Files.readString(record.resolve("en.md")) + "\nA sentence the preview must pick up.\n");
      preview.eventually(
          "the edited page is served",
          () -> preview.get(own).body().contains("A sentence the preview must pick up."));
      preview.eventually(
          "both parts of the update are done",
          () -> preview.log().contains("touched by the change"));
      assertTrue(
          preview.log().contains("touched by the change"),
          "a record edit is rebuilt incrementally:\n" + preview.log());

      assertTrue(reload(preview, own, before), "the edited record's page reloads");
      assertTrue(reload(preview, "/ar/timeline/", before), "the timeline shows it");
      assertTrue(reload(preview, "/en/search/", before), "the search records carry it");
      assertFalse(reload(preview, syria, before), "Syria's page does not show it");
      assertFalse(reload(preview, france, before), "France's page does not show it");
    }
  }

  /** How many rebuilds after the first build the preview has reported as finished. */
  private static long finishedUpdates(Preview preview) {
    return preview
            .log()
            .lines()
            .filter(line -> line.contains("touched by the change") || line.startsWith("built "))
            .count()
        - 1;
  }

  /** What the version endpoint tells a page served at {@code since} about reloading. */
  private static boolean reload(Preview preview, String page, int since) throws Exception {
    String state =
        preview
            .get(
                ReloadScript.VERSION_PATH
                    + "?page="
                    + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8)
                    + "&since="
                    + since)
            .body();
    assertTrue(state.startsWith("{\"reload\":"), state);
    return state.startsWith("{\"reload\":true");
  }

  @Test
  void aRecordFolderCreatedWhileServingIsWatchedToo() throws Exception {
    try (Preview preview = Preview.ofProjectCopy(temp)) {
      String id = someRecord(preview.content);
      Path engagements = preview.content.resolve("engagements");
      Path copy = engagements.resolve("2025-05-02-created-while-previewing");
      TestFiles.copyTree(engagements.resolve(id), copy);
      String page = "/en/engagements/2025-05-02-created-while-previewing/index.html";
      preview.eventually(
          "the new record's page is served", () -> preview.get(page).statusCode() == 200);

      replaceFirstLine(copy.resolve("en.md"), "^title: .*$", "title: \"Edited in a new folder\"");
      preview.eventually(
          "an edit inside the new folder is served",
          () -> preview.get(page).body().contains("Edited in a new folder"));
    }
  }

  @Test
  void aTemplateEditIsPreviewedToo() throws Exception {
    try (Preview preview = Preview.ofProjectCopy(temp)) {
      int before = preview.version();
      Path css = preview.templates.resolve("assets/site.css");
      Files.writeString(css, Files.readString(css) + "\n/* edited while previewing */\n");
      preview.eventually(
          "the edited stylesheet is served",
          () -> preview.get("/assets/site.css").body().contains("edited while previewing"));
      preview.eventually(
          "the stylesheet alone is written again",
          () -> preview.log().contains("rebuilt 1 file touched by the change"));
      assertTrue(reload(preview, "/en/timeline/", before), "every page uses the stylesheet");

      // The record page's template: its pages reload, a list does not.
      int styled = preview.version();
      Path page = preview.templates.resolve("engagement.ftlh");
      Files.writeString(
          page, Files.readString(page).replace("</article>", "</article><!-- edited -->"));
      String own = "/en/engagements/2026-qatar-somalia-interior-security-ministers-meeting/";
      preview.eventually(
          "the record page is made with the edited template",
          () -> preview.get(own).body().contains("<!-- edited -->"));
      preview.eventually(
          "the record pages' update is done",
          () ->
              preview.log().lines().filter(l -> l.contains("touched by the change")).count() == 2);
      assertTrue(reload(preview, own, styled), "a record page reloads");
      assertFalse(reload(preview, "/en/timeline/", styled), "the timeline is as it was");
    }
  }

  @Test
  void aPreviewStartedOnBrokenContentShowsTheProblemsThenTheSite() throws Exception {
    TestFiles.copyTree(Path.of("content"), temp.resolve("content"));
    TestFiles.copyTree(Path.of("templates"), temp.resolve("templates"));
    Path countries = temp.resolve("content/countries.yaml");
    String good = Files.readString(countries);
    Files.writeString(countries, "QA: [\n");
    try (Preview preview = Preview.of(temp.resolve("content"), temp.resolve("templates"))) {
      assertEquals(0, preview.version());
      assertTrue(preview.state().contains("countries.yaml:"), preview.state());
      var home = preview.get("/en/index.html");
      assertEquals(404, home.statusCode());
      assertTrue(home.body().contains(ReloadScript.tag(0)), home.body());

      Files.writeString(countries, good);
      preview.eventually(
          "the fixed site is served", () -> preview.get("/en/index.html").statusCode() == 200);
      assertEquals(1, preview.version());
    }
  }

  @Test
  void closingStopsServingAndRemovesThePrivateFolder() throws Exception {
    Preview preview = Preview.ofProjectCopy(temp);
    Path site = preview.server.siteFolder();
    assertTrue(Files.isDirectory(site));
    assertFalse(site.startsWith(Path.of("site-output").toAbsolutePath()));
    preview.close();
    assertFalse(Files.exists(site.getParent()), "the private folder is removed");
    assertThrows(ConnectException.class, () -> preview.get("/en/index.html"));
    preview.close(); // twice is harmless
  }

  @Test
  void aBusyPortIsReportedBeforeAnythingIsBuilt() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      PrintStream stream = new PrintStream(log, true, StandardCharsets.UTF_8);
      SiteBuilder.Options options =
          new SiteBuilder.Options(
              Path.of("content"),
              Path.of("templates"),
              Path.of("site-output"),
              Optional.empty(),
              false,
              false);
      assertThrows(
          BindException.class,
          () -> PreviewServer.start(options, taken.getLocalPort(), stream, stream));
      assertEquals("", log.toString(StandardCharsets.UTF_8));
    }
  }
}
