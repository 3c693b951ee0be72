package org.briefing.outputs;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;

/**
 * An Atom feed (RFC 4287) as the site's feeds write it: the head every feed of the site shares,
 * then the entries its caller writes. Text goes through the XML writer, which escapes it, so a
 * title from content can never become markup in a feed reader.
 */
final class AtomFeed {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  /** The feed's own elements; {@code subtitle} may be empty (then none is written). */
  record Head(
      Lang lang,
      String id,
      String title,
      String subtitle,
      PartialDate updated,
      String alternate,
      String author) {}

  /** Writes the entries of one feed. */
  interface Entries {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private AtomFeed() {}

  /** The feed whose address (and id) is {@code head.id()}, in UTF-8, ending with a line break. */
  static byte[] write(Head head, Entries entries) {
    StringWriter text = new StringWriter();
    try {
      // The JDK's own writer, not one looked up on the classpath and in system properties: the
      // bytes do not depend on what else the program runs with, and the lookup, a scan of
      // the classpath for each feed, is skipped.
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("utf-8", "1.0");
      xml.writeCharacters("\n");
      xml.setDefaultNamespace(ATOM);
      xml.writeStartElement(ATOM, "feed");
      xml.writeDefaultNamespace(ATOM);
      xml.writeAttribute("xml:lang", head.lang().code());
      element(xml, "id", head.id());
      element(xml, "title", head.title());
      if (!head.subtitle().isEmpty()) {
        element(xml, "subtitle", head.subtitle());
      }
      element(xml, "updated", timestamp(head.updated()));
      link(xml, "self", head.id(), "application/atom+xml");
      link(xml, "alternate", head.alternate(), "text/html");
      xml.writeStartElement("author");
      element(xml, "name", head.author());
      xml.writeEndElement();
      entries.write(xml);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write the feed " + head.id(), e);
    }
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Atom needs a full timestamp: a partial date stands for its first day, at midnight UTC. */
  static String timestamp(PartialDate date) {
    return date.firstDay() + "T00:00:00Z";
  }

  static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  static void link(XMLStreamWriter xml, String rel, String href, String type)
      throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }
}
