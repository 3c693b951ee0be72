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
 * pause. Reports failed requests, saves never shown, and the process's threads, open files and heap
 * after a full GC at the start and the end. Run from {@code .ci/bench} with {@code BENCH_SOAK=1};
 * not part of CI.
 *
 * <pre>java -cp target/classes:target/test-classes:DEPS org.briefing.bench.PreviewSoak
 *     DIR [records=1000] [saves=500] [per-second=5] [clients=20]</pre>
 *
 * <p>Exits 1 when a request failed, a save was never shown, or threads or open files grew.
 */
public final class PreviewSoak {

  private PreviewSoak() {}

  record Sample(int threads, long files, long heapMiB) {
    @Override
    public String toString() {
      return threads + " threads, " + files + " open files, " + heapMiB + " MiB heap after GC";
    }
  }

  static Sample sample() throws IOException {
    System.gc();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    long files;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      files = fds.count();
    }
    return new Sample(Thread.activeCount(), files, heap);
  }

  public static void main(String[] args) throws Exception {
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

    PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
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
            quiet,
            System.err);
    URI base = preview.address();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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

    Random random = new Random(CorpusGenerator.DEFAULT_SEED);
    Map<String, String> latest = new ConcurrentHashMap<>();
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
      latest.put(id, marker);
      if ((s + 1) % 100 == 0) {
        System.out.println(
            "saves: "
                + (s + 1)
                + ", requests: "
                + requests.get()
                + ", failed: "
                + failures.get()
                + "; "
                + sample());
      }
    }
    long savesDone = System.nanoTime();

    // Every record saved shows its last save, within a minute of the last save.
    Map<String, String> unseen = new ConcurrentHashMap<>(latest);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!unseen.isEmpty() && System.nanoTime() < deadline) {
      for (var entry : List.copyOf(unseen.entrySet())) {
        HttpResponse<String> page =
            http.send(
                HttpRequest.newBuilder(
                        base.resolve("en/engagements/" + entry.getKey() + "/index.html"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.body().contains(entry.getValue())) {
          unseen.remove(entry.getKey());
        }
      }
      Thread.sleep(200);
    }
    long shownAfterMs = (System.nanoTime() - savesDone) / 1_000_000;
    Thread.sleep(5_000); // the last update's threads settle, as at the start
    Sample end = sample();
    running.set(false);
    for (Thread reader : readers) {
      reader.join(60_000);
    }
    preview.close();

    double seconds = (savesDone - t0) / 1e9;
    System.out.printf(
        "saves: %d in %.1f s (%d records saved), all shown %d ms after the last"
            + " save; not shown: %d%n",
        saves, seconds, latest.size(), shownAfterMs, unseen.size());
    System.out.println(
        "requests: "
            + requests.get()
            + ", failed: "
            + failures.get()
            + (failureSamples.isEmpty() ? "" : " e.g. " + failureSamples));
    System.out.println("start: " + start);
    System.out.println("end:   " + end);
    boolean ok =
        failures.get() == 0
            && unseen.isEmpty()
            && end.threads() <= start.threads()
            && end.files() <= start.files();
    System.out.println(ok ? "soak: ok" : "soak: FAILED");
    System.exit(ok ? 0 : 1);
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
