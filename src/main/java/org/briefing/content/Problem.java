package org.briefing.content;

import java.nio.file.Path;

/**
 * One thing wrong with the content, reported to the editor as a single compiler-style line. A
 * problem never stops the reading of the rest: every stage collects them and the build reports them
 * all at once.
 *
 * @param file the file the problem is in, as the editor would type its path
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong and how to fix it
 */
public record Problem(Path file, int line, int column, String message) {

  public static Problem at(Position position, String message) {
    return new Problem(position.file(), position.line(), position.column(), message);
  }

  public static Problem inFile(Path file, String message) {
    return new Problem(file, 0, 0, message);
  }

  /** {@code content/x/engagement.yaml:4:12: message}, the form editors' tools recognise. */
  public String format() {
    return where().append(": ").append(message).toString();
  }

  /**
   * {@code content/x/engagement.yaml:4:12: warning: message}: the same with a severity, for what is
   * reported without stopping anything ({@code warning}), or as an error only on request.
   */
  public String format(String severity) {
    return where().append(": ").append(severity).append(": ").append(message).toString();
  }

  private StringBuilder where() {
    StringBuilder out = new StringBuilder(displayPath());
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out;
  }

  /** GitHub Actions' workflow command, so the problem is annotated on the pull request. */
  public String formatForGitHub() {
    return formatForGitHub("error");
  }

  /**
   * As {@link #formatForGitHub()}, with GitHub's {@code command}: {@code error} or {@code warning}.
   */
  public String formatForGitHub(String command) {
    StringBuilder out =
        new StringBuilder("::")
            .append(command)
            .append(" file=")
            .append(escapeProperty(displayPath()));
    if (line > 0) {
      out.append(",line=").append(line);
      if (column > 0) {
        out.append(",col=").append(column);
      }
    }
    return out.append("::").append(escapeData(message)).toString();
  }

  private String displayPath() {
    return file.toString().replace('\\', '/');
  }

  // GitHub's workflow-command escaping: data loses %, CR and LF; properties also : and ,
  private static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
