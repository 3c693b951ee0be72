package org.briefing.build;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work done on a thread of its own while the build goes on. At 10,000 records a rebuild that adds
 * one record leaves a core idle for seconds in all, in steps that wait on the disk or run on one
 * thread; the footprints are made, and the last build's search terms read, in them.
 */
final class Background<T> {
  private final FutureTask<T> task;

  Background(String name, Callable<T> work) {
    task = new FutureTask<>(work);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true); // a build that failed does not wait for work it will not use
    thread.start();
  }

  /** The result, once the work is done; the work's failure is thrown as it was. */
  T get() throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the build was being finished", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      } else if (cause instanceof RuntimeException runtime) {
        throw runtime;
      } else if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
