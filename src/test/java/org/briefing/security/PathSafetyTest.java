package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.briefing.files.OutputFile;
import org.briefing.publish.Publisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a pull request names can make the build write outside {@code --out} or read outside
 * {@code content/}: record ids are plain ASCII slugs, related ids must be records, the publisher
 * takes only plain relative paths, and symbolic links leading out are refused.
 */
class PathSafetyTest {

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "...",
        "..a",
        "a..b",
        ".hidden",
        "..%2f..%2fetc",
        "2025-01-20-..",
        "2025-01-20-QATAR",
        "2025-01-20 qatar",
        "2025-01-20-qatar-",
        "2025--01-20",
        "٢٠٢٥-٠١-٢٠-قطر",
        "2025-01-20-قطر",
        "2025-01-20-qаtar",
        "2025-01-20-ﬁnal",
        "２０２５-01-20",
        "2025-01-20-café",
        "2025-01-20-x\u202Egnp"
      })
  void aFolderNameThatIsNotAnIdIsRefusedAndNothingIsWritten(String name, @TempDir Path tmp)
      throws IOException {
    Fixture site = new Fixture(tmp);
    Path dir = site.record(name, Fixture.FACTS, Fixture.EN, Fixture.AR);
    Path out = tmp.resolve("out");

    var outcome = site.build(out);

    assertFalse(outcome.ok());
    assertTrue(
        outcome.problems().stream()
            .anyMatch(p -> p.file().equals(dir) && p.message().contains("cannot be a record id")),
        outcome.problems().toString());
    assertFalse(Files.exists(out), "a build with problems writes nothing");
  }

  @ParameterizedTest(name = "related: [{0}]")
  @ValueSource(
      strings = {
        "'../../etc'",
        "'..'",
        "/etc/passwd",
        "'2025-01-20-x/../../y'",
        "'https://evil.example/'",
        "'../2025-01-20-qatar-syria-civil-defence-agreement'"
      })
  void aRelatedIdMustBeARecordOfThisContentFolder(String related, @TempDir Path tmp)
      throws IOException {
    Fixture site = new Fixture(tmp);
    site.record(
        "2025-01-21-second-record",
        Fixture.FACTS + "related: [" + related + "]\n",
        Fixture.EN,
        Fixture.AR);
    List<String> problems = site.problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("does not exist"), problems.get(0));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "../evil.html",
        "/tmp/evil.html",
        "a/../../evil.html",
        "en/../../evil.html",
        "..\\evil.html",
        "a\\..\\..\\evil.html",
        "",
        ".",
        "./index.html",
        "a//b.html",
        "a/./b.html",
        "en/",
        "x\u0000y.html",
        "a/b/../c.html"
      })
  void thePublisherRefusesAnythingButAPlainRelativePath(String path, @TempDir Path tmp)
      throws IOException {
    Path out = tmp.resolve("site/out");
    List<OutputFile> files =
        List.of(
            new OutputFile("index.html", "ok".getBytes()), new OutputFile(path, "evil".getBytes()));

    assertThrows(IllegalArgumentException.class, () -> new Publisher().publish(files, out));

    assertFalse(Files.exists(out), "nothing published");
    try (Stream<Path> all = Files.walk(tmp)) {
      assertEquals(List.of(), all.filter(Files::isRegularFile).toList(), "no file left anywhere");
    }
  }

  @Test
  void thePublisherRefusesTwoFilesAtTheSamePlace(@TempDir Path tmp) {
    List<OutputFile> files =
        List.of(
            new OutputFile("en/index.html", "a".getBytes()),
            new OutputFile("en/index.html", "b".getBytes()));
    assertThrows(
        IllegalArgumentException.class, () -> new Publisher().publish(files, tmp.resolve("out")));
  }

  @Test
  void thePublisherWillNotReplaceAFolderItDidNotBuild(@TempDir Path tmp) throws IOException {
    Path notes = Files.writeString(tmp.resolve("notes.txt"), "precious");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                new Publisher()
                    .publish(List.of(new OutputFile("index.html", "x".getBytes())), tmp));
    assertTrue(e.getMessage().contains("not a folder this program built"), e.getMessage());
    assertEquals("precious", Files.readString(notes));
  }

  @Test
  void thePublisherReplacesItsOwnOutput(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    new Publisher().publish(List.of(new OutputFile("index.html", "1".getBytes())), out);
    new Publisher()
        .publish(
            List.of(
                new OutputFile("index.html", "2".getBytes()),
                new OutputFile("en/index.html", "3".getBytes())),
            out);
    assertEquals("2", Files.readString(out.resolve("index.html")));
  }

  // ---- symbolic links ----

  private static Path outsideSecret(Path tmp) throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    return Files.writeString(
        outside.resolve("secret.md"),
        "---\ntitle: SECRET FROM OUTSIDE\nsummary: secret\n---\nSECRET BODY\n");
  }

  private static void assumeLinks(Path tmp) {
    try {
      Files.delete(Files.createSymbolicLink(tmp.resolve("probe-link"), tmp));
    } catch (IOException | UnsupportedOperationException e) {
      assumeTrue(false, "this file system cannot make symbolic links");
    }
  }

  @Test
  void aRecordFileLinkedFromOutsideTheContentIsRefused(@TempDir Path tmp) throws IOException {
    assumeLinks(tmp);
    Fixture site = new Fixture(tmp);
    Path en = site.dir(Fixture.ID).resolve("en.md");
    Files.delete(en);
    Files.createSymbolicLink(en, outsideSecret(tmp));
    Path out = tmp.resolve("out");

    var outcome = site.build(out);

    assertEquals(
        List.of(
            en
                + ": is a link to a file outside the content folder; replace the"
                + " link with the file itself"),
        outcome.problems().stream().map(p -> p.format()).toList());
    assertFalse(Files.exists(out));
  }

  @Test
  void aSharedFileLinkedToASystemFileIsRefused(@TempDir Path tmp) throws IOException {
    assumeLinks(tmp);
    Path passwd = Path.of("/etc/passwd");
    assumeTrue(Files.isReadable(passwd));
    Fixture site = new Fixture(tmp);
    Path countries = site.root.resolve("countries.yaml");
    Files.delete(countries);
    Files.createSymbolicLink(countries, passwd);
    List<String> problems = site.problems();
    assertTrue(
        problems.contains(
            countries
                + ": is a link to a file outside the content folder;"
                + " replace the link with the file itself"),
        problems.toString());
    assertFalse(problems.toString().contains("root:"), "nothing of the file is quoted");
  }

  @Test
  void aRecordFolderLinkedFromOutsideTheContentIsRefused(@TempDir Path tmp) throws IOException {
    assumeLinks(tmp);
    Fixture site = new Fixture(tmp);
    Path elsewhere = Files.createDirectories(tmp.resolve("outside/2025-03-01-linked"));
    Files.writeString(elsewhere.resolve("engagement.yaml"), Fixture.FACTS);
    Files.copy(outsideSecret(tmp), elsewhere.resolve("en.md"));
    Path link = site.root.resolve("engagements/2025-03-01-linked");
    Files.createSymbolicLink(link, elsewhere);
    Path out = tmp.resolve("out");

    var outcome = site.build(out);

    // The loader lists record folders without following links, so the link is not a folder.
    List<String> problems = outcome.problems().stream().map(p -> p.format()).toList();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(link + ": is not a record folder"), problems.get(0));
    assertFalse(problems.get(0).contains("SECRET"));
    assertFalse(Files.exists(out));
  }

  @Test
  void anEngagementsFolderLinkedFromOutsideHasEveryFileRefused(@TempDir Path tmp)
      throws IOException {
    assumeLinks(tmp);
    Fixture site = new Fixture(tmp);
    Path elsewhere = Files.createDirectories(tmp.resolve("outside/engagements/2025-03-01-x"));
    Files.writeString(elsewhere.resolve("engagement.yaml"), Fixture.FACTS);
    Files.copy(outsideSecret(tmp), elsewhere.resolve("en.md"));
    Path engagements = site.root.resolve("engagements");
    Fixture.deleteTree(engagements);
    Files.createSymbolicLink(engagements, elsewhere.getParent());

    List<String> problems = site.problems();

    Path record = engagements.resolve("2025-03-01-x");
    assertEquals(
        List.of(
            record.resolve("en.md")
                + ": is a link to a file outside the content folder; replace"
                + " the link with the file itself",
            record.resolve("engagement.yaml")
                + ": is a link to a file outside the content folder;"
                + " replace the link with the file itself"),
        problems);
  }

  @Test
  void aFolderWhereAFileShouldBeIsRefused(@TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    Path en = site.dir(Fixture.ID).resolve("en.md");
    Files.delete(en);
    Files.createDirectories(en);
    List<String> problems = site.problems();
    assertEquals(
        List.of(en + ": is not a regular file; content files are plain UTF-8 text" + " files"),
        problems);
  }

  @Test
  void aLinkWithinTheContentFolderIsFollowed(@TempDir Path tmp) throws IOException {
    assumeLinks(tmp);
    Fixture site = new Fixture(tmp);
    Path shared =
        Files.writeString(site.root.resolve("en-shared.md"), Fixture.EN, StandardCharsets.UTF_8);
    Path en = site.dir(Fixture.ID).resolve("en.md");
    Files.delete(en);
    Files.createSymbolicLink(en, shared);
    assertEquals(List.of(), site.problems().stream().filter(p -> p.contains("link")).toList());
  }
}
