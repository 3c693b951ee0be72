package org.briefing.outputs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.briefing.archive.Archive;
import org.briefing.files.PlannedFile;
import org.briefing.i18n.DateFormatter;
import org.briefing.i18n.Strings;
import org.briefing.model.Correction;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;
import org.briefing.model.SiteConfig;
import org.briefing.model.Translation;
import org.briefing.render.Routes;

/**
 * Atom feeds (RFC 4287): one per language and one per country and language. Entry ids are the
 * record's permanent address in that language, so they never change between builds; {@code updated}
 * comes from the record's date or its latest correction, never from the clock, so an unchanged
 * record gives an unchanged entry.
 */
public final class FeedRenderer {

  static final int MAX_ENTRIES = 50;

  private final Archive archive;
  private final SiteConfig config;
  private final Strings strings;

  public FeedRenderer(Archive archive, Strings strings) {
    this.archive = archive;
    this.config = archive.site().config();
    this.strings = strings;
  }

  public List<PlannedFile> plan() {
    List<PlannedFile> out = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      out.add(
          new PlannedFile(
              Routes.feed(lang),
              file ->
                  file.write(
                      feed(
                          lang,
                          Routes.feed(lang),
                          Routes.home(lang),
                          config.title().get(lang),
                          archive.engagements()))));
      for (Country country : archive.activeCountries()) {
        out.add(
            new PlannedFile(
                Routes.countryFeed(lang, country),
                file ->
                    file.write(
                        feed(
                            lang,
                            Routes.countryFeed(lang, country),
                            Routes.country(lang, country),
                            config.title().get(lang) + " · " + country.name().get(lang),
                            archive.engagementsOf(country)))));
      }
    }
    return out;
  }

  private byte[] feed(
      Lang lang, String path, String page, String title, List<Engagement> newestFirst) {
    List<Engagement> entries = latest(newestFirst);
    AtomFeed.Head head =
        new AtomFeed.Head(
            lang,
            Routes.absolute(config.baseUrl(), path),
            title,
            config.tagline().get(lang),
            entries.isEmpty() ? new PartialDate(1970, 1, 1) : updated(entries.get(0)),
            Routes.absolute(config.baseUrl(), page),
            config.title().get(lang));
    return AtomFeed.write(
        head,
        xml -> {
          for (Engagement e : entries) {
            entry(xml, lang, e);
          }
        });
  }

  /**
   * The {@link #MAX_ENTRIES} records of {@code records} updated last, newest by update time first
   * (a correction brings a record back to the top), ties by id. They are picked in one pass that
   * keeps the best so far, each record's update time worked out once: a main feed of 10,000
   * records, sorted whole for its first 50, took a tenth of a second of a one-record rebuild.
   */
  static List<Engagement> latest(List<Engagement> records) {
    Comparator<Entry> feedOrder =
        Comparator.comparing(Entry::updated)
            .reversed()
            .thenComparing(entry -> entry.engagement().id());
    PriorityQueue<Entry> kept = new PriorityQueue<>(MAX_ENTRIES + 1, feedOrder.reversed());
    for (Engagement e : records) {
      Entry entry = new Entry(e, updated(e));
      if (kept.size() < MAX_ENTRIES) {
        kept.add(entry);
      } else if (feedOrder.compare(entry, kept.peek()) < 0) {
        kept.poll(); // the last of those kept so far comes after this one
        kept.add(entry);
      }
    }
    return kept.stream().sorted(feedOrder).map(Entry::engagement).toList();
  }

  /** A record with its update time. */
  private record Entry(Engagement engagement, PartialDate updated) {}

  private void entry(XMLStreamWriter xml, Lang lang, Engagement e) throws XMLStreamException {
    Translation text = e.textFor(lang);
    String url = Routes.absolute(config.baseUrl(), Routes.engagement(text.lang(), e.id()));
    xml.writeStartElement("entry");
    xml.writeAttribute("xml:lang", text.lang().code());
    AtomFeed.element(xml, "id", Routes.absolute(config.baseUrl(), Routes.engagement(lang, e.id())));
    AtomFeed.element(xml, "title", text.title());
    AtomFeed.element(xml, "published", AtomFeed.timestamp(e.date()));
    AtomFeed.element(xml, "updated", AtomFeed.timestamp(updated(e)));
    AtomFeed.link(xml, "alternate", url, "text/html");
    xml.writeEmptyElement("category");
    xml.writeAttribute("term", e.type().key());
    xml.writeAttribute("label", e.type().label().get(lang));
    for (Country c : e.countries()) {
      xml.writeEmptyElement("category");
      xml.writeAttribute("term", c.code());
      xml.writeAttribute("label", c.name().get(lang));
    }
    AtomFeed.element(xml, "summary", text.summary());
    if (!e.corrections().isEmpty()) {
      StringBuilder html = new StringBuilder("<p>").append(escape(text.summary())).append("</p>");
      html.append("<p>").append(escape(strings.get(lang, "corrections"))).append(":</p><ul>");
      DateFormatter dates = new DateFormatter(lang, config.arabicIndicDigits());
      for (Correction c : e.corrections()) {
        html.append("<li>")
            .append(escape(dates.format(c.date())))
            .append(": ")
            .append(escape(c.text().get(lang)))
            .append("</li>");
      }
      html.append("</ul>");
      xml.writeStartElement("content");
      xml.writeAttribute("type", "html");
      xml.writeCharacters(html.toString());
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** The record's date, or its latest correction's when that is later. */
  static PartialDate updated(Engagement e) {
    PartialDate latest = e.date();
    for (Correction c : e.corrections()) {
      if (c.date().compareTo(latest) > 0) {
        latest = c.date();
      }
    }
    return latest;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
