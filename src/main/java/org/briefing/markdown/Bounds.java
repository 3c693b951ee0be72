package org.briefing.markdown;

/**
 * Rewrites the few constructs that make commonmark-java slow or deeply recursive, before it parses
 * them, by escaping one character so the rest reads as text. Ordinary bodies are returned
 * unchanged: every rule only acts past a limit no real record comes near. Each rule counts
 * generously (it cannot see code blocks or containers), so it may act early on a pathological body,
 * never late.
 */
final class Bounds {

  // The limits, each explained where MarkdownRenderer publishes it.
  static final int MAX_MARKERS_PER_LINE = 32;
  static final int MAX_OPEN_BRACKETS = 32;
  static final int MAX_DELIMITER_RUN = 32;
  static final int MAX_DELIMITER_RUNS = 2_000;
  static final int MAX_BLOCK_LINES = 500;
  static final int MAX_TABLE_COLUMNS = 64;
  static final int MAX_TABLE_CELLS = 10_000;

  private int openBrackets; // unclosed `[` since the last blank line
  private int tableColumns; // > 0 while lines may be rows of a table that many cells wide
  private int tableCells; // cells of every table so far, padding included
  private boolean previousHadPipe;
  private int blockLines; // lines since the last blank one
  private int delimiterRuns; // runs of `*` or `_` since the last blank line
  private boolean tableEnded; // a blank line put before this line, to end a table past its budget
  private boolean pipe; // whether the last line capInlines read had a `|`

  private Bounds() {}

  static String apply(String source) {
    // CommonMark ends lines at CR too; one rule for all three line ends keeps lines aligned.
    String markdown =
        source.indexOf('\r') < 0 ? source : source.replace("\r\n", "\n").replace('\r', '\n');
    Bounds bounds = new Bounds();
    // Every body passes here before it is parsed, once per language and build, and almost none
    // is changed: the text is copied only from the first line that is, up to it from the source.
    StringBuilder out = null;
    int start = 0;
    while (start <= markdown.length()) {
      int end = markdown.indexOf('\n', start);
      if (end < 0) {
        end = markdown.length();
      }
      String line = markdown.substring(start, end);
      String bounded = bounds.line(line);
      if (out == null && bounded != line) {
        out = new StringBuilder(markdown.length() + 16).append(markdown, 0, start);
      }
      if (out != null) {
        out.append(bounded);
        if (end < markdown.length()) {
          out.append('\n');
        }
      }
      start = end + 1;
    }
    return out == null ? markdown : out.toString();
  }

  /** The line as it is to be parsed: {@code text} itself when no rule changes it. */
  private String line(String text) {
    String line = capMarkers(text);
    boolean breakBefore = false; // a blank line put before this one
    if (line.isBlank()) {
      openBrackets = 0;
      tableColumns = 0;
      blockLines = 0;
      delimiterRuns = 0;
    } else if (++blockLines > MAX_BLOCK_LINES && !startsWithLetter(line) && tableColumns == 0) {
      // With tables on, every line of a paragraph that does not start with a letter copies
      // the paragraph so far (commonmark-java asks whether it is a table's header): a long
      // run of such lines is quadratic, so a blank line breaks it. (Table rows are not
      // paragraph lines, and the table budget bounds them.)
      breakBefore = true;
      blockLines = 1;
      tableColumns = 0;
      openBrackets = 0;
      delimiterRuns = 0;
    }
    tableEnded = false;
    line = capTables(line);
    line = capInlines(line); // notes whether the line it was given had a pipe
    previousHadPipe = pipe;
    if (breakBefore || tableEnded) {
      return (breakBefore ? "\n" : "") + (tableEnded ? "\n" : "") + line;
    }
    return line;
  }

  /**
   * A delimiter row under a line with a pipe may start a table; every later line up to a blank one
   * may be a row (GFM tables take lazy lines without pipes too), and each row is padded to the
   * header's width, so a narrow row of a wide table costs the full width. A table too wide, or one
   * row past the budget, is cut: the delimiter row loses its meaning, or a blank line ends the
   * table before the row.
   */
  private String capTables(String line) {
    if (isDelimiterRow(line) && previousHadPipe) {
      int columns = count(line, '|') + 1;
      if (columns > MAX_TABLE_COLUMNS || tableCells + columns > MAX_TABLE_CELLS) {
        tableColumns = 0;
        return escapeFirst(line, "-:");
      }
      tableColumns = columns;
      tableCells += columns; // the header row
    } else if (tableColumns > 0 && !line.isBlank()) {
      tableCells += tableColumns;
      if (tableCells > MAX_TABLE_CELLS) {
        tableEnded = true;
        tableColumns = 0;
      }
    }
    return line;
  }

  /**
   * Each {@code ]} looks back over the text since its {@code [}, so unclosed brackets are capped; a
   * run of {@code *} or {@code _} nests emphasis as deep as it is long, and runs nest in each
   * other, so both the length of a run and the runs in a block are capped (thematic breaks such as
   * {@code ******} excepted). Past a cap, the character is escaped.
   */
  private String capInlines(String line) {
    boolean rule = isThematicBreak(line.strip(), 0);
    int run = 0;
    char runOf = 0;
    int slashes = 0; // backslashes just before `c`
    // Every body passes here before it is parsed, once per language and build: the characters are
    // read from an array, and copied only once one is escaped, which almost never happens.
    char[] chars = line.toCharArray();
    StringBuilder out = null;
    int copied = 0; // chars before this are in `out`
    boolean hasPipe = false;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c > '_' || c < '*') {
        // Letters of any script, spaces and most punctuation: none of `\ * _ [ ]`, so it only
        // ends a run of delimiters or of backslashes. Most characters are these.
        slashes = 0;
        runOf = 0;
        hasPipe |= c == '|';
        continue;
      }
      boolean literal = (slashes & 1) == 1;
      slashes = c == '\\' ? slashes + 1 : 0;
      boolean escape = false;
      if ((c == '*' || c == '_') && !literal && !rule) {
        run = c == runOf ? run + 1 : 1;
        runOf = c;
        delimiterRuns += run == 1 ? 1 : 0;
        escape = run > MAX_DELIMITER_RUN || delimiterRuns > MAX_DELIMITER_RUNS;
      } else {
        runOf = 0;
      }
      if (c == ']' && !literal) {
        openBrackets = Math.max(0, openBrackets - 1);
      } else if (c == '[' && !literal) {
        escape = openBrackets == MAX_OPEN_BRACKETS;
        openBrackets += escape ? 0 : 1;
      }
      if (escape) {
        if (out == null) {
          out = new StringBuilder(chars.length + 16);
        }
        out.append(chars, copied, i - copied).append('\\');
        copied = i;
      }
    }
    pipe = hasPipe;
    return out == null ? line : out.append(chars, copied, chars.length - copied).toString();
  }

  /**
   * Escapes the container marker after the first {@value #MAX_MARKERS_PER_LINE} at the start of a
   * line ({@code >}, {@code -}, {@code +}, {@code *}, {@code 1.}, {@code 1)}, {@code [^note]:}), so
   * the rest of the line is text.
   */
  static String capMarkers(String line) {
    int i = 0;
    int markers = 0;
    while (true) {
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      int next = markerEnd(line, i);
      if (next < 0) {
        return line;
      }
      if (markers == MAX_MARKERS_PER_LINE) {
        // escape the punctuation that makes it a marker: `\>`, `\-`, `1\.`, `\[^a]:`
        int at = Character.isDigit(line.charAt(i)) ? next - 1 : i;
        return line.substring(0, at) + "\\" + line.substring(at);
      }
      markers++;
      i = next;
    }
  }

  /** Where the container marker at {@code i} ends, or -1 when there is none. */
  private static int markerEnd(String line, int i) {
    if (i >= line.length()) {
      return -1;
    }
    char c = line.charAt(i);
    if (c == '>') {
      return i + 1;
    }
    if (c == '-' || c == '+' || c == '*') {
      if (isThematicBreak(line, i)) {
        return -1; // a leaf, not a list: nothing nests inside it
      }
      return followedBySpace(line, i + 1) ? i + 1 : -1;
    }
    if (c >= '0' && c <= '9') {
      int j = i;
      while (j < line.length() && j - i < 9 && line.charAt(j) >= '0' && line.charAt(j) <= '9') {
        j++;
      }
      if (j < line.length()
          && (line.charAt(j) == '.' || line.charAt(j) == ')')
          && followedBySpace(line, j + 1)) {
        return j + 1;
      }
      return -1;
    }
    if (line.startsWith("[^", i)) {
      for (int j = i + 2; j < line.length(); j++) {
        char d = line.charAt(j);
        if (d == ']') {
          return j + 1 < line.length() && line.charAt(j + 1) == ':' && j > i + 2 ? j + 2 : -1;
        }
        if (d == ' ' || d == '\t') {
          return -1;
        }
      }
    }
    return -1;
  }

  /** Indented less than a code block and starting with a letter, as prose does. */
  private static boolean startsWithLetter(String line) {
    int column = 0;
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      column += line.charAt(i) == '\t' ? 4 - column % 4 : 1;
      i++;
    }
    return column < 4 && i < line.length() && Character.isLetter(line.codePointAt(i));
  }

  private static boolean followedBySpace(String line, int i) {
    return i >= line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
  }

  private static boolean isThematicBreak(String line, int from) {
    if (from >= line.length()) {
      return false;
    }
    char mark = line.charAt(from);
    if (mark != '-' && mark != '*' && mark != '_') {
      return false;
    }
    int count = 0;
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == mark) {
        count++;
      } else if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return count >= 3;
  }

  /** Only pipes, dashes, colons and spaces, with at least one pipe and one dash. */
  private static boolean isDelimiterRow(String line) {
    String s = line.strip();
    int i = 0;
    while (i < s.length() && s.charAt(i) == '>') { // inside a block quote
      i++;
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
    }
    boolean pipe = false;
    boolean dash = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '|') {
        pipe = true;
      } else if (c == '-') {
        dash = true;
      } else if (c != ':' && c != ' ' && c != '\t') {
        return false;
      }
    }
    return pipe && dash;
  }

  private static String escapeFirst(String line, String chars) {
    for (int i = 0; i < line.length(); i++) {
      if (chars.indexOf(line.charAt(i)) >= 0) {
        return line.substring(0, i) + "\\" + line.substring(i);
      }
    }
    return line;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += s.charAt(i) == c ? 1 : 0;
    }
    return n;
  }
}
