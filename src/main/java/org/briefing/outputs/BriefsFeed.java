package org.briefing.outputs;

import java.util.ArrayList;
import java.util.List;
import org.briefing.archive.Archive;
import org.briefing.archive.MonthlyBriefs;
import org.briefing.files.PlannedFile;
import org.briefing.i18n.DateFormatter;
import org.briefing.i18n.Strings;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;
import org.briefing.model.SiteConfig;
import org.briefing.render.Routes;

/**
 * The monthly briefs' Atom feeds, one per language: one entry for each of the {@link #MAX_MONTHS}
 * latest months with records, newest first, whose id is the brief's permanent address. {@code
 * published} is the month's first day and {@code updated} the latest date the month's records or
 * corrections give, never the clock, so an unchanged month gives an unchanged entry.
 */
public final class BriefsFeed {

  /**
   * The months a feed carries, the newest: readers poll a feed for what is new, and the briefs page
   * lists every month. All of them, each with its records' titles, made the feed of 10,000 records
   * 740 KB, written again whenever a record is added and fetched whole at every poll.
   */
  static final int MAX_MONTHS = 24;

  private final Archive archive;
  private final SiteConfig config;
  private final Strings strings;

  public BriefsFeed(Archive archive, Strings strings) {
    this.archive = archive;
    this.config = archive.site().config();
    this.strings = strings;
  }

  public List<PlannedFile> plan() {
    List<PlannedFile> out = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      out.add(new PlannedFile(Routes.briefsFeed(lang), file -> file.write(feed(lang))));
    }
    return out;
  }

  private byte[] feed(Lang lang) {
    List<MonthlyBriefs.Month> all = archive.briefs().months(); // newest first
    List<MonthlyBriefs.Month> months = all.subList(0, Math.min(MAX_MONTHS, all.size()));
    DateFormatter dates = new DateFormatter(lang, config.arabicIndicDigits());
    String path = Routes.briefsFeed(lang);
    PartialDate latest = new PartialDate(1970, 1, 1);
    for (MonthlyBriefs.Month m : months) {
      PartialDate u = updated(m);
      latest = u.compareTo(latest) > 0 ? u : latest;
    }
    AtomFeed.Head head =
        new AtomFeed.Head(
            lang,
            Routes.absolute(config.baseUrl(), path),
            strings.get(lang, "briefs") + " · " + config.title().get(lang),
            strings.get(lang, "briefs_intro"),
            latest,
            Routes.absolute(config.baseUrl(), Routes.briefs(lang)),
            config.title().get(lang));
    return AtomFeed.write(
        head,
        xml -> {
          for (MonthlyBriefs.Month m : months) {
            String url = Routes.absolute(config.baseUrl(), Routes.brief(lang, m.key()));
            String month = dates.monthHeading(m.month().getYear(), m.month().getMonthValue());
            xml.writeStartElement("entry");
            AtomFeed.element(xml, "id", url);
            AtomFeed.element(
                xml, "title", strings.get(lang, "brief_title").replace("{month}", month));
            AtomFeed.element(
                xml,
                "published",
                AtomFeed.timestamp(
                    new PartialDate(m.month().getYear(), m.month().getMonthValue(), 1)));
            AtomFeed.element(xml, "updated", AtomFeed.timestamp(updated(m)));
            AtomFeed.link(xml, "alternate", url, "text/html");
            AtomFeed.element(xml, "summary", summary(lang, m));
            xml.writeEndElement();
          }
        });
  }

  /** The month's count and the titles of its records, newest first, in this language. */
  private String summary(Lang lang, MonthlyBriefs.Month m) {
    org.briefing.i18n.Localizer l =
        new org.briefing.i18n.Localizer(lang, strings, config.arabicIndicDigits());
    StringBuilder s = new StringBuilder(l.count(m.engagements().size(), "engagements_count"));
    s.append(": ");
    List<String> titles = new ArrayList<>();
    for (Engagement e : m.engagements()) {
      titles.add(e.textFor(lang).title());
    }
    s.append(String.join(strings.get(lang, "list_separator"), titles));
    return s.toString();
  }

  /** The latest day the month's records or the corrections made in it give; at least its first. */
  static PartialDate updated(MonthlyBriefs.Month m) {
    PartialDate latest = new PartialDate(m.month().getYear(), m.month().getMonthValue(), 1);
    for (Engagement e : m.engagements()) {
      if (e.date().compareTo(latest) > 0) {
        latest = e.date();
      }
    }
    for (MonthlyBriefs.Corrected c : m.corrections()) {
      if (c.correction().date().compareTo(latest) > 0) {
        latest = c.correction().date();
      }
    }
    return latest;
  }
}
