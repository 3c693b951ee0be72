package org.briefing.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.briefing.files.OutputFile;
import org.briefing.publish.Publisher;

/**
 * How long the output folder is missing during the publishing swap (between its two renames), over
 * repeated publishes of a site of 2,000 files: {@code java -cp target/classes:target/test-classes
 * org.briefing.bench.SwapGap DIR [runs]}.
 */
public final class SwapGap {

  private SwapGap() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]).resolve("swap-gap-site");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    List<OutputFile> files = new ArrayList<>();
    files.add(new OutputFile("index.html", "<p>home</p>".getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i < 2000; i++) {
      files.add(
          new OutputFile(
              "en/engagements/" + i + "/index.html",
              ("<p>page " + i + "</p>").getBytes(StandardCharsets.UTF_8)));
    }
    Publisher publisher = new Publisher();
    publisher.publish(files, out);
    long[] gaps = new long[runs];
    for (int r = 0; r < runs; r++) {
      publisher.publish(files, out);
      gaps[r] = publisher.lastSwapGapNanos();
    }
    Arrays.sort(gaps);
    System.out.printf(
        "swap gap over %d publishes: min %d µs, median %d µs, max %d µs%n",
        runs, gaps[0] / 1000, gaps[runs / 2] / 1000, gaps[runs - 1] / 1000);
    Publisher.deleteTree(out);
    Files.deleteIfExists(out.getParent().resolve(".swap-gap-site.lock"));
  }
}
