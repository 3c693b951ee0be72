package org.briefing.files;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Buffers are reused from file to file, never shared by two files or two threads. */
class SpareTest {

  @Test
  void whatIsGivenBackIsLentAgainOnceToThisThreadOnly() throws InterruptedException {
    Spare<int[]> spare = new Spare<>(() -> new int[4]);
    int[] first = spare.lend();
    spare.giveBack(first);
    assertSame(first, spare.lend(), "the same array, not a new one");
    assertNotSame(first, spare.lend(), "lent already: another one, never the same twice");
    spare.giveBack(first);
    AtomicReference<int[]> there = new AtomicReference<>();
    Thread other = new Thread(() -> there.set(spare.lend()));
    other.start();
    other.join();
    assertNotSame(first, there.get(), "another thread has its own");
    assertSame(first, spare.lend());
  }
}
