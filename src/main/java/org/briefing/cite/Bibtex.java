package org.briefing.cite;

/**
 * A record's {@code cite.bib}: one {@code @misc} entry, as BibTeX and biblatex read it. Text fields
 * are escaped so that no title can end the field or the entry early or be read as a LaTeX command:
 * the ten characters LaTeX treats specially ({@code { } \ % & # _ $ ^ ~}) are written as the
 * commands that print them, and each brace written stays balanced. The month is BibTeX's macro
 * ({@code jan}) and appears only when the record's month is known; biblatex's {@code date} carries
 * the date at its own precision.
 */
public final class Bibtex {

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private Bibtex() {}

  /** The entry, ending with a line break. */
  public static String entry(Citation c) {
    StringBuilder out = new StringBuilder();
    out.append("@misc{").append(c.key()).append(",\n");
    field(out, "title", "{" + escape(c.title()) + "}");
    field(out, "publisher", escape(c.publisher()));
    field(out, "year", Integer.toString(c.date().year()));
    if (c.date().month() > 0) {
      out.append("  month = ").append(MONTHS[c.date().month() - 1]).append(",\n");
    }
    field(out, "date", c.date().toString());
    field(out, "url", c.url());
    field(out, "howpublished", "\\url{" + c.url() + "}");
    field(out, "language", c.languageName());
    field(out, "abstract", escape(c.summary()));
    out.setLength(out.length() - 2);
    out.append("\n}\n");
    return out.toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append("  ").append(name).append(" = {").append(value).append("},\n");
  }

  /** {@code text} on one line, with LaTeX's special characters written as literal characters. */
  public static String escape(String text) {
    String line = Citation.oneLine(text);
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{' -> out.append("\\textbraceleft{}");
        case '}' -> out.append("\\textbraceright{}");
        case '^' -> out.append("\\textasciicircum{}");
        case '~' -> out.append("\\textasciitilde{}");
        case '%', '&', '#', '_', '$' -> out.append('\\').append(ch);
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
