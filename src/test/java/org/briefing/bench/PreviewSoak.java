package org.briefing.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.briefing.build.SiteBuilder;
import org.briefing.serve.PreviewServer;

/**
 * A working day of the preview, compressed: {@code serve} on a generated archive while an editor
 * saves random records (by default 500 saves, 5 a second) and 20 readers request pages without
 * pause. Reports failed requests; for each save, how long until the record's page showed it, and
 * saves lost (not shown once the preview had finished a rebuild that began after the last save);
 * and the process's threads, open files and heap after a full GC at the start and the end, both
 * under load and idle. Run from {@code .ci/bench} with {@code BENCH_SOAK=1}; not part of CI.
 *
 * <pre>java -cp target/classes:target/test-classes:DEPS org.briefing.bench.PreviewSoak
 *     DIR [records=1000] [saves=500] [per-second=5] [clients=20]</pre>
 *
 * <p>Exits 1 when a request failed, a save was lost, or threads or open files grew between the idle
 * samples (before the readers start, and after they stop and the preview's idle request threads
 * have ended).
 */
public final class PreviewSoak {

  private PreviewSoak() {}

  record Sample(int threads, long files, long heapMiB, java.util.Set<String> fds) {
    @Override
    public String toString() {
      return threads + " threads, " + files + " open files, " + heapMiB + " MiB heap after GC";
    }
  }

  static Sample sample() throws IOException {
    System.gc();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    java.util.Set<String> open = new java.util.TreeSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (!target.matches("/proc/\\d+/fd")) { // the listing's own descriptor
            open.add(fd.getFileName() + " " + target);
          }
        } catch (IOException e) {
          // closed since it was listed (the listing's own descriptor, say)
        }
      }
    }
    return new Sample(Thread.activeCount(), open.size(), heap, open);
  }

  public static void main(String[] args) throws Exception {
    // The soak's own client closes a connection idle for 5 s, so the idle samples count the
    // preview's descriptors, not a socket the client keeps for later (20 minutes by default).
    System.setProperty("jdk.httpclient.keepalive.timeout", "5");
    Path dir = Path.of(args[0]);
    int records = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int saves = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int perSecond = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    int clients = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    Path content = dir.resolve("soak-content");
    if (Files.exists(content)) {
      org.briefing.publish.Publisher.deleteTree(content);
    }
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    List<CorpusGenerator.Record> corpus = generator.records(records);
    generator.writeContent(corpus, content);
    List<String> ids = corpus.stream().map(CorpusGenerator.Record::id).toList();

    RebuildLog log = new RebuildLog();
    PreviewServer preview =
        PreviewServer.start(
            new SiteBuilder.Options(
                content,
                Path.of("templates"),
                dir.resolve("unused-out"),
                Optional.empty(),
                false,
                false),
            0,
            log.stream(),
            System.err);
    URI base = preview.address();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Sample idleStart = sample();
    System.out.println("idle start: " + idleStart);

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong requests = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    List<String> failureSamples = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Random random = new Random(c);
      Thread reader =
          new Thread(
              () -> {
                while (running.get()) {
                  String id = ids.get(random.nextInt(ids.size()));
                  String lang = random.nextBoolean() ? "en" : "ar";
                  String path =
                      switch (random.nextInt(4)) {
                        case 0 -> lang + "/index.html";
                        case 1 -> lang + "/timeline/index.html";
                        default -> lang + "/engagements/" + id + "/index.html";
                      };
                  try {
                    HttpResponse<byte[]> response =
                        http.send(
                            HttpRequest.newBuilder(base.resolve(path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200 || response.body().length == 0) {
                      fail(failures, failureSamples, path + ": " + response.statusCode());
                    }
                  } catch (IOException e) {
                    fail(failures, failureSamples, path + ": " + e);
                  } catch (InterruptedException e) {
                    return;
                  }
                  requests.incrementAndGet();
                }
              },
              "soak-reader-" + c);
      reader.start();
      readers.add(reader);
    }
    Thread.sleep(5_000); // the readers' and the server's threads are all started
    Sample start = sample();
    System.out.println("start: " + start);

    // One more reader follows the saves: it asks for each saved record's English page until the
    // page shows the record's last save, and notes how long that took.
    Map<String, Save> unseen = new ConcurrentHashMap<>();
    List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread follower =
        new Thread(
            () -> {
              while (running.get()) {
                for (var entry : List.copyOf(unseen.entrySet())) {
                  try {
                    if (shows(http, base, entry.getKey(), entry.getValue().marker())
                        && unseen.remove(entry.getKey(), entry.getValue())) {
                      delays.add((System.nanoTime() - entry.getValue().nanos()) / 1_000_000);
                    }
                  } catch (IOException e) {
                    fail(failures, failureSamples, entry.getKey() + ": " + e);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "soak-follower");
    follower.start();

    Random random = new Random(CorpusGenerator.DEFAULT_SEED);
    Map<String, Save> latest = new ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    long interval = 1_000_000_000L / perSecond;
    for (int s = 0; s < saves; s++) {
      long due = t0 + s * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      String id = ids.get(random.nextInt(ids.size()));
      String marker = "soak-save-" + s + "-" + Long.toHexString(random.nextLong());
      Path en = content.resolve("engagements").resolve(id).resolve("en.md");
      String text =
          Files.readString(en, StandardCharsets.UTF_8).replaceAll("\\s*soak-save-\\S+", "");
      Files.writeString(en, text.stripTrailing() + " " + marker + "\n", StandardCharsets.UTF_8);
      Save save = new Save(marker, System.nanoTime());
      latest.put(id, save);
      unseen.put(id, save);
      if ((s + 1) % 100 == 0) {
        System.out.println(
            "saves: "
                + (s + 1)
                + ", requests: "
                + requests.get()
                + ", failed: "
                + failures.get()
                + ", not shown yet: "
                + unseen.size()
                + "; "
                + sample());
      }
    }
    long savesDone = System.nanoTime();
    // The same bytes written again a moment later: its rebuild begins after the last save for sure
    // (the last save's own may have begun with it), so when that rebuild ends every save was read.
    Thread.sleep(1_000);
    Path again = content.resolve("engagements").resolve(ids.get(0)).resolve("en.md");
    long touched = System.nanoTime();
    Files.write(again, Files.readAllBytes(again));

    // Late or lost: wait (up to 20 minutes) until the preview has finished a rebuild that began
    // after the last save, so every save has been read; a save not shown after that is lost.
    long deadline = savesDone + 1_200_000_000_000L;
    while (System.nanoTime() < deadline && !log.finishedRoundStartedAfter(touched)) {
      Thread.sleep(500);
    }
    long caughtUp = System.nanoTime();
    boolean settled = log.finishedRoundStartedAfter(touched);
    // the follower may be part way through a round of requests: give it two more rounds
    long grace = caughtUp + 60_000_000_000L;
    while (!unseen.isEmpty() && System.nanoTime() < grace) {
      Thread.sleep(500);
    }
    Map<String, Save> lost = new java.util.TreeMap<>();
    for (var entry : latest.entrySet()) {
      if (!shows(http, base, entry.getKey(), entry.getValue().marker())) {
        lost.put(entry.getKey(), entry.getValue());
      }
    }
    Thread.sleep(5_000);
    Sample end = sample();
    running.set(false);
    follower.join(60_000);
    for (Thread reader : readers) {
      reader.join(60_000);
    }
    // the preview's request threads idle out after a minute
    Thread.sleep(65_000);
    Sample idleEnd = sample();
    preview.close();

    List<Long> sorted = new ArrayList<>(delays);
    java.util.Collections.sort(sorted);
    double seconds = (savesDone - t0) / 1e9;
    System.out.printf(
        "saves: %d in %.1f s (%d records saved); the preview caught up %.1f s after the last"
            + " save%s, in %d rebuilds%n",
        saves,
        seconds,
        latest.size(),
        (caughtUp - savesDone) / 1e9,
        settled ? "" : " (NOT within 20 minutes)",
        log.rounds());
    System.out.printf(
        "save to shown (%d saves seen by the follower): median %d ms, 90th %d ms, worst %d ms%n",
        sorted.size(), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 100));
    System.out.println(
        "lost (not shown once caught up): " + lost.size() + (lost.isEmpty() ? "" : " " + lost));
    System.out.println(
        "requests: "
            + requests.get()
            + ", failed: "
            + failures.get()
            + (failureSamples.isEmpty() ? "" : " e.g. " + failureSamples));
    System.out.println("under load, start: " + start);
    System.out.println("under load, end:   " + end);
    System.out.println("idle, start: " + idleStart);
    System.out.println("idle, end:   " + idleEnd);
    java.util.Set<String> opened = new java.util.TreeSet<>(idleEnd.fds());
    opened.removeAll(idleStart.fds());
    // a library's jar is opened once, when the first class from it is loaded: not a leak
    long grown = opened.stream().filter(fd -> !fd.endsWith(".jar")).count();
    System.out.println("open since the idle start: " + (opened.isEmpty() ? "none" : opened));
    boolean ok =
        failures.get() == 0
            && settled
            && lost.isEmpty()
            && idleEnd.threads() <= idleStart.threads()
            && grown == 0;
    System.out.println(ok ? "soak: ok" : "soak: FAILED");
    System.exit(ok ? 0 : 1);
  }

  /** A save: the marker it appended to the record's {@code en.md}, and when. */
  record Save(String marker, long nanos) {}

  private static boolean shows(HttpClient http, URI base, String id, String marker)
      throws IOException, InterruptedException {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(base.resolve("en/engagements/" + id + "/index.html"))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return page.statusCode() == 200 && page.body().contains(marker);
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get(Math.min(sorted.size() - 1, (sorted.size() * p) / 100));
  }

  /**
   * The preview's report of each finished rebuild ("rebuilt N files ... in T ms", "built N files in
   * T ms"), with when it ended; so when it began.
   */
  static final class RebuildLog extends java.io.OutputStream {
    private static final java.util.regex.Pattern TOOK =
        java.util.regex.Pattern.compile("^(?:re)?built .*? in (\\d+) ms");
    private static final long T0 = System.nanoTime();
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    private final List<Long> starts = new ArrayList<>(); // under this

    PrintStream stream() {
      return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
      if (b != '\n') {
        line.write(b);
        return;
      }
      String text = line.toString(StandardCharsets.UTF_8);
      System.out.printf("  preview, %.1f s: %s%n", (System.nanoTime() - T0) / 1e9, text);
      var took = TOOK.matcher(text);
      if (took.find()) {
        starts.add(System.nanoTime() - Long.parseLong(took.group(1)) * 1_000_000);
      }
      line.reset();
    }

    synchronized boolean finishedRoundStartedAfter(long nanos) {
      return starts.stream().anyMatch(start -> start > nanos);
    }

    synchronized int rounds() {
      return starts.size();
    }
  }

  private static void fail(AtomicLong failures, List<String> samples, String what) {
    failures.incrementAndGet();
    synchronized (samples) {
      if (samples.size() < 5) {
        samples.add(what);
      }
    }
  }
}
