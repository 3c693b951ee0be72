package org.briefing.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.briefing.build.IncrementalBuilder;
import org.briefing.content.Problem;
import org.briefing.i18n.TemplateProblemException;

/**
 * The preview's builds, one at a time, and what they make known: each success raises the version (a
 * full build rewrites every file; an update, the files a change touches, each part with a version
 * of its own), a failure keeps the last good site and reports its problems, and open pages wait
 * here to learn whether what they show has changed.
 */
final class Rebuilds {

  private final IncrementalBuilder builder;
  private final PrintStream out;
  private final PrintStream err;
  private volatile PreviewStatus status = new PreviewStatus(0, List.of()); // written under this

  /** The version that last rewrote each file, for files rewritten since the last full build. */
  private final Map<String, Integer> rewrittenIn = new java.util.concurrent.ConcurrentHashMap<>();

  private volatile int fullBuild; // the version of the last full build
  private volatile int assetsRewritten; // the version that last rewrote an asset, which all show
  private long firstPart; // when the current update's first part was written; under this
  private final Object statusChanged = new Object();
  private boolean closed; // guarded by this

  Rebuilds(IncrementalBuilder builder, PrintStream out, PrintStream err) {
    this.builder = builder;
    this.out = out;
    this.err = err;
  }

  PreviewStatus status() {
    return status;
  }

  /**
   * Builds after {@code changed} paths changed ({@code null}: anything may have): only the files
   * they touch when only records changed (see {@link IncrementalBuilder}), else all.
   */
  synchronized void rebuild(Set<Path> changed) {
    if (closed) {
      return;
    }
    long start = System.nanoTime();
    firstPart = 0;
    List<String> problems;
    int files = 0;
    boolean incremental = false;
    try {
      IncrementalBuilder.Outcome outcome =
          changed == null ? builder.full() : builder.update(changed, this::rewritten);
      problems = outcome.problems().stream().map(Problem::format).toList();
      files = outcome.files();
      incremental = outcome.incremental();
    } catch (TemplateProblemException e) {
      problems = e.problems().stream().map(Problem::format).toList();
    } catch (IOException | RuntimeException e) {
      problems = List.of("error: the preview could not be built: " + e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    // The new files are served from the moment they are published, a moment before the version
    // changes here; a page fetched in between reloads once more, which is harmless.
    PreviewStatus before = status;
    if (problems.isEmpty() && incremental && files == 0) {
      out.println("no file of the site changed (" + millis + " ms)"); // an editor's own file
    } else if (problems.isEmpty() && incremental) {
      // each part of the update already has its version (see rewritten)
      out.println(
          "rebuilt "
              + files
              + (files == 1 ? " file" : " files")
              + " touched by the change"
              + " in "
              + millis
              + " ms, the edited pages first in "
              + (firstPart - start) / 1_000_000
              + " ms (version "
              + status.version()
              + ")");
    } else if (problems.isEmpty()) {
      rewrittenIn.clear();
      fullBuild = before.version() + 1;
      setStatus(new PreviewStatus(before.version() + 1, List.of()));
      out.println(
          "built " + files + " files in " + millis + " ms (version " + status.version() + ")");
    } else {
      setStatus(new PreviewStatus(before.version(), problems));
      problems.forEach(err::println);
      err.println(
          (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
              + "; "
              + (before.version() > 0
                  ? "the preview still shows the last good build"
                  : "nothing to preview until they are fixed"));
    }
  }

  /** See {@link IncrementalBuilder#warmUp}; a failure here only costs the first edit time. */
  synchronized void warmUp() {
    try {
      builder.warmUp();
    } catch (IOException | RuntimeException e) {
      // the next edit's update meets the same problem and reports it
    }
  }

  /**
   * Files of an incremental update are written: a new version, which reloads pages showing them.
   */
  private void rewritten(Set<String> files) {
    if (firstPart == 0) {
      firstPart = System.nanoTime();
    }
    int version = status.version() + 1;
    files.forEach(file -> rewrittenIn.put(file, version));
    if (files.stream().anyMatch(file -> file.startsWith("assets/"))) {
      assetsRewritten = version; // the stylesheet, a script or a font: every page uses them
    }
    setStatus(new PreviewStatus(version, List.of()));
  }

  private void setStatus(PreviewStatus next) {
    synchronized (statusChanged) {
      status = next;
      statusChanged.notifyAll();
    }
  }

  /**
   * Whether the page at {@code page} (a request path), served at version {@code since}, shows
   * anything rewritten after it: a full build rewrote everything; an update, its files (the search
   * page also shows its records), and an asset every page.
   */
  boolean pageChanged(String page, int since) {
    if (fullBuild > since || assetsRewritten > since) {
      return true;
    }
    String file = page.replaceFirst("^/+", "");
    if (file.isEmpty() || file.endsWith("/")) {
      file += "index.html";
    }
    if (rewrittenIn.getOrDefault(file, 0) > since) {
      return true;
    }
    // the search page shows what its index scripts hold; an edit rewrites them with the page
    String search = "/search/index.html";
    return file.endsWith(search)
        && rewrittenIn.getOrDefault(
                file.substring(0, file.length() - search.length()) + "/search/index.js", 0)
            > since;
  }

  /**
   * Waits up to {@code millis} for a build after version {@code since}, or any other change of
   * state, and returns the state then.
   */
  PreviewStatus awaitChange(int since, long millis) throws InterruptedException {
    PreviewStatus start = status;
    long deadline = System.nanoTime() + millis * 1_000_000L;
    synchronized (statusChanged) {
      while (status.version() == since && status == start) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          break;
        }
        statusChanged.wait(left);
      }
    }
    return status;
  }

  /**
   * Stops rebuilding: waits for a rebuild in progress, and none starts after this. False when
   * already closed.
   */
  synchronized boolean close() {
    if (closed) {
      return false;
    }
    closed = true;
    return true;
  }
}
