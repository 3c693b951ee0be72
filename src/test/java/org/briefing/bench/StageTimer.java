package org.briefing.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.briefing.archive.Archive;
import org.briefing.build.SiteRenderer;
import org.briefing.content.ContentLoader;
import org.briefing.content.LoadedContent;
import org.briefing.model.Site;
import org.briefing.publish.Publisher;
import org.briefing.validate.Validator;

/**
 * Runs the build's stages one by one, as {@code SiteBuilder.build} does, and prints each stage's
 * wall time and the process's CPU time over it (rendering and writing are one stage, since pages
 * stream to disk as they are rendered), the heap in use after the build, and the output's size by
 * kind of page. Where the pipeline's time and memory go, without a profiler; the machine's other
 * load shows in wall time, less in CPU.
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
      System.err.println(
          "content has problems: "
              + result.problems().subList(0, Math.min(5, result.problems().size())));
      System.exit(1);
    }
    Site site = result.site().orElseThrow();
    Archive archive = new Archive(site);
    clock.lap("archive");
    SiteRenderer renderer = new SiteRenderer(templates);
    Map<String, long[]> kinds = new java.util.concurrent.ConcurrentHashMap<>();
    int files =
        new Publisher()
            .publish(
                out,
                sink ->
                    renderer.render(
                        archive,
                        (path, body) ->
                            sink.write(
                                path,
                                stream -> {
                                  CountingStream counting = new CountingStream(stream);
                                  body.writeTo(counting);
                                  long[] k = kinds.computeIfAbsent(kind(path), x -> new long[2]);
                                  synchronized (k) {
                                    k[0]++;
                                    k[1] += counting.count;
                                  }
                                }),
                        true));
    clock.lap("render and write (streamed to a staging folder, swapped in)");
    clock.total();
    long bytes = kinds.values().stream().mapToLong(k -> k[1]).sum();
    System.out.printf(
        Locale.ROOT,
        "%,d files, %,d MiB of output; heap in use after the build"
            + " (after a full GC, the model held): %,d MiB%n",
        files,
        bytes >> 20,
        heapAfterGc() >> 20);
    kinds.entrySet().stream()
        .sorted(
            Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "  %-28s %6d files %8.1f MiB%n",
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1] / 1048576.0));
  }

  /** Counts the bytes written through it. */
  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
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

    void lap(String stage) {
      long w = System.nanoTime();
      long c = os.getProcessCpuTime();
      System.out.printf(
          Locale.ROOT,
          "  %-36s wall %7.2f s   cpu %7.2f s%n",
          stage,
          (w - wall) / 1e9,
          (c - cpu) / 1e9);
      wall = w;
      cpu = c;
    }

    void total() {
      System.out.printf(
          Locale.ROOT,
          "  %-36s wall %7.2f s   cpu %7.2f s%n",
          "total",
          (System.nanoTime() - startWall) / 1e9,
          (os.getProcessCpuTime() - startCpu) / 1e9);
    }
  }
}
