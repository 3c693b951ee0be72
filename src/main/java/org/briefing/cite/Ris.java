package org.briefing.cite;

import org.briefing.model.PartialDate;

/**
 * A record's {@code cite.ris}: one RIS record ({@code TY - WEB} … {@code ER - }), as Zotero,
 * EndNote and Mendeley import it. Each line is a two-letter tag, two spaces, a hyphen and a space,
 * then the value, ending with CR LF as the format asks. A value is always one line (line breaks in
 * a title become spaces), so no text can start a tag of its own. Dates are {@code YYYY/MM/DD/},
 * with the unknown parts left empty ({@code 2025/04//}).
 */
public final class Ris {

  private static final String END = "\r\n";

  private Ris() {}

  public static String record(Citation c) {
    StringBuilder out = new StringBuilder();
    line(out, "TY", "WEB");
    line(out, "ID", c.key());
    line(out, "TI", c.title());
    line(out, "AB", c.summary());
    line(out, "PB", c.publisher());
    line(out, "PY", Integer.toString(c.date().year()));
    line(out, "DA", risDate(c));
    line(out, "LA", c.lang().code());
    line(out, "UR", c.url());
    out.append("ER  - ").append(END);
    return out.toString();
  }

  private static String risDate(Citation c) {
    int month = c.date().month();
    int day = c.date().day();
    return c.date().year()
        + "/"
        + (month > 0 ? PartialDate.twoDigits(month) : "")
        + "/"
        + (day > 0 ? PartialDate.twoDigits(day) : "")
        + "/";
  }

  private static void line(StringBuilder out, String tag, String value) {
    out.append(tag).append("  - ").append(Citation.oneLine(value)).append(END);
  }
}
