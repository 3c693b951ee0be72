package org.briefing.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringTokenizer;
import org.briefing.build.StateFolder;

/**
 * Gives {@code java -jar briefing.jar} the JVM settings the build is measured with. A bare {@code
 * java -jar} starts with the JVM's defaults: a collector that grows the heap toward a quarter of
 * the machine's memory, and an optimizing compiler whose work a build of a few seconds never pays
 * back. The launcher script and Maven ({@code .mvn/jvm.config}) pass the right flags; a jar cannot
 * carry flags, so the program starts itself once more with them, as the launcher would, and ends
 * with the status of that second run.
 *
 * <p>Nothing is started again when the JVM was given any {@code -X} option or an {@code @}argument
 * file, on its command line or in the environment (whoever chose flags keeps them), when the
 * program was not started from a jar (tests, {@code exec:java}), or when {@code
 * BRIEFING_NO_RELAUNCH} is set (the launcher, which passes the settings itself).
 *
 * <p>The second run is also given every other option the first one was (system properties,
 * assertions, modules): a {@code -D} on the command line reaches the build as it would without the
 * second run.
 *
 * <p>The flags are read from the process's own command line, not from the JVM's management beans:
 * those take about 70 ms to start, a tenth of what this first run costs on the seed site.
 *
 * <p>The first run is the coldest code of a build: none of its classes are in the class-data
 * archive, and every first use of a lambda, a stream, a regular expression or string concatenation
 * with {@code +} has the JVM make classes for it before the second run can start. The code this
 * first run takes uses none of them ({@link StateFolder} neither).
 */
final class Relaunch {

  /**
   * The young generation's largest size in MiB, as the launcher and this class set it for 10,000
   * records: a 10,000-record build peaked at 440 MiB with 96 MiB against 516 MiB with 128, in no
   * more time (README, "The two commands"). Maven's JVM, which also holds Maven's own objects, gets
   * 64 MiB for any archive ({@code .mvn/jvm.config}).
   */
  static final int YOUNG_MAX = 96;

  /** The young generation's smallest size in MiB, for a site of a few records. */
  static final int YOUNG_MIN = 16;

  /** Records per MiB of young generation above {@link #YOUNG_MIN}. */
  static final int RECORDS_PER_MIB = 80;

  /** Objects that survive one young collection go straight to the old generation. */
  static final String TENURE = "-XX:MaxTenuringThreshold=0";

  /** A single compiler thread, for builds. */
  static final String ONE_COMPILER = "-XX:CICompilerCount=1";

  /** The collector: one that collects on every core (README, "How the build got here"). */
  static final String COLLECTOR = "-XX:+UseParallelGC";

  /**
   * The heap in the kernel's 2 MiB pages, where they pay (see {@link #hugePages(long, boolean,
   * Path)}).
   */
  static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

  /**
   * The most record folders for which a build that renders the whole site asks for its heap in huge
   * pages. On a machine whose memory is full of cached files, as most are after a while, each 2 MiB
   * page a large build's heap takes makes the kernel reclaim and compact memory first: a full build
   * of 10,000 records took 0.93 of the time without them, while 1,000 records took the same either
   * way, and the seed site 0.88 of the time with them. A build that reuses the last one keeps them
   * at any size: one record added to 10,000 took 1.05 of the time without (README, "The two
   * commands").
   */
  static final int HUGE_PAGES_MAX_RECORDS = 1_000;

  /** Where Linux says whether a program may have its memory in huge pages. */
  static final Path HUGE_PAGES_SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

  /**
   * Templates read each page's values through reflection. The JDK calls a method natively its first
   * 15 times, then writes a class for it: on the seed site, 188 classes, most for methods called a
   * few dozen times. At 1,000 calls only the ten busiest get one there, and a large archive's
   * methods still get theirs after their first thousand calls.
   */
  static final String REFLECTION = "-Dsun.reflect.inflationThreshold=1000";

  /** Set on the second run, so that it never starts a third. */
  static final String MARK = "briefing.relaunched";

  /** {@link #MARK} as an option of the second run's command line. */
  private static final String RELAUNCHED = "-D" + MARK + "=true";

  private Relaunch() {}

  /** The command line of the second run, when this run should hand over to one. */
  static Optional<List<String>> command(String[] args, Map<String, String> env) {
    if (System.getProperty(MARK) != null) {
      return Optional.empty();
    }
    Optional<Path> jar =
        startedFromJar(
            System.getProperty("java.class.path", ""), System.getProperty("sun.java.command", ""));
    if (jar.isEmpty()) {
      return Optional.empty(); // tests, exec:java: no need to ask for the JVM's options
    }
    return command(args, env, jar.get(), jvmOptions());
  }

  /**
   * The command line of the second run of {@code jar}, started with {@code args} and the JVM
   * options {@code given} in the environment {@code env}; empty when this run should build itself.
   */
  static Optional<List<String>> command(
      String[] args, Map<String, String> env, Path jar, List<String> given) {
    if (env.containsKey("BRIEFING_NO_RELAUNCH") || flagsGiven(given, env)) {
      return Optional.empty();
    }
    if (Arguments.asksForHelp(args)) {
      return Optional.empty(); // only the usage is printed
    }
    String command = firstWord(args);
    if (!command.equals("build") && !command.equals("check") && !command.equals("serve")) {
      return Optional.empty();
    }
    return Optional.of(line(jar, command, args, given, HUGE_PAGES_SETTING));
  }

  /**
   * The second run's command line: the JVM settings for {@code command} ("build", "check" or
   * "serve") and the content and output folders {@code args} name, then the options the first run
   * was {@code given}, then {@code jar} and {@code args} as they came. {@code pagesSetting} is
   * where the kernel says whether it lends huge pages ({@link #HUGE_PAGES_SETTING}).
   */
  static List<String> line(
      Path jar, String command, String[] args, List<String> given, Path pagesSetting) {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path archive = jar.resolveSibling("briefing.jsa");
    if (Files.isRegularFile(archive)) { // classes already parsed, as the launcher has them
      line.add("-XX:SharedArchiveFile=".concat(archive.toString()));
      line.add("-Xshare:auto");
    }
    // The preview runs for hours and earns the optimizing compiler; a build does not. One compiler
    // thread, not the two the JVM gives a two-core machine: at start-up a second one takes a core
    // from the build to compile code it has run a few hundred times (README, "The two commands").
    if (!command.equals("serve")) {
      line.add("-XX:TieredStopAtLevel=1");
      line.add(ONE_COMPILER);
    }
    // The throughput collector with a fixed young generation: it grows the heap only as far as the
    // build needs, and its pauses use both cores, where the serial one stopped both threads to
    // copy on one: half a second of the 3.5 s of a build that adds one record to 10,000 (README,
    // "How the build got here").
    line.add(COLLECTOR);
    // A young generation of fixed size: the collector's default gives it a third of a heap that
    // grows with the archive, and the peak memory with it (10,000 records: 637 MiB against 560,
    // in no more time; README, "The two commands"). The size follows the archive's.
    long records = records(folder(args, "--content", "content"));
    line.add("-Xmn".concat(Integer.toString(young(records))).concat("m"));
    // What outlives one young collection (the records read, the plan) lives to the end of the
    // build: promoted at once, it is copied once rather than twice (README, "The two commands").
    line.add(TENURE);
    line.add(REFLECTION);
    boolean reusing = StateFolder.holdsManifest(folder(args, "--out", "site-output"));
    if (hugePages(records, reusing, pagesSetting)) {
      line.add(HUGE_PAGES);
    }
    // Whatever else the first run was given (system properties, assertions, modules) the build
    // runs with too; the variables the JVM reads options from pass on with the environment.
    line.addAll(given);
    line.add(RELAUNCHED);
    line.add("-jar");
    line.add(jar.toString());
    line.addAll(Arrays.asList(args));
    return line;
  }

  /**
   * Runs {@code line} with this process's input and output and returns its exit status. A signal
   * that ends this process ends the second run too (a terminal's Ctrl-C reaches both; a {@code
   * kill} of this one is passed on), and this process then ends with the second run's status, so an
   * interrupted build still reports itself as interrupted.
   */
  static int run(List<String> line) throws IOException, InterruptedException {
    Process child = new ProcessBuilder(line).inheritIO().start();
    Thread forward = new Forward(child);
    Runtime.getRuntime().addShutdownHook(forward);
    int status = child.waitFor();
    Runtime.getRuntime().removeShutdownHook(forward);
    return status;
  }

  /** Ends the second run when this one is ended by a signal, then ends with its status. */
  private static final class Forward extends Thread {
    private final Process child;

    Forward(Process child) {
      super("relaunch-forward");
      this.child = child;
    }

    @Override
    public void run() {
      child.destroy();
      try {
        Runtime.getRuntime().halt(child.waitFor());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The young generation's size in MiB for an archive of {@code records} record folders: it grows
   * with them, from {@link #YOUNG_MIN} to {@link #YOUNG_MAX} at some 6,400 records. Every megabyte
   * of it is touched before the first collection, and a small site's build never needs the room:
   * the seed site built in 1.0 s with 16 MiB against 1.2 s with 128 MiB, and 10,000 records spent
   * 2.5 s in collections with 32 MiB against 1.5 s with 128 MiB (README, "The two commands"); above
   * 96 MiB the peak grew, not the speed.
   */
  static int young(long records) {
    return (int) Math.min(YOUNG_MAX, YOUNG_MIN + records / RECORDS_PER_MIB);
  }

  /**
   * The record folders in {@code content}, as the launcher counts them. A folder that cannot be
   * listed counts as empty; the build then says what is wrong.
   */
  static long records(Path content) {
    String[] names = content.resolve("engagements").toFile().list();
    if (names == null) {
      return 0;
    }
    long records = 0;
    for (String name : names) {
      if (!name.startsWith(".")) {
        records++;
      }
    }
    return records;
  }

  /**
   * Whether the heap of a build of {@code records} record folders is asked for in huge pages, where
   * the kernel lends them ({@link #hugePages(Path)}): for a build that finds the last one's state
   * ({@code reusing}), and for one of an archive of up to {@link #HUGE_PAGES_MAX_RECORDS}. Each
   * page of the heap the build first touches costs the kernel a fault, and each address the
   * processor looks up, a walk through the page tables, dearer still in a virtual machine; in 2 MiB
   * pages there are 512 times fewer of both (README, "The two commands"). A larger heap that
   * renders the whole site pays more for finding 2 MiB of free memory than it saves.
   */
  static boolean hugePages(long records, boolean reusing, Path setting) {
    return (reusing || records <= HUGE_PAGES_MAX_RECORDS) && hugePages(setting);
  }

  /**
   * Whether the kernel lends huge pages to a program that asks, as {@code setting} (Linux's {@link
   * #HUGE_PAGES_SETTING}) says: "always" or "madvise" is chosen, not "never". Anywhere else (no
   * such file: macOS, Windows) the JVM does not know the option and would not start with it; where
   * the kernel says "never" it prints a warning at every start.
   */
  static boolean hugePages(Path setting) {
    try {
      String modes = Files.readString(setting);
      return modes.contains("[always]") || modes.contains("[madvise]");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The folder {@code args} name with {@code option} ({@code --content}, {@code --out}), or {@code
   * fallback}. Read word by word, as the launcher reads it, rather than by parsing every option:
   * this first run only starts the second, which says what is wrong with the arguments, if
   * anything.
   */
  static Path folder(String[] args, String option, String fallback) {
    Path folder = Path.of(fallback);
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(option)) {
        folder = Path.of(args[i + 1]);
      }
    }
    return folder;
  }

  private static String firstWord(String[] args) {
    return args.length == 0 || args[0].startsWith("-") ? "build" : args[0];
  }

  /**
   * The jar this JVM runs, when it was started as {@code java -jar}: its class path ({@code
   * classPath}) is one jar, and its command ({@code command}, the JVM's {@code sun.java.command})
   * starts with that jar rather than a main class.
   */
  static Optional<Path> startedFromJar(String classPath, String command) {
    if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
      return Optional.empty();
    }
    if (!command.startsWith(classPath)) {
      return Optional.empty(); // -cp briefing.jar with a main class named: not java -jar
    }
    return Optional.of(Path.of(classPath).toAbsolutePath());
  }

  /** The environment variables whose options the JVM reads as if given on its command line. */
  static final List<String> OPTION_VARIABLES =
      List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

  /**
   * Whether whoever started the JVM chose its settings: an {@code -X} option (heap, collector,
   * compiler) or an argument file among {@code options}, or any {@code -X} option in one of {@link
   * #OPTION_VARIABLES}.
   */
  static boolean flagsGiven(List<String> options, Map<String, String> env) {
    for (String option : options) {
      if (option.startsWith("-X") || option.startsWith("@")) {
        return true;
      }
    }
    for (String variable : OPTION_VARIABLES) {
      StringTokenizer words = new StringTokenizer(env.getOrDefault(variable, ""));
      while (words.hasMoreTokens()) {
        if (words.nextToken().startsWith("-X")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The options this JVM was started with: the words of its command line before {@code -jar}. Where
   * the system does not give a process its command line, the management beans' list, which also
   * holds the options of the environment.
   */
  private static List<String> jvmOptions() {
    Optional<String[]> words = ProcessHandle.current().info().arguments();
    if (words.isEmpty()) {
      return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
    List<String> options = new ArrayList<>();
    for (String word : words.get()) {
      if (word.equals("-jar")) {
        break;
      }
      options.add(word);
    }
    return options;
  }
}
