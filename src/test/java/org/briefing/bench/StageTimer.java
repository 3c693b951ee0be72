package org.briefing.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.briefing.content.ContentLoader;
import org.briefing.content.LoadedContent;
import org.briefing.model.Archive;
import org.briefing.model.Site;
import org.briefing.publish.Publisher;
import org.briefing.render.OutputFile;
import org.briefing.render.SiteRenderer;
import org.briefing.validate.Validator;

/**
 * Runs the build's stages one by one, as {@code SiteBuilder.build} does, and prints each
 * stage's wall time and the process's CPU time over it, the heap the rendered site holds
 * before publishing, and the output's size by kind of page. Where the pipeline's time and
 * memory go, without a profiler; the machine's other load shows in wall time, less in CPU.
 *
 * <pre>
 * mvn -q package -DskipTests
 * java -cp target/briefing.jar:target/test-classes org.briefing.bench.StageTimer \
 *     /tmp/briefing-bench/corpus-10000 templates /tmp/out [repeats]
 * </pre>
 */
public final class StageTimer {

  private StageTimer() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: StageTimer CONTENT TEMPLATES OUT [REPEATS]");
      System.exit(2);
    }
    Path content = Path.of(args[0]);
    Path templates = Path.of(args[1]);
    Path out = Path.of(args[2]);
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    for (int run = 1; run <= repeats; run++) {
      System.out.printf(Locale.ROOT, "-- run %d of %d%n", run, repeats);
      once(content, templates, out);
    }
  }

  private static void once(Path content, Path templates, Path out) throws IOException {
    Clock clock = new Clock();
    LoadedContent loaded = new ContentLoader().load(content);
    clock.lap("load (read files, YAML, front matter)");
    Validator.Result result = new Validator().validate(loaded, new Validator.Options(false, false));
    clock.lap("validate");
    if (!result.ok()) {
      System.err.println("content has problems: " + result.problems().subList(0,
          Math.min(5, result.problems().size())));
      System.exit(1);
    }
    Site site = result.site().orElseThrow();
    Archive archive = new Archive(site);
    clock.lap("archive");
    List<OutputFile> files = new SiteRenderer(templates).render(archive);
    clock.lap("render (all pages into memory)");
    long retained = heapAfterGc();
    clock.pause();
    Publisher publisher = new Publisher();
    clock.resume();
    publisher.publish(files, out);
    clock.lap("publish (write temp folder, swap)");
    clock.total();

    long bytes = files.stream().mapToLong(f -> f.content().length).sum();
    System.out.printf(Locale.ROOT, "%,d files, %,d MiB of output; heap in use after render (after"
        + " a full GC, OutputFiles and model held): %,d MiB%n", files.size(), bytes >> 20,
        retained >> 20);
    Map<String, long[]> kinds = new TreeMap<>();
    for (OutputFile f : files) {
      long[] k = kinds.computeIfAbsent(kind(f.path()), x -> new long[2]);
      k[0]++;
      k[1] += f.content().length;
    }
    kinds.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
        .forEach(e -> System.out.printf(Locale.ROOT, "  %-28s %6d files %8.1f MiB%n", e.getKey(),
            e.getValue()[0], e.getValue()[1] / 1048576.0));
  }

  /** {@code en/engagements/x/index.html} → {@code engagements/*.html}. */
  static String kind(String path) {
    String[] parts = path.split("/");
    if ((parts[0].equals("en") || parts[0].equals("ar")) && parts.length > 2) {
      return parts[1] + "/*" + path.substring(path.lastIndexOf('.'));
    }
    return parts.length > 1 ? parts[0] + "/" + parts[parts.length - 1] : path;
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  /** Wall and process-CPU time per stage. */
  private static final class Clock {
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long startWall = System.nanoTime();
    private final long startCpu = os.getProcessCpuTime();
    private long wall = startWall;
    private long cpu = startCpu;
    private long pausedWall;
    private long pausedCpu;
    private long pauseStartWall;
    private long pauseStartCpu;

    void lap(String stage) {
      long w = System.nanoTime();
      long c = os.getProcessCpuTime();
      System.out.printf(Locale.ROOT, "  %-36s wall %7.2f s   cpu %7.2f s%n", stage,
          (w - wall) / 1e9, (c - cpu) / 1e9);
      wall = w;
      cpu = c;
    }

    void pause() {
      pauseStartWall = System.nanoTime();
      pauseStartCpu = os.getProcessCpuTime();
    }

    void resume() {
      long w = System.nanoTime();
      long c = os.getProcessCpuTime();
      pausedWall += w - pauseStartWall;
      pausedCpu += c - pauseStartCpu;
      wall = w;
      cpu = c;
    }

    void total() {
      System.out.printf(Locale.ROOT, "  %-36s wall %7.2f s   cpu %7.2f s   (GC for the heap"
          + " measurement left out)%n", "total", (System.nanoTime() - startWall - pausedWall) / 1e9,
          (os.getProcessCpuTime() - startCpu - pausedCpu) / 1e9);
    }
  }
}
