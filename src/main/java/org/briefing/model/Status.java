package org.briefing.model;

import java.util.Locale;
import java.util.Optional;

/** How well an engagement is established, from the kind of source that reports it. */
public enum Status {
  /** An official statement of one of the parties reports it. */
  CONFIRMED,
  /** Media or a think-tank report it, without an official statement. */
  REPORTED,
  /** A claim not yet backed by a reliable source. */
  UNVERIFIED;

  /** The word editors write in {@code status:}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Status> fromKey(String key) {
    for (Status status : values()) {
      if (status.key().equals(key)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
