package org.briefing.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a build by pipeline stage: where the CPU samples and the sampled
 * allocations fall (load, validate, archive, render and its parts, publish), which libraries they
 * are in, the hottest methods, and the garbage collector's pauses and peak heap.
 *
 * <pre>
 * java -XX:FlightRecorderOptions:stackdepth=256 \
 *      -XX:StartFlightRecording=filename=/tmp/build.jfr,settings=profile \
 *      -jar target/briefing.jar build --content /tmp/briefing-bench/corpus-10000 --out /tmp/o
 * java -cp target/test-classes org.briefing.bench.ProfileSummary /tmp/build.jfr
 * </pre>
 */
public final class ProfileSummary {

  /** Pipeline stages, by the class of the outermost project frame on the stack. */
  private static final String[][] STAGES = {
    {"org.briefing.content.", "1 load (read files, YAML, front matter)"},
    {"org.briefing.validate.", "2 validate (rules, typing)"},
    {"org.briefing.archive.Archive", "3 archive"},
    {"org.briefing.render.", "4 render"},
    {"org.briefing.publish.", "5 publish (write files)"},
  };

  /** Parts of the render stage, by the innermost render class on the stack. */
  private static final String[] RENDER_PARTS = {
    "MarkdownRenderer",
    "PlainText",
    "TemplateEngine",
    "SearchIndex",
    "FeedRenderer",
    "DataExport",
    "SitemapRenderer",
    "Charts",
    "DateFormatter",
    "Localizer",
    "PageBuilder",
    "SiteRenderer"
  };

  /** Libraries, by the innermost frame's package. */
  private static final String[][] LIBRARIES = {
    {"org.commonmark.", "commonmark (Markdown)"},
    {"freemarker.", "Freemarker"},
    {"com.fasterxml.jackson.", "Jackson"},
    {"org.yaml.snakeyaml.", "SnakeYAML"},
    {"org.briefing.", "our code"},
    {"java.util.regex.", "java.util.regex"},
    {"java.util.stream.", "JDK streams"},
    {"java.util.", "JDK collections"},
    {"java.lang.String", "JDK strings"},
    {"java.lang.AbstractStringBuilder", "JDK strings"},
    {"java.lang.StringBuilder", "JDK strings"},
    {"sun.nio.cs.", "JDK charsets"},
    {"java.nio.", "JDK file I/O"},
    {"sun.nio.", "JDK file I/O"},
    {"java.io.", "JDK java.io"},
    {"java.lang.invoke.", "JDK invoke/reflection"},
    {"jdk.internal.reflect.", "JDK invoke/reflection"},
    {"java.lang.reflect.", "JDK invoke/reflection"},
    {"javax.xml.", "JDK XML (feeds)"},
    {"com.sun.xml.", "JDK XML (feeds)"},
  };

  private ProfileSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ProfileSummary RECORDING.jfr");
      System.exit(2);
    }
    Tally cpu = new Tally();
    Tally alloc = new Tally();
    long gcPauses = 0;
    Duration gcPauseTime = Duration.ZERO;
    Duration longestPause = Duration.ZERO;
    long peakHeapUsed = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = event.getEventType().getName();
      switch (type) {
        case "jdk.ExecutionSample" -> cpu.add(event.getStackTrace(), 1);
        case "jdk.ObjectAllocationSample" ->
            alloc.add(event.getStackTrace(), event.getLong("weight"));
        case "jdk.GarbageCollection" -> {
          gcPauses++;
          Duration pause = event.getDuration("sumOfPauses");
          gcPauseTime = gcPauseTime.plus(pause);
          if (pause.compareTo(longestPause) > 0) {
            longestPause = pause;
          }
        }
        case "jdk.GCHeapSummary" ->
            peakHeapUsed = Math.max(peakHeapUsed, event.getLong("heapUsed"));
        default -> {}
      }
    }
    System.out.printf(
        Locale.ROOT,
        "GC: %d collections, %.2f s paused in all, longest %d ms;" + " peak heap used %d MiB%n%n",
        gcPauses,
        gcPauseTime.toMillis() / 1000.0,
        longestPause.toMillis(),
        peakHeapUsed >> 20);
    cpu.print("CPU samples", "samples");
    alloc.print("Allocation (sampled bytes, weighted)", "MiB");
  }

  /** Counts (samples, or bytes) by stage, render part, library and method. */
  private static final class Tally {
    final Map<String, Long> stages = new HashMap<>();
    final Map<String, Long> renderParts = new HashMap<>();
    final Map<String, Long> libraries = new HashMap<>();
    final Map<String, Long> methods = new HashMap<>();
    final Map<String, Long> projectMethods = new HashMap<>();
    final Map<String, Map<String, Long>> methodsByStage = new TreeMap<>();
    long total;

    void add(RecordedStackTrace stack, long weight) {
      if (stack == null || stack.getFrames().isEmpty()) {
        return;
      }
      total += weight;
      List<RecordedFrame> frames = stack.getFrames(); // innermost first
      String stage = "0 outside the pipeline (JVM start-up, JIT, threads idle)";
      String renderPart = null;
      String projectMethod = null;
      for (RecordedFrame frame : frames) {
        String cls = frame.getMethod().getType().getName();
        for (String[] s : STAGES) {
          if (cls.startsWith(s[0])) {
            stage = s[1]; // keeps the outermost match
          }
        }
        if (renderPart == null && cls.startsWith("org.briefing.render.")) {
          for (String part : RENDER_PARTS) {
            if (cls.equals("org.briefing.render." + part)
                || cls.startsWith("org.briefing.render." + part + "$")) {
              renderPart = part;
              break;
            }
          }
        }
        if (projectMethod == null && cls.startsWith("org.briefing.")) {
          projectMethod = shortName(frame);
        }
      }
      if (stack.isTruncated() && stage.startsWith("0")) {
        stage = "? stack too deep to tell (raise stackdepth)";
      }
      RecordedFrame top = frames.get(0);
      String topClass = top.getMethod().getType().getName();
      String library = "other (" + packageOf(topClass) + ")";
      for (String[] l : LIBRARIES) {
        if (topClass.startsWith(l[0])) {
          library = l[1];
          break;
        }
      }
      stages.merge(stage, weight, Long::sum);
      if (stage.startsWith("4") && renderPart != null) {
        renderParts.merge(renderPart, weight, Long::sum);
      }
      libraries.merge(library, weight, Long::sum);
      methods.merge(shortName(top), weight, Long::sum);
      methodsByStage
          .computeIfAbsent(stage, k -> new HashMap<>())
          .merge(
              shortName(top) + (projectMethod == null ? "" : "  <  " + projectMethod),
              weight,
              Long::sum);
      if (projectMethod != null) {
        projectMethods.merge(projectMethod, weight, Long::sum);
      }
    }

    void print(String title, String unit) {
      boolean bytes = unit.equals("MiB");
      System.out.printf(Locale.ROOT, "== %s: %s in all%n", title, amount(total, bytes));
      table("by pipeline stage", stages, bytes, 20);
      table("render stage, by innermost render class", renderParts, bytes, 20);
      table("by library (innermost frame)", libraries, bytes, 20);
      table("hottest methods (innermost frame)", methods, bytes, 20);
      table("innermost project method", projectMethods, bytes, 15);
      methodsByStage.forEach(
          (stage, counts) ->
              table(
                  "stage " + stage + ": hottest methods  <  innermost project method",
                  counts,
                  bytes,
                  8));
      System.out.println();
    }

    private void table(String name, Map<String, Long> counts, boolean bytes, int limit) {
      System.out.println("-- " + name);
      counts.entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(limit)
          .forEach(
              e ->
                  System.out.printf(
                      Locale.ROOT,
                      "  %5.1f%%  %10s  %s%n",
                      100.0 * e.getValue() / Math.max(1, total),
                      amount(e.getValue(), bytes),
                      e.getKey()));
    }

    private static String amount(long value, boolean bytes) {
      return bytes
          ? String.format(Locale.ROOT, "%,d MiB", value >> 20)
          : String.format(Locale.ROOT, "%,d", value);
    }
  }

  private static String shortName(RecordedFrame frame) {
    String cls = frame.getMethod().getType().getName();
    return cls.substring(cls.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }

  private static String packageOf(String cls) {
    int dot = cls.lastIndexOf('.');
    return dot < 0 ? cls : cls.substring(0, dot);
  }
}
