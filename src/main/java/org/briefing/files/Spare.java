package org.briefing.files;

import java.util.function.Supplier;

/**
 * An array (or any scratch object) each thread keeps from one file it writes to the next: lent to
 * one file at a time, and given back when that file is done.
 *
 * <p>A 10,000-record build writes 84,000 files. Each had a 64 KiB stream buffer and 40 KiB of text
 * buffers of its own, zeroed and then dropped: more than a third of all the build allocated (JFR
 * allocation samples), and so of its young collections. A file opened while another is open on the
 * same thread gets new ones; whichever is given back last is kept.
 *
 * <p>Thread-safe: each thread has its own.
 */
final class Spare<T> {

  private final ThreadLocal<T> kept = new ThreadLocal<>();
  private final Supplier<T> make;

  Spare(Supplier<T> make) {
    this.make = make;
  }

  /** This thread's spare, now the caller's alone, or a new one when it is lent already. */
  T lend() {
    T spare = kept.get();
    if (spare == null) {
      return make.get();
    }
    kept.set(null);
    return spare;
  }

  /** Gives {@code spare} back to this thread; the caller must not touch it again. */
  void giveBack(T spare) {
    kept.set(spare);
  }
}
