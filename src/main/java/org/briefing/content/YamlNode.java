package org.briefing.content;

import java.util.List;
import java.util.Map;

/**
 * A YAML value exactly as the editor wrote it, with its position. Scalars stay text: the reader
 * never applies YAML's implicit typing, so {@code NO} is the two letters N and O, {@code 1.10} is
 * not a number and {@code 2025-01-20} is not a timestamp. Meaning is given later, by the validator
 * that knows what each field should hold.
 */
public sealed interface YamlNode {

  Position position();

  /**
   * A scalar's text as written. {@code isNull} is true only for a value left empty (or spelt {@code
   * ~} / {@code null}) without quotes: that is the one case YAML's typing is honoured, as "nothing
   * written here".
   */
  record Scalar(String text, boolean isNull, Position position) implements YamlNode {}

  record Sequence(List<YamlNode> items, Position position) implements YamlNode {}

  /**
   * A mapping in the order written; {@code keyPositions} tells where each key stands, so a problem
   * with a key (unknown, misspelt) points at the key rather than its value.
   */
  record Mapping(
      Map<String, YamlNode> entries, Map<String, Position> keyPositions, Position position)
      implements YamlNode {}

  default String kind() {
    if (this instanceof Scalar) {
      return "a single value";
    }
    return this instanceof Sequence ? "a list" : "a set of keys";
  }
}
