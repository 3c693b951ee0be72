package org.briefing.model;

import java.util.List;
import java.util.Optional;

/**
 * A person or institution that records name, written once in {@code actors.yaml} and linked from
 * every record that involves it.
 *
 * @param id the key in actors.yaml, also the actor page's URL slug
 * @param country the state the actor belongs to, when it belongs to one (the Coalition does not)
 * @param roles newest first, as written
 */
public record Actor(
    String id, Kind kind, Optional<Country> country, Localized name, List<Role> roles) {

  /** What an actor is; {@code key} is the word editors write. */
  public enum Kind {
    PERSON("person"),
    INSTITUTION("institution");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Optional<Kind> fromKey(String key) {
      for (Kind kind : values()) {
        if (kind.key.equals(key)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** A post the actor held, such as a minister's, from and to when known. */
  public record Role(Optional<PartialDate> from, Optional<PartialDate> to, Localized title) {}
}
