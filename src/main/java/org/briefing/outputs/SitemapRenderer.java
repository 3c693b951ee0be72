package org.briefing.outputs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.briefing.model.Lang;
import org.briefing.render.OutputSink;
import org.briefing.render.PlannedFile;
import org.briefing.render.Routes;

/**
 * {@code sitemap.xml} with each page's counterpart in the other language as an
 * {@code xhtml:link} alternate (and the bilingual landing page as x-default), and the
 * {@code robots.txt} that names it. Built from the list of pages actually rendered, so it can
 * never list a page that does not exist.
 */
public final class SitemapRenderer {

  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  public static final String SITEMAP_PATH = "sitemap.xml";

  private final String baseUrl;

  public SitemapRenderer(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public List<PlannedFile> plan(List<String> pagePaths) {
    String robots = "User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + "sitemap.xml\n";
    return List.of(new PlannedFile(SITEMAP_PATH, out -> sitemap(pagePaths, out)),
        new PlannedFile("robots.txt",
            out -> out.write(robots.getBytes(StandardCharsets.UTF_8))));
  }

  private void sitemap(List<String> pagePaths, OutputStream stream) throws IOException {
    Set<String> pages = new TreeSet<>(pagePaths);
    Writer text = OutputSink.utf8(stream);
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("utf-8", "1.0");
      xml.writeCharacters("\n");
      xml.setDefaultNamespace(SITEMAP);
      xml.setPrefix("xhtml", XHTML);
      xml.writeStartElement(SITEMAP, "urlset");
      xml.writeDefaultNamespace(SITEMAP);
      xml.writeNamespace("xhtml", XHTML);
      for (String page : pages) {
        xml.writeStartElement(SITEMAP, "url");
        element(xml, "loc", Routes.absolute(baseUrl, page));
        Lang lang = langOf(page);
        if (lang != null) {
          String counterpart = lang.other().code() + page.substring(2);
          if (pages.contains(counterpart)) {
            for (Lang l : Lang.values()) {
              alternate(xml, l.code(), l == lang ? page : counterpart);
            }
            alternate(xml, "x-default", Routes.landing());
          }
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write the sitemap", e);
    }
    text.write('\n');
    text.flush();
  }

  private static Lang langOf(String page) {
    for (Lang lang : Lang.values()) {
      if (page.startsWith(lang.code() + "/")) {
        return lang;
      }
    }
    return null;
  }

  private void alternate(XMLStreamWriter xml, String hreflang, String page) throws XMLStreamException {
    xml.writeEmptyElement(XHTML, "link");
    xml.writeAttribute("rel", "alternate");
    xml.writeAttribute("hreflang", hreflang);
    xml.writeAttribute("href", Routes.absolute(baseUrl, page));
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(SITEMAP, name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }
}
