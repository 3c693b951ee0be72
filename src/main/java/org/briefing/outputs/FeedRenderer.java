package org.briefing.outputs;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
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
  private static final String ATOM = "http://www.w3.org/2005/Atom";

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
    // Newest by update time first: a correction brings a record back to the top.
    List<Engagement> entries =
        newestFirst.stream()
            .sorted(
                Comparator.comparing(FeedRenderer::updated)
                    .reversed()
                    .thenComparing(Engagement::id))
            .limit(MAX_ENTRIES)
            .toList();
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("utf-8", "1.0");
      xml.writeCharacters("\n");
      xml.setDefaultNamespace(ATOM);
      xml.writeStartElement(ATOM, "feed");
      xml.writeDefaultNamespace(ATOM);
      xml.writeAttribute("xml:lang", lang.code());
      element(xml, "id", Routes.absolute(config.baseUrl(), path));
      element(xml, "title", title);
      if (!config.tagline().get(lang).isEmpty()) {
        element(xml, "subtitle", config.tagline().get(lang));
      }
      element(
          xml,
          "updated",
          entries.isEmpty() ? "1970-01-01T00:00:00Z" : timestamp(updated(entries.get(0))));
      link(xml, "self", Routes.absolute(config.baseUrl(), path), "application/atom+xml");
      link(xml, "alternate", Routes.absolute(config.baseUrl(), page), "text/html");
      xml.writeStartElement("author");
      element(xml, "name", config.title().get(lang));
      xml.writeEndElement();
      for (Engagement e : entries) {
        entry(xml, lang, e);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write " + path, e);
    }
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private void entry(XMLStreamWriter xml, Lang lang, Engagement e) throws XMLStreamException {
    Translation text = e.textFor(lang);
    String url = Routes.absolute(config.baseUrl(), Routes.engagement(text.lang(), e.id()));
    xml.writeStartElement("entry");
    xml.writeAttribute("xml:lang", text.lang().code());
    element(xml, "id", Routes.absolute(config.baseUrl(), Routes.engagement(lang, e.id())));
    element(xml, "title", text.title());
    element(xml, "published", timestamp(e.date()));
    element(xml, "updated", timestamp(updated(e)));
    link(xml, "alternate", url, "text/html");
    xml.writeEmptyElement("category");
    xml.writeAttribute("term", e.type().key());
    xml.writeAttribute("label", e.type().label().get(lang));
    for (Country c : e.countries()) {
      xml.writeEmptyElement("category");
      xml.writeAttribute("term", c.code());
      xml.writeAttribute("label", c.name().get(lang));
    }
    element(xml, "summary", text.summary());
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

  /** Atom needs a full timestamp: a partial date stands for its first day, at midnight UTC. */
  static String timestamp(PartialDate date) {
    return date.firstDay() + "T00:00:00Z";
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type)
      throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
