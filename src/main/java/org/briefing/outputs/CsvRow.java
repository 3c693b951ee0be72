package org.briefing.outputs;

import java.util.List;

/**
 * One line of a CSV file that is safe to open in a spreadsheet program. RFC 4180 quoting, and the
 * neutralising OWASP recommends against formula injection (CWE-1236): a cell that a spreadsheet
 * would run as a formula, one that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return, is written with an apostrophe first and in quotes, so the program shows it as
 * text. The apostrophe is the only change; the JSON export keeps the text exactly as written for
 * whoever needs it byte for byte.
 */
public final class CsvRow {

  private CsvRow() {}

  /** Appends {@code fields} as one line, ended by CRLF. */
  public static void append(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendCell(out, fields.get(i));
    }
    out.append("\r\n");
  }

  private static void appendCell(StringBuilder out, String field) {
    boolean formula = looksLikeFormula(field);
    if (formula
        || field.indexOf(',') >= 0
        || field.indexOf('"') >= 0
        || field.indexOf('\n') >= 0
        || field.indexOf('\r') >= 0) {
      out.append('"');
      if (formula) {
        out.append('\'');
      }
      out.append(field.replace("\"", "\"\"")).append('"');
    } else {
      out.append(field);
    }
  }

  /**
   * Whether a spreadsheet could take {@code field} as a formula: it begins with one of OWASP's
   * characters, or with one after spaces, line breaks or invisible characters (some programs trim
   * those first), or with the full-width forms of {@code = + - @} that some input methods type.
   */
  static boolean looksLikeFormula(String field) {
    if (field.isEmpty()) {
      return false;
    }
    char first = field.charAt(0);
    if (first == '\t' || first == '\r') {
      return true;
    }
    int i = 0;
    while (i < field.length()) {
      int c = field.codePointAt(i);
      if (!Character.isWhitespace(c)
          && !Character.isSpaceChar(c)
          && Character.getType(c) != Character.FORMAT) {
        return "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(c) >= 0;
      }
      i += Character.charCount(c);
    }
    return false;
  }
}
