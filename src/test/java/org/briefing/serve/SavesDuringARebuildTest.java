package org.briefing.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.briefing.TestFiles;
import org.briefing.build.IncrementalBuilder;
import org.briefing.build.SiteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor who saves while the preview is rebuilding: the saves that land in the middle of a
 * rebuild, after it has read the record, and a save caught half written, are all followed by the
 * preview, whose page ends up showing the last save and no earlier one. The saves are made from
 * inside the watcher's own rebuild (after the edited pages are written, and around a rebuild that
 * reads the half-written file), so they land at those moments on every run, however busy the
 * machine.
 */
class SavesDuringARebuildTest {

  @TempDir Path temp;

  private static final String MARKER = "saved-during-a-rebuild-";

  @Test
  void savesLandingDuringARebuildAndAHalfWrittenSaveEndWithTheLastSaveShown() throws Exception {
    Path content = TestFiles.copyTree(Path.of("content"), temp.resolve("content"));
    Path templates = TestFiles.copyTree(Path.of("templates"), temp.resolve("templates"));
    Path site = temp.resolve("site");
    IncrementalBuilder builder =
        new IncrementalBuilder(
            new SiteBuilder.Options(content, templates, site, Optional.empty(), false, false));
    assertTrue(builder.full().ok());
    String id = someRecordWithEnglish(content);
    Path en = content.resolve("engagements").resolve(id).resolve("en.md");
    Path page = site.resolve("en/engagements/" + id + "/index.html");
    String text = Files.readString(en, StandardCharsets.UTF_8).stripTrailing();

    List<IncrementalBuilder.Outcome> outcomes = new CopyOnWriteArrayList<>();
    AtomicBoolean savedMidRebuild = new AtomicBoolean();
    List<String> saved = new CopyOnWriteArrayList<>();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    try (ChangeWatcher watcher =
        new ChangeWatcher(
            List.of(content),
            changed -> {
              int round = outcomes.size() + 1;
              try {
                IncrementalBuilder.Outcome outcome =
                    changed == null
                        ? builder.full()
                        : builder.update(
                            changed,
                            files -> {
                              // the first rebuild has read save 0 and written its pages: twenty
                              // saves land now, the last of them cut off in the middle
                              if (round == 1 && savedMidRebuild.compareAndSet(false, true)) {
                                for (int s = 1; s <= 20; s++) {
                                  save(en, text + " " + MARKER + s, saved);
                                }
                                write(en, text.substring(0, text.indexOf("\n---") / 2));
                              }
                            });
                outcomes.add(outcome);
                if (!outcome.ok() && saved.size() == 21) {
                  // the half-written file was read: the save completes, after that read
                  save(en, text + " " + MARKER + "last", saved);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            new PrintStream(errors, true, StandardCharsets.UTF_8))) {
      watcher.start();
      save(en, text + " " + MARKER + 0, saved);

      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!(shows(page, MARKER + "last") && outcomes.get(outcomes.size() - 1).ok())) {
        if (System.nanoTime() > deadline) {
          fail(
              "within 60 s the page did not show the last save; rebuilds: "
                  + outcomes
                  + "\n"
                  + errors.toString(StandardCharsets.UTF_8));
        }
        Thread.sleep(50);
      }
    }
    assertTrue(savedMidRebuild.get(), "twenty saves landed during the first rebuild");
    assertTrue(
        outcomes.stream().anyMatch(outcome -> !outcome.ok()),
        "a rebuild read the half-written file and reported it: " + outcomes);
    assertTrue(
        outcomes.stream().allMatch(IncrementalBuilder.Outcome::incremental),
        "every save was an update of the record, not a full build: " + outcomes);
    String shown = Files.readString(page, StandardCharsets.UTF_8);
    assertEquals(1, count(shown, MARKER), "the page shows one save, the last");
  }

  private static void save(Path file, String text, List<String> saved) {
    write(file, text + "\n");
    saved.add(text);
  }

  /** As an editor's save does: the file is truncated, then written. */
  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean shows(Path page, String marker) throws IOException {
    return Files.isRegularFile(page) && Files.readString(page).contains(marker);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  private static String someRecordWithEnglish(Path content) throws IOException {
    try (Stream<Path> folders = Files.list(content.resolve("engagements"))) {
      return folders
          .sorted()
          .filter(folder -> Files.exists(folder.resolve("en.md")))
          .findFirst()
          .orElseThrow()
          .getFileName()
          .toString();
    }
  }
}
