package org.briefing.cite;

import java.util.ArrayList;
import java.util.List;
import org.briefing.i18n.Localizer;
import org.briefing.model.Lang;

/**
 * The reference a reader copies from a record's page, written in the page's language with that
 * language's order and punctuation:
 *
 * <pre>
 * “Qatar and Syria sign a civil defence agreement.” Security Cooperation Briefing, 20 January 2025. Available at: https://…/
 * «قطر وسوريا توقّعان اتفاقية…»، موجز التعاون الأمني، 20 يناير/كانون الثاني 2025، متاح على: https://…/
 * </pre>
 *
 * The address is a part of its own, so the page isolates it (left to right inside Arabic text).
 */
public final class References {

  /**
   * A piece of the reference; {@code dir} is null for text that flows with the page, or {@code ltr}
   * for a piece the page must isolate (the address).
   */
  public record Part(String text, String dir) {}

  /** The reference as pieces to print in order; {@link #plain()} is its text. */
  public record Reference(List<Part> parts) {
    public String plain() {
      StringBuilder out = new StringBuilder();
      parts.forEach(p -> out.append(p.text()));
      return out.toString();
    }
  }

  private References() {}

  /** {@code c} as a reference in {@code l}'s language, with its digits and date forms. */
  public static Reference of(Citation c, Localizer l) {
    String title = l.text(Citation.oneLine(c.title()));
    String date = l.dates().format(c.date());
    String publisher = Citation.oneLine(c.publisher());
    List<Part> parts = new ArrayList<>();
    if (l.lang() == Lang.AR) {
      parts.add(
          new Part(
              "«" + title + "»، " + publisher + "، " + date + "، " + l.t("available_at") + " ",
              null));
      parts.add(new Part(c.url(), "ltr"));
    } else {
      boolean ends = title.endsWith(".") || title.endsWith("?") || title.endsWith("!");
      parts.add(
          new Part(
              "“"
                  + title
                  + (ends ? "" : ".")
                  + "” "
                  + publisher
                  + ", "
                  + date
                  + ". "
                  + l.t("available_at")
                  + " ",
              null));
      parts.add(new Part(c.url(), "ltr"));
    }
    return new Reference(List.copyOf(parts));
  }
}
