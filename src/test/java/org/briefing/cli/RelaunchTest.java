package org.briefing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.briefing.build.SiteBuilder;
import org.briefing.build.StateFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar} with no flags, as a reader of the README runs it: the build must run with the
 * settings it is measured with (collector, client compiler), in a second process that the first
 * hands over to, and end with that process's status. The jar here is a manifest whose class path
 * points at the compiled classes, so the test needs no packaging.
 */
class RelaunchTest {

  @TempDir Path tmp;

  @Test
  void javaDashJarBuildsWithTheMeasuredJvmSettings() throws Exception {
    Path jar = manifestJar();
    Process build =
        new ProcessBuilder(
                java(),
                "-Dbriefing.example=passed on",
                "-ea",
                "-jar",
                jar.toString(),
                "build",
                "--content",
                "content",
                "--templates",
                "templates",
                "--out",
                tmp.resolve("site").toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("build.log").toFile())
            .start();
    // A child seen between its fork and its exec still shows this JVM's command line: poll
    // until the second run's own shows, or the build ends.
    List<String> second = new ArrayList<>();
    while (build.isAlive() && !second.contains(Relaunch.COLLECTOR)) {
      build
          .toHandle()
          .children()
          .forEach(
              c ->
                  c.info()
                      .arguments()
                      .ifPresent(
                          a -> {
                            second.clear();
                            second.addAll(List.of(a));
                          }));
      Thread.sleep(10);
    }
    assertTrue(build.waitFor(180, TimeUnit.SECONDS), "the build ends");
    String log = Files.readString(tmp.resolve("build.log"), StandardCharsets.UTF_8);
    assertEquals(0, build.exitValue(), log);
    assertTrue(log.contains("built "), log);
    assertTrue(Files.isRegularFile(tmp.resolve("site/ar/index.html")), "the site is written");
    assertTrue(
        second.contains(Relaunch.COLLECTOR), "a second run with the collector it is measured with");
    assertTrue(second.contains("-XX:TieredStopAtLevel=1"), "and the client compiler: " + second);
    assertTrue(second.contains("-XX:CICompilerCount=1"), "on one thread: " + second);
    assertTrue(
        second.contains("-Xmn" + Relaunch.YOUNG_MIN + "m"),
        "and a young generation as small as the seed site's 14 records need: " + second);
    assertTrue(
        second.contains("-XX:MaxTenuringThreshold=0"), "survivors promoted at once: " + second);
    assertTrue(
        second.contains("-Dsun.reflect.inflationThreshold=1000"),
        "methods called a few times reflected without a class of their own: " + second);
    assertEquals(
        Relaunch.hugePages(14, false, Relaunch.HUGE_PAGES_SETTING),
        second.contains(Relaunch.HUGE_PAGES),
        "the heap in huge pages exactly where the kernel lends them: " + second);
    assertTrue(
        second.containsAll(List.of("-Dbriefing.example=passed on", "-ea")),
        "the options the first run was given: " + second);
  }

  @Test
  void hugePagesAreAskedForOnlyWhereTheKernelLendsThem() throws IOException {
    Path setting = tmp.resolve("enabled");
    assertFalse(Relaunch.hugePages(setting), "no such setting: not Linux, the JVM lacks the flag");
    Files.writeString(setting, "always madvise [never]\n");
    assertFalse(Relaunch.hugePages(setting), "never");
    Files.writeString(setting, "always [madvise] never\n");
    assertTrue(Relaunch.hugePages(setting), "madvise: lent to a program that asks");
    Files.writeString(setting, "[always] madvise never\n");
    assertTrue(Relaunch.hugePages(setting), "always");
  }

  @Test
  void hugePagesAreAskedForByASmallArchiveOrABuildThatReusesTheLastOne() throws IOException {
    Path setting = tmp.resolve("enabled");
    Files.writeString(setting, "always [madvise] never\n");
    assertTrue(Relaunch.hugePages(14, false, setting), "the seed site");
    assertTrue(Relaunch.hugePages(1_000, false, setting), "a thousand records");
    assertFalse(Relaunch.hugePages(1_001, false, setting), "one more: the heap in small pages");
    assertFalse(Relaunch.hugePages(10_000, false, setting), "a newsroom's archive, built whole");
    assertTrue(Relaunch.hugePages(10_000, true, setting), "the same, reusing the last build");
    Files.writeString(setting, "always madvise [never]\n");
    assertFalse(Relaunch.hugePages(14, false, setting), "never lent, whatever the size");
    assertFalse(Relaunch.hugePages(10_000, true, setting), "nor to a reusing build");
  }

  @Test
  void aBuildFindsTheLastOnesStateOnlyOnceThatBuildHasPublished() throws IOException {
    Path out = tmp.resolve("site");
    assertFalse(StateFolder.holdsManifest(out), "no build yet");
    new SiteBuilder()
        .buildReusing(
            new SiteBuilder.Options(
                Path.of("content"), Path.of("templates"), out, Optional.empty(), false, false));
    assertTrue(StateFolder.holdsManifest(out), "the seed site built, its state beside it");
    assertFalse(StateFolder.holdsManifest(tmp.resolve("elsewhere")), "another folder has none");
  }

  @Test
  void onlyJavaDashJarIsStartedAgain() {
    Path jar = Path.of("target", "briefing.jar");
    assertEquals(
        Optional.of(jar.toAbsolutePath()),
        Relaunch.startedFromJar(jar.toString(), jar + " build --out site"),
        "java -jar target/briefing.jar");
    assertEquals(
        Optional.empty(),
        Relaunch.startedFromJar(jar.toString(), "org.briefing.cli.Main build"),
        "java -cp target/briefing.jar with its main class named: the caller chose");
    assertEquals(
        Optional.empty(),
        Relaunch.startedFromJar(jar + File.pathSeparator + "other.jar", jar + " build"),
        "more than one jar on the class path");
    assertEquals(
        Optional.empty(),
        Relaunch.startedFromJar("target/classes", "org.briefing.cli.Main build"),
        "compiled classes: tests, mvn exec:java");
  }

  /**
   * A bare {@code java -jar} build, check or preview is started again with the measured settings;
   * whoever chose JVM flags, asked for help or another command, or set BRIEFING_NO_RELAUNCH keeps
   * this run.
   */
  @Test
  void whoeverChoseTheFlagsKeepsTheirRunAndEveryOneElseGetsTheMeasuredOne() {
    Path jar = tmp.resolve("briefing.jar");
    Map<String, String> none = Map.of();
    List<String> bare = List.of();
    Optional<List<String>> build =
        Relaunch.command(
            new String[] {"--out", "site"}, none, jar, List.of("-Dfile.encoding=UTF-8"));
    assertTrue(build.isPresent(), "options alone: the build");
    assertTrue(build.get().contains("-XX:TieredStopAtLevel=1"), "with the build's compiler");
    assertTrue(build.get().contains("-Dfile.encoding=UTF-8"), "and the option it was given");
    assertEquals(
        List.of("-jar", jar.toString(), "--out", "site"),
        build.get().subList(build.get().size() - 4, build.get().size()));
    assertTrue(Relaunch.command(new String[0], none, jar, bare).isPresent(), "no words: build");
    assertTrue(Relaunch.command(new String[] {"check"}, none, jar, bare).isPresent(), "check");
    List<String> serve = Relaunch.command(new String[] {"serve"}, none, jar, bare).orElseThrow();
    assertFalse(serve.contains("-XX:TieredStopAtLevel=1"), "the preview keeps both compilers");

    assertEquals(
        Optional.empty(),
        Relaunch.command(new String[] {"build"}, Map.of("BRIEFING_NO_RELAUNCH", "1"), jar, bare),
        "the launcher, which passed the settings itself");
    assertEquals(
        Optional.empty(),
        Relaunch.command(new String[] {"build"}, none, jar, List.of("-Xmx2g")),
        "a heap chosen on the command line");
    assertEquals(
        Optional.empty(),
        Relaunch.command(new String[] {"build"}, none, jar, List.of("@jvm.options")),
        "an argument file");
    assertEquals(
        Optional.empty(),
        Relaunch.command(
            new String[] {"build"},
            Map.of("JAVA_TOOL_OPTIONS", "-Dx=1 -XX:+UseSerialGC"),
            jar,
            bare),
        "a collector chosen in the environment");
    assertTrue(
        Relaunch.command(new String[] {"build"}, Map.of("JAVA_TOOL_OPTIONS", "-Dx=1"), jar, bare)
            .isPresent(),
        "a property in the environment chooses no settings");
    assertEquals(
        Optional.empty(),
        Relaunch.command(new String[] {"build", "--help"}, none, jar, bare),
        "only the usage is printed");
    assertEquals(
        Optional.empty(),
        Relaunch.command(new String[] {"new", "2026-a-record"}, none, jar, bare),
        "a record's folder made: no build");
  }

  @Test
  void theSecondRunOfABuildGetsTheSettingsItIsMeasuredWith() throws IOException {
    Path jar = Files.createDirectories(tmp.resolve("target")).resolve("briefing.jar");
    Path setting = tmp.resolve("enabled");
    Files.writeString(setting, "always [madvise] never\n");
    String[] args = {"build", "--content", "content", "--out", tmp.resolve("site").toString()};
    List<String> line =
        Relaunch.line(jar, "build", args, List.of("-Dbriefing.example=passed on"), setting);
    assertEquals(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        line.get(0),
        "the JVM this one runs in");
    assertEquals(
        List.of(
            "-XX:TieredStopAtLevel=1",
            Relaunch.ONE_COMPILER,
            Relaunch.COLLECTOR,
            "-Xmn" + Relaunch.YOUNG_MIN + "m",
            Relaunch.TENURE,
            Relaunch.REFLECTION,
            Relaunch.HUGE_PAGES,
            "-Dbriefing.example=passed on",
            "-D" + Relaunch.MARK + "=true",
            "-jar",
            jar.toString(),
            "build",
            "--content",
            "content",
            "--out",
            tmp.resolve("site").toString()),
        line.subList(1, line.size()),
        "no class-data archive beside the jar: none asked for");

    Files.writeString(jar.resolveSibling("briefing.jsa"), "");
    List<String> withArchive = Relaunch.line(jar, "build", args, List.of(), setting);
    assertEquals(
        List.of("-XX:SharedArchiveFile=" + jar.resolveSibling("briefing.jsa"), "-Xshare:auto"),
        withArchive.subList(1, 3),
        "the archive `mvn package` recorded beside the jar");

    List<String> serve = Relaunch.line(jar, "serve", new String[] {"serve"}, List.of(), setting);
    assertFalse(serve.contains("-XX:TieredStopAtLevel=1"), "the preview gets both compilers");
    assertFalse(serve.contains(Relaunch.ONE_COMPILER), "and their threads");
    assertTrue(serve.contains(Relaunch.COLLECTOR), "and the same collector");
  }

  @Test
  void aLargeArchiveAsksForHugePagesOnlyWhenItsBuildReusesTheLastOne() throws IOException {
    Path content = tmp.resolve("archive");
    Path engagements = Files.createDirectories(content.resolve("engagements"));
    for (int i = 0; i <= Relaunch.HUGE_PAGES_MAX_RECORDS; i++) {
      Files.createDirectory(engagements.resolve("record-" + i));
    }
    Path out = tmp.resolve("site");
    Path setting = tmp.resolve("enabled");
    Files.writeString(setting, "always [madvise] never\n");
    String[] args = {"build", "--content", content.toString(), "--out", out.toString()};
    Path jar = tmp.resolve("briefing.jar");
    List<String> whole = Relaunch.line(jar, "build", args, List.of(), setting);
    assertFalse(whole.contains(Relaunch.HUGE_PAGES), "1,001 records, rendered whole: " + whole);
    assertTrue(whole.contains("-Xmn" + (Relaunch.YOUNG_MIN + 12) + "m"), "sized to them");

    Path state = Files.createDirectories(tmp.resolve(".site.state"));
    Files.writeString(state.resolve("manifest.bin"), "");
    assertTrue(
        Relaunch.line(jar, "build", args, List.of(), setting).contains(Relaunch.HUGE_PAGES),
        "the last build's state beside the output: a reusing build");
    Files.writeString(setting, "always madvise [never]\n");
    assertFalse(
        Relaunch.line(jar, "build", args, List.of(), setting).contains(Relaunch.HUGE_PAGES),
        "where the kernel lends none, none are asked for");
  }

  @Test
  void theYoungGenerationGrowsWithTheRecordsUpToItsLargestSize() throws IOException {
    Path content = tmp.resolve("content");
    assertEquals(
        Relaunch.YOUNG_MIN,
        Relaunch.young(Relaunch.records(content)),
        "no content folder: the smallest");
    Path engagements = Files.createDirectories(content.resolve("engagements"));
    for (int i = 0; i < 2 * Relaunch.RECORDS_PER_MIB - 1; i++) {
      Files.createDirectory(engagements.resolve("record-" + i));
    }
    Files.createFile(engagements.resolve(".DS_Store"));
    assertEquals(
        Relaunch.YOUNG_MIN + 1,
        Relaunch.young(Relaunch.records(content)),
        "159 records: 1 MiB more");
    Files.createDirectory(engagements.resolve("record-last"));
    assertEquals(
        Relaunch.YOUNG_MIN + 2,
        Relaunch.young(Relaunch.records(content)),
        "160 records: 2 MiB more");
    int toLargest = (Relaunch.YOUNG_MAX - Relaunch.YOUNG_MIN + 1) * Relaunch.RECORDS_PER_MIB;
    for (int i = 2 * Relaunch.RECORDS_PER_MIB; i < toLargest; i++) {
      Files.createDirectory(engagements.resolve("record-" + i));
    }
    assertEquals(
        Relaunch.YOUNG_MAX,
        Relaunch.young(Relaunch.records(content)),
        "6,480 records: no more than the largest");
  }

  @Test
  void theRecordsAreCountedInTheContentFolderTheCommandNames() {
    String[] args = {"build", "--content", "archive", "--out", "site"};
    assertEquals(Path.of("archive"), Relaunch.folder(args, "--content", "content"));
    assertEquals(Path.of("site"), Relaunch.folder(args, "--out", "site-output"));
    assertEquals(
        Path.of("content"), Relaunch.folder(new String[] {"build"}, "--content", "content"));
    assertEquals(
        Path.of("site-output"), Relaunch.folder(new String[] {"build"}, "--out", "site-output"));
    assertEquals(
        Path.of("content"), Relaunch.folder(new String[] {"--content"}, "--content", "content"));
  }

  @Test
  void flagsGivenByTheUserAreKeptAndNothingIsStartedAgain() throws Exception {
    Path jar = manifestJar();
    assertChecksInOneProcess(
        new ProcessBuilder(java(), "-Xmx256m", "-jar", jar.toString(), "check"),
        "-Xmx was chosen by the user: no second run");
  }

  @Test
  void flagsInTheEnvironmentAreKeptAndNothingIsStartedAgain() throws Exception {
    Path jar = manifestJar();
    ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar.toString(), "check");
    builder.environment().put("JDK_JAVA_OPTIONS", "-Xmx256m");
    assertChecksInOneProcess(builder, "JDK_JAVA_OPTIONS chose -Xmx: no second run");
  }

  @Test
  void helpIsPrintedWithoutASecondRun() throws Exception {
    Path jar = manifestJar();
    Process help =
        new ProcessBuilder(java(), "-jar", jar.toString(), "build", "--help")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("help.log").toFile())
            .start();
    boolean child = false;
    while (help.isAlive()) {
      child |= help.toHandle().children().findAny().isPresent();
      Thread.sleep(5);
    }
    String log = Files.readString(tmp.resolve("help.log"), StandardCharsets.UTF_8);
    assertEquals(0, help.exitValue(), log);
    assertTrue(log.contains("usage: briefing"), log);
    assertFalse(child, "printing the usage needs no second JVM");
  }

  /** Runs {@code check} as {@code builder} says: it succeeds, and never starts a second JVM. */
  private void assertChecksInOneProcess(ProcessBuilder builder, String why) throws Exception {
    Process check =
        builder.redirectErrorStream(true).redirectOutput(tmp.resolve("check.log").toFile()).start();
    boolean[] child = {false};
    while (check.isAlive()) {
      child[0] |= check.toHandle().children().findAny().isPresent();
      Thread.sleep(10);
    }
    String log = Files.readString(tmp.resolve("check.log"), StandardCharsets.UTF_8);
    assertEquals(0, check.exitValue(), log);
    assertTrue(log.contains("ok: content has no problems"), log);
    assertFalse(child[0], why);
  }

  @Test
  void onlyJvmSettingsCountAsFlagsGiven() {
    assertFalse(Relaunch.flagsGiven(List.of(), Map.of()), "a bare java -jar");
    assertFalse(
        Relaunch.flagsGiven(List.of("-Dfile.encoding=UTF-8", "-ea"), Map.of("HOME", "/root")),
        "properties and assertions leave the memory and compiler settings to the program");
    assertTrue(Relaunch.flagsGiven(List.of("-ea", "-Xmx1g"), Map.of()), "a heap size");
    assertTrue(Relaunch.flagsGiven(List.of("-XX:+UseG1GC"), Map.of()), "a collector");
    assertTrue(Relaunch.flagsGiven(List.of("@jvm.options"), Map.of()), "an argument file");
    for (String variable : Relaunch.OPTION_VARIABLES) {
      assertTrue(
          Relaunch.flagsGiven(List.of(), Map.of(variable, " -Dx=1  -XX:+UseParallelGC ")),
          variable);
      assertFalse(Relaunch.flagsGiven(List.of(), Map.of(variable, "-Dx=1")), variable);
    }
    assertFalse(
        Relaunch.flagsGiven(List.of(), Map.of("MAVEN_OPTS", "-Xmx1g")),
        "only the variables the JVM itself reads");
  }

  @Test
  void aProblemInTheContentEndsWithTheSecondRunsStatus() throws Exception {
    Path jar = manifestJar();
    Path content = tmp.resolve("missing-content");
    Process build =
        new ProcessBuilder(java(), "-jar", jar.toString(), "build", "--content", content.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("bad.log").toFile())
            .start();
    assertTrue(build.waitFor(120, TimeUnit.SECONDS));
    String log = Files.readString(tmp.resolve("bad.log"), StandardCharsets.UTF_8);
    assertEquals(ExitCode.CONTENT_ERRORS.status(), build.exitValue(), log);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A jar of nothing but a manifest: the main class and the test's own class path. */
  private Path manifestJar() throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, "org.briefing.cli.Main");
    StringBuilder classPath = new StringBuilder();
    try (Stream<String> entries =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))) {
      entries.forEach(e -> classPath.append(' ').append(Path.of(e).toUri()));
    }
    main.put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
    Path jar = tmp.resolve("briefing.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // the manifest is the whole jar
    }
    return jar;
  }
}
