package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same content gives byte-identical output whatever the machine's default locale: a build under
 * Turkish (dotless i), Arabic (its own digits and decimal signs) and English must agree. Each build
 * runs in its own JVM, because the default locale is fixed at start-up and changing it inside the
 * test JVM would leak into other tests.
 */
@Tag("slow") // seconds per run, several JVMs or a generated archive: left out of mutation runs
class LocaleIndependenceTest {

  @Test
  void buildsUnderEnglishArabicAndTurkishLocalesAreByteIdentical(@TempDir Path tmp)
      throws Exception {
    Map<String, String> english = buildUnder("en", "US", tmp.resolve("en"));
    Map<String, String> arabic = buildUnder("ar", "EG", tmp.resolve("ar"));
    Map<String, String> turkish = buildUnder("tr", "TR", tmp.resolve("tr"));
    assertTrue(english.size() > 50, "the seed site has more than 50 files");
    assertEquals(english, arabic);
    assertEquals(english, turkish);
  }

  @Test
  void twoBuildsOfTheSameContentAreByteIdentical(@TempDir Path tmp) throws Exception {
    new SiteBuilder().build(SeedSite.options(tmp.resolve("a")));
    new SiteBuilder().build(SeedSite.options(tmp.resolve("b")));
    assertEquals(digests(tmp.resolve("a")), digests(tmp.resolve("b")));
  }

  private static Map<String, String> buildUnder(String language, String country, Path out)
      throws IOException, InterruptedException, NoSuchAlgorithmException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-Duser.language=" + language,
                "-Duser.country=" + country,
                "-cp",
                System.getProperty("java.class.path"),
                "org.briefing.cli.Main",
                "build",
                "--out",
                out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "build timed out");
    assertEquals(0, process.exitValue(), log);
    return digests(out);
  }

  /** Each file's path and SHA-256, so a difference names the file. */
  static Map<String, String> digests(Path root) throws IOException, NoSuchAlgorithmException {
    Map<String, String> out = new TreeMap<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.put(
            root.relativize(file).toString(),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
      }
    }
    return out;
  }
}
