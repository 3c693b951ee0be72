package org.briefing.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Splits a language file into its YAML front matter and Markdown body. */
final class FrontMatter {

  private static final String FENCE = "---";

  /** The front matter's first line is the file's second. */
  static final int LINE_OFFSET = 1;

  private FrontMatter() {}

  static MarkdownFile split(Path file, String text, ParsedYaml yaml, List<Problem> problems) {
    if (!text.startsWith(FENCE + "\n")) {
      problems.add(
          new Problem(
              file,
              1,
              1,
              "must start with a front matter block: a line `---`,"
                  + " then `title:` and `summary:`, then another `---`"));
      return new MarkdownFile(file, Optional.empty(), text);
    }
    int start = FENCE.length() + 1;
    int end = findClosingFence(text, start);
    if (end < 0) {
      problems.add(
          new Problem(
              file,
              1,
              1,
              "the front matter is never closed; add a line `---`" + " after `summary:`"));
      return new MarkdownFile(file, Optional.empty(), "");
    }
    String yamlText = text.substring(start, end);
    int afterFence = text.indexOf('\n', end);
    String body = afterFence < 0 ? "" : text.substring(afterFence + 1);
    // The YAML's first line is the file's line 2.
    int before = problems.size();
    Optional<YamlNode> front = yaml.read(file, yamlText, LINE_OFFSET, problems);
    if (front.isEmpty() && problems.size() == before) {
      problems.add(
          new Problem(
              file,
              2,
              1,
              "the front matter is empty; write `title:` and"
                  + " `summary:` between the two `---` lines"));
    }
    return new MarkdownFile(file, front, body);
  }

  private static int findClosingFence(String text, int from) {
    int lineStart = from;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
      if (line.stripTrailing().equals(FENCE)) {
        return lineStart;
      }
      if (lineEnd < 0) {
        return -1;
      }
      lineStart = lineEnd + 1;
    }
    return -1;
  }
}
