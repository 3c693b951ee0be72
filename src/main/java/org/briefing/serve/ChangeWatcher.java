package org.briefing.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders and everything under them, folders created later included, and calls {@code
 * onChange} with the paths that changed once a burst of changes has settled: an editor's save often
 * writes, renames and touches several files within a few milliseconds, and one rebuild should
 * follow, not five. When the system lost track of events (an overflow) the set is {@code null}:
 * anything may have changed. {@code onChange} runs on the watcher's own thread, so calls never
 * overlap.
 */
final class ChangeWatcher implements Closeable {

  /**
   * How long the folders must stay quiet before {@code onChange} runs: long enough to catch an
   * editor's save (its writes and renames come within a few milliseconds of each other), short
   * enough not to delay the preview noticeably.
   */
  static final long QUIET_MILLIS = 40;

  /** A stream of changes that never settles still gets a rebuild this often. */
  static final long MAX_WAIT_MILLIS = 1000;

  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>(); // the watcher thread's only
  private final Consumer<Set<Path>> onChange;
  private Set<Path> changed = new HashSet<>(); // the watcher thread's only; null: everything
  private final PrintStream err;
  private final Thread thread;

  ChangeWatcher(List<Path> roots, Consumer<Set<Path>> onChange, PrintStream err)
      throws IOException {
    this.service = FileSystems.getDefault().newWatchService();
    this.onChange = onChange;
    this.err = err;
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        watchTree(root);
      } else {
        err.println("warning: " + root + " is not a folder; changes there are not watched");
      }
    }
    this.thread = new Thread(this::run, "preview-watcher");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        handle(service.take());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        WatchKey more;
        while (System.nanoTime() < deadline
            && (more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          handle(more);
        }
        Set<Path> paths = changed;
        changed = new HashSet<>();
        onChange.accept(paths);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: the preview is stopping
    }
  }

  /** Takes the key's events, watching any folder that was created (a new record, say). */
  private void handle(WatchKey key) {
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (folder != null && event.kind() == ENTRY_CREATE && event.context() instanceof Path name) {
        Path child = folder.resolve(name);
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          try {
            watchTree(child);
          } catch (IOException e) {
            err.println("warning: cannot watch " + child + " for changes: " + e.getMessage());
          }
        }
      }
      if (event.kind() == OVERFLOW || folder == null) {
        changed = null;
      } else if (changed != null && event.context() instanceof Path name) {
        changed.add(folder.resolve(name));
      }
    }
    if (!key.reset()) {
      folders.remove(key); // the folder is gone
    }
  }

  private void watchTree(Path root) throws IOException {
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path folder :
          tree.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        folders.put(folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
      }
    }
  }

  /** Stops watching; waits briefly for a rebuild in progress to end. */
  @Override
  public void close() throws IOException {
    service.close();
    if (thread.isAlive() && Thread.currentThread() != thread) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
