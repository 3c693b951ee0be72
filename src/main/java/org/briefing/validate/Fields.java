package org.briefing.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.briefing.content.Position;
import org.briefing.content.Problem;
import org.briefing.content.Suggestions;
import org.briefing.content.YamlNode;

/**
 * Reading the keys of one YAML mapping against the keys it may have. Every accessor reports what is
 * wrong (missing, wrong shape, unknown key) to the shared problem list and returns empty, so a
 * validator can read a whole file and report all of it.
 */
final class Fields {

  private final YamlNode.Mapping mapping;
  private final String where;
  private final List<Problem> problems;

  private Fields(YamlNode.Mapping mapping, String where, List<Problem> problems) {
    this.mapping = mapping;
    this.where = where;
    this.problems = problems;
  }

  /**
   * Opens {@code node} as a mapping whose keys must be among {@code allowed}; {@code where} names
   * it in messages ("the record", "sources[2]"). Reports unknown keys at once.
   */
  static Optional<Fields> open(
      YamlNode node, String where, Set<String> allowed, List<Problem> problems) {
    if (!(node instanceof YamlNode.Mapping mapping)) {
      problems.add(
          Problem.at(
              node.position(),
              where
                  + " must be a set of `key: value` lines, not "
                  + node.kind()
                  + "; write each of its keys ("
                  + String.join(", ", allowed.stream().sorted().toList())
                  + ") on a line of its own, indented under it"));
      return Optional.empty();
    }
    Fields fields = new Fields(mapping, where, problems);
    mapping
        .keyPositions()
        .forEach(
            (key, at) -> {
              if (!allowed.contains(key)) {
                String hint =
                    Suggestions.closest(key, allowed)
                        .map(s -> "did you mean \"" + s + "\"?")
                        .orElse(
                            "allowed: " + String.join(", ", allowed.stream().sorted().toList()));
                problems.add(
                    Problem.at(at, "unknown key \"" + key + "\" in " + where + "; " + hint));
              }
            });
    return Optional.of(fields);
  }

  Position position() {
    return mapping.position();
  }

  Position positionOf(String key) {
    Position at = mapping.keyPositions().get(key);
    return at != null ? at : mapping.position();
  }

  boolean has(String key) {
    YamlNode value = mapping.entries().get(key);
    return value != null && !(value instanceof YamlNode.Scalar s && s.isNull());
  }

  Optional<YamlNode> node(String key) {
    return has(key) ? Optional.of(mapping.entries().get(key)) : Optional.empty();
  }

  /** A required single value; blank counts as missing. */
  Optional<YamlNode.Scalar> requiredScalar(String key, String hint) {
    if (!has(key)) {
      problems.add(
          Problem.at(positionOf(key), "missing \"" + key + "\" in " + where + "; " + hint));
      return Optional.empty();
    }
    Optional<YamlNode.Scalar> scalar = optionalScalar(key);
    if (scalar.isPresent() && scalar.get().text().isBlank()) {
      problems.add(
          Problem.at(
              scalar.get().position(), "\"" + key + "\" in " + where + " is blank; " + hint));
      return Optional.empty();
    }
    return scalar;
  }

  /** An optional single value: empty when absent, or (with a problem) when it is a list or map. */
  Optional<YamlNode.Scalar> optionalScalar(String key) {
    return node(key)
        .flatMap(
            value -> {
              if (value instanceof YamlNode.Scalar scalar) {
                return Optional.of(scalar);
              }
              problems.add(
                  Problem.at(
                      value.position(),
                      "\""
                          + key
                          + "\" in "
                          + where
                          + " must be a single value, not "
                          + value.kind()
                          + "; write one value after the colon,"
                          + " without [ ] or `- `"));
              return Optional.empty();
            });
  }

  /**
   * A list; a single value is accepted as a list of one, since editors often write {@code
   * countries: SY}. Absent gives an empty list.
   */
  List<YamlNode> list(String key) {
    Optional<YamlNode> value = node(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get() instanceof YamlNode.Sequence seq) {
      return seq.items();
    }
    if (value.get() instanceof YamlNode.Scalar) {
      return List.of(value.get());
    }
    problems.add(
        Problem.at(
            value.get().position(),
            "\"" + key + "\" in " + where + " must be a list, written [A, B] or as `- ` lines"));
    return List.of();
  }

  /** The scalars of a list, each reported when it is not a single value. */
  List<YamlNode.Scalar> scalarList(String key) {
    List<YamlNode.Scalar> out = new ArrayList<>();
    for (YamlNode item : list(key)) {
      if (item instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
        out.add(scalar);
      } else {
        problems.add(
            Problem.at(
                item.position(),
                "each entry of \"" + key + "\" in " + where + " must be a single value"));
      }
    }
    return out;
  }
}
