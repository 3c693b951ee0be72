package org.briefing.publish;

import java.nio.file.Path;

/**
 * Another build's process, for tests: takes the lock of the output folder given, says "held" on its
 * standard output, and keeps the lock until its standard input ends.
 */
public final class LockHolder {

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (OutputLock lock = OutputLock.acquire(Path.of(args[0]), System.err)) {
      System.out.println("held");
      System.out.flush();
      while (System.in.read() >= 0) {
        // until the test closes our input
      }
    }
  }
}
