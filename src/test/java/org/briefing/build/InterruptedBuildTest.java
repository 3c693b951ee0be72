package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.briefing.bench.CorpusGenerator;
import org.briefing.publish.Publisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The build as CI and editors run it, in a process of its own, stopped from outside as a cancelled
 * job or Ctrl-C stops it: SIGTERM and SIGINT leave the last site byte-identical and nothing beside
 * it; {@code kill -9} leaves its staging folder, which the next build removes; two builds into one
 * folder run one after the other.
 */
@Tag("slow") // builds in other processes, which mutants never reach: left out of mutation runs
class InterruptedBuildTest {

  private static final String NEW = ".site-output.new-";

  private static Path tmp;
  private static Path content;
  private static Path out;
  private static Map<String, String> lastSite;

  @BeforeAll
  static void buildTheLastSite() throws Exception {
    tmp = Files.createTempDirectory("interrupted-build-");
    content = tmp.resolve("content");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(400), content);
    out = tmp.resolve("site-output");
    assertTrue(new SiteBuilder().build(options()).ok());
    lastSite = LocaleIndependenceTest.digests(out);
  }

  @AfterAll
  static void deleteAll() throws IOException {
    Publisher.deleteTree(tmp);
  }

  @BeforeEach
  void nothingIsLeftFromAnEarlierTest() throws Exception {
    assertEquals(List.of("content", "site-output"), siblings());
    // Each build starts from no state, so renders everything (and is long enough to stop), as
    // the last site was built; a build that reuses one is a test of its own.
    Publisher.deleteTree(tmp.resolve(".site-output.state"));
  }

  private static SiteBuilder.Options options() {
    return new SiteBuilder.Options(
        content, SeedSite.TEMPLATES, out, Optional.empty(), false, false);
  }

  /** Builds started by the running test, stopped after it whatever happened. */
  private final List<Process> started = new java.util.ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void stopWhatIsStillRunning() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(60, TimeUnit.SECONDS);
    }
  }

  private Process startBuild(String name) throws IOException {
    Process p = build(name);
    started.add(p);
    return p;
  }

  private static Process build(String name) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>();
    if (sigintIgnored()) {
      // A shell starts a command it runs in the background with SIGINT ignored, its children
      // inherit that, and a JVM started so never sees Ctrl-C: the test would find nothing to
      // stop (CI run in the background on 2026-12-03, five builds in a row). The build under test
      // gets SIGINT as a terminal gives it.
      command.addAll(List.of("env", "--default-signal=INT"));
    }
    command.addAll(
        List.of(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "org.briefing.cli.Main",
            "build",
            "--content",
            content.toString(),
            "--templates",
            SeedSite.TEMPLATES.toString(),
            "--out",
            out.toString()));
    return new ProcessBuilder(command)
        .redirectError(tmp.resolve(name + ".err").toFile())
        .redirectOutput(tmp.resolve(name + ".out").toFile())
        .start();
  }

  /**
   * Whether this process ignores SIGINT (Linux: signal 2's bit, 0x2, of SigIgn in
   * /proc/self/status).
   */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("SigIgn:"))
        .map(line -> Long.parseLong(line.substring("SigIgn:".length()).trim(), 16))
        .anyMatch(mask -> (mask & 2) != 0);
  }

  private static String stderr(String name) throws IOException {
    return Files.readString(tmp.resolve(name + ".err"), StandardCharsets.UTF_8);
  }

  /** The names in the output folder's parent, the logs of the builds left out. */
  private static List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      // the state a finished build keeps for the next one to reuse is meant to stay
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".err") && !n.endsWith(".out") && !n.endsWith(".state"))
          .sorted()
          .toList();
    }
  }

  private static List<Path> stagingFolders() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.filter(p -> p.getFileName().toString().startsWith(NEW)).toList();
    }
  }

  /** Waits until the build has written pages into its staging folder: it is mid-build. */
  private static void awaitPagesInStaging(Process build) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (System.nanoTime() < deadline) {
      assertTrue(build.isAlive(), "the build ended before it could be stopped");
      for (Path staging : stagingFolders()) {
        try (Stream<Path> files = Files.walk(staging)) {
          if (files.limit(20).count() >= 20) {
            return;
          }
        } catch (NoSuchFileException | java.io.UncheckedIOException e) {
          // the folder changed under the walk; look again
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the build wrote no pages within ten minutes");
  }

  private static void assertLastSiteUntouched() throws Exception {
    assertEquals(
        List.of("content", "site-output"),
        siblings(),
        "no staging folder or lock is left beside the output");
    assertEquals(lastSite, LocaleIndependenceTest.digests(out));
  }

  @Test
  void sigtermMidBuildRemovesTheStagingFolderAndKeepsTheLastSite() throws Exception {
    Process build = startBuild("term");
    awaitPagesInStaging(build);
    build.destroy(); // SIGTERM, as a cancelled CI job or a stopping container sends
    assertTrue(build.waitFor(300, TimeUnit.SECONDS));
    assertEquals(4, build.exitValue(), stderr("term"));
    assertTrue(stderr("term").contains("interrupted; the last site is unchanged"), stderr("term"));
    assertLastSiteUntouched();
  }

  @Test
  void ctrlCMidBuildRemovesTheStagingFolderAndKeepsTheLastSite() throws Exception {
    Process build = startBuild("int");
    awaitPagesInStaging(build);
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(build.pid())).start();
    assertEquals(0, kill.waitFor());
    assertTrue(build.waitFor(300, TimeUnit.SECONDS));
    assertEquals(4, build.exitValue(), stderr("int"));
    assertTrue(stderr("int").contains("interrupted; the last site is unchanged"), stderr("int"));
    assertLastSiteUntouched();
  }

  @Test
  void sigtermWhileABuildThatReusesTheLastOneWritesKeepsTheLastSite() throws Exception {
    assertTrue(new SiteBuilder().buildReusing(options()).ok(), "the state it reuses");
    assertEquals(lastSite, LocaleIndependenceTest.digests(out));
    Path engagements = content.resolve("engagements");
    Path saved = org.briefing.TestFiles.copyTree(engagements, tmp.resolve("engagements-saved"));
    try {
      // Every other record retitled: hundreds of pages to render again, the others kept, so
      // the build patches the folder in place rather than swapping a new one in.
      List<Path> records;
      try (Stream<Path> folders = Files.list(engagements)) {
        records = folders.sorted().toList();
      }
      for (int i = 0; i < records.size(); i += 2) {
        Path en = records.get(i).resolve("en.md");
        Files.writeString(
            en, Files.readString(en).replaceFirst("title: .*", "title: \"Retitled " + i + "\""));
      }
      Process build = startBuild("term-reusing");
      awaitPagesInStaging(build);
      build.destroy();
      assertTrue(build.waitFor(300, TimeUnit.SECONDS));
      assertEquals(4, build.exitValue(), stderr("term-reusing"));
      assertTrue(
          stderr("term-reusing").contains("interrupted; the last site is unchanged"),
          stderr("term-reusing"));
    } finally {
      Publisher.deleteTree(engagements);
      Files.move(saved, engagements);
    }
    assertLastSiteUntouched();
  }

  @Test
  void whatAKilledBuildLeftIsRemovedByTheNextBuild() throws Exception {
    Process build = startBuild("kill9");
    awaitPagesInStaging(build);
    build.destroyForcibly(); // SIGKILL: nothing runs, as under the OOM killer
    assertTrue(build.waitFor(300, TimeUnit.SECONDS));
    assertEquals(1, stagingFolders().size(), "SIGKILL leaves the staging folder");
    assertEquals(lastSite, LocaleIndependenceTest.digests(out));

    Process next = startBuild("after-kill9");
    assertTrue(next.waitFor(900, TimeUnit.SECONDS));
    assertEquals(0, next.exitValue(), stderr("after-kill9"));
    assertTrue(
        stderr("after-kill9").contains("left by a build that was killed"), stderr("after-kill9"));
    assertLastSiteUntouched();
  }

  @Test
  void twoBuildsIntoOneFolderRunOneAfterTheOther() throws Exception {
    Process first = startBuild("first");
    Process second = startBuild("second");
    int mostAtOnce = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1800);
    while ((first.isAlive() || second.isAlive()) && System.nanoTime() < deadline) {
      mostAtOnce = Math.max(mostAtOnce, stagingFolders().size());
      Thread.sleep(5);
    }
    assertTrue(first.waitFor(10, TimeUnit.SECONDS) && second.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, first.exitValue(), stderr("first"));
    assertEquals(0, second.exitValue(), stderr("second"));
    assertEquals(1, mostAtOnce, "never two staging folders at once");
    assertLastSiteUntouched(); // the same content, so the same bytes: nothing interleaved
  }

  @Test
  void aBuildWaitsForTheBuildHoldingTheLockAndSaysWhichOne() throws Exception {
    Path lockFile = tmp.resolve(".site-output.lock");
    Process build;
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "-0\n").getBytes(StandardCharsets.US_ASCII)));
      build = startBuild("waiting");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
      while (!stderr("waiting").contains("waiting:") && System.nanoTime() < deadline) {
        assertTrue(build.isAlive(), stderr("waiting"));
        Thread.sleep(20);
      }
      assertTrue(
          stderr("waiting")
              .contains(
                  "waiting: another build (process "
                      + ProcessHandle.current().pid()
                      + ") is writing "
                      + out),
          stderr("waiting"));
      Thread.sleep(500);
      assertEquals(List.of(), stagingFolders(), "nothing is written while the other build runs");
      assertTrue(build.isAlive());
      Files.delete(lockFile); // as a finishing build does, before it lets go of the lock
    }
    assertTrue(build.waitFor(900, TimeUnit.SECONDS));
    assertEquals(0, build.exitValue(), stderr("waiting"));
    assertLastSiteUntouched();
  }
}
