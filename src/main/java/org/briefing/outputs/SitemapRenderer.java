package org.briefing.outputs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.briefing.files.OutputSink;
import org.briefing.files.PlannedFile;
import org.briefing.model.Lang;
import org.briefing.render.Routes;

/**
 * {@code sitemap.xml} with each page's counterpart in the other language as an {@code xhtml:link}
 * alternate (and the bilingual landing page as x-default), and the {@code robots.txt} that names
 * it. Built from the list of pages actually rendered, so it can never list a page that does not
 * exist. Past the sitemaps protocol's limits (50,000 URLs or 50 MB in one file), {@code
 * sitemap.xml} becomes a sitemap index over {@code sitemap-1.xml}, {@code sitemap-2.xml}, ... each
 * within the limits.
 */
public final class SitemapRenderer {

  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  public static final String SITEMAP_PATH = "sitemap.xml";

  /** The protocol's limits for one sitemap file. */
  public static final int MAX_URLS = 50_000;

  public static final long MAX_BYTES = 50L * 1000 * 1000;

  /** The XML declaration and the urlset element, counted against a sitemap's size limit. */
  private static final long FRAME_BYTES = 400;

  /** The file a folder's address stands for: left out of addresses, as {@link Routes} does. */
  private static final String INDEX = "index.html";

  private final String baseUrl;
  private final int maxUrls;
  private final long maxBytes;

  public SitemapRenderer(String baseUrl) {
    this(baseUrl, MAX_URLS, MAX_BYTES);
  }

  /** With other limits than the protocol's: for tests, which cannot build 50,000 pages. */
  public SitemapRenderer(String baseUrl, int maxUrls, long maxBytes) {
    this.baseUrl = baseUrl;
    this.maxUrls = maxUrls;
    this.maxBytes = maxBytes;
  }

  public List<PlannedFile> plan(List<String> pagePaths) {
    String robots = "User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + "sitemap.xml\n";
    List<PlannedFile> files = new ArrayList<>();
    // Pages that fit one sitemap are sorted only when it is written: a build that keeps the
    // sitemap as it is never sorts them.
    List<List<String>> parts = fitsOne(pagePaths) ? List.of() : parts(sortedOnce(pagePaths));
    if (parts.size() <= 1) {
      files.add(
          new PlannedFile(
              SITEMAP_PATH,
              out ->
                  sitemap(pagePaths, parts.isEmpty() ? sortedOnce(pagePaths) : parts.get(0), out)));
    } else {
      List<String> children = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        String name = "sitemap-" + (i + 1) + ".xml";
        List<String> part = parts.get(i);
        children.add(name);
        files.add(new PlannedFile(name, out -> sitemap(pagePaths, part, out)));
      }
      files.add(new PlannedFile(SITEMAP_PATH, out -> index(children, out)));
    }
    files.add(
        new PlannedFile("robots.txt", out -> out.write(robots.getBytes(StandardCharsets.UTF_8))));
    return List.copyOf(files);
  }

  /**
   * Whether the pages surely fit one sitemap: each counted as {@link #parts} counts it, with every
   * character of its path taken as three bytes of UTF-8 (the most one takes), so a yes here is a
   * yes there, without reading the paths. A page listed twice is counted twice.
   */
  private boolean fitsOne(List<String> pagePaths) {
    if (pagePaths.size() > maxUrls) {
      return false;
    }
    long bytes = FRAME_BYTES;
    int base = utf8Length(baseUrl, baseUrl.length());
    for (String page : pagePaths) {
      bytes += entryBytes(base, 3 * folderEnd(page));
    }
    return bytes <= maxBytes;
  }

  /**
   * A conservative size of a page's entry, its address's path taking {@code pathBytes} of UTF-8:
   * the address and its two alternates' (the site's address taking {@code base}), the markup.
   */
  private long entryBytes(int base, int pathBytes) {
    return 3L * (base + pathBytes) + baseUrl.length() + 260;
  }

  /**
   * The pages in order, each once. Sorted as an array rather than into a tree: at 10,000 records it
   * sorts 40,000 paths.
   */
  private static List<String> sortedOnce(List<String> pagePaths) {
    String[] sorted = pagePaths.toArray(String[]::new);
    Arrays.sort(sorted);
    List<String> once = new ArrayList<>(sorted.length);
    for (String page : sorted) {
      if (once.isEmpty() || !once.get(once.size() - 1).equals(page)) {
        once.add(page);
      }
    }
    return once;
  }

  /**
   * The pages, in order, cut into sitemaps within the limits: a conservative size of each entry
   * (its address and its two alternates' addresses, with the markup) is counted.
   */
  private List<List<String>> parts(List<String> sorted) {
    List<List<String>> parts = new ArrayList<>();
    List<String> part = new ArrayList<>();
    long bytes = 0;
    long frame = FRAME_BYTES;
    int base = utf8Length(baseUrl, baseUrl.length());
    for (String page : sorted) {
      long entry = entryBytes(base, utf8Length(page, folderEnd(page)));
      if (!part.isEmpty() && (part.size() >= maxUrls || frame + bytes + entry > maxBytes)) {
        parts.add(List.copyOf(part));
        part = new ArrayList<>();
        bytes = 0;
      }
      part.add(page);
      bytes += entry;
    }
    parts.add(List.copyOf(part));
    return parts;
  }

  /**
   * Where the address of {@code page} ends: a folder's {@code index.html} is left out, as {@link
   * Routes#absolute} leaves it.
   */
  private static int folderEnd(String page) {
    return page.endsWith(INDEX) ? page.length() - INDEX.length() : page.length();
  }

  /** The length in UTF-8 of the first {@code end} characters of {@code text}, as encoded. */
  static int utf8Length(String text, int end) {
    int bytes = 0;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (!Character.isSurrogate(c)) {
        bytes += 3;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 1; // a lone half is written as '?'
      }
    }
    return bytes;
  }

  private void index(List<String> children, OutputStream stream) throws IOException {
    Writer text = OutputSink.utf8(stream);
    try {
      // The JDK's own writer, as the feeds' (see AtomFeed.write).
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("utf-8", "1.0");
      xml.writeCharacters("\n");
      xml.setDefaultNamespace(SITEMAP);
      xml.writeStartElement(SITEMAP, "sitemapindex");
      xml.writeDefaultNamespace(SITEMAP);
      for (String child : children) {
        xml.writeStartElement(SITEMAP, "sitemap");
        element(xml, "loc", baseUrl + child);
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write the sitemap index", e);
    }
    text.write('\n');
    text.close(); // the sink closes the stream
  }

  /**
   * A sitemap of {@code part}; alternates are looked up among all {@code pagePaths}. Written as
   * text, piece by piece, not through an XML stream writer: at 10,000 records the sitemap holds
   * 120,000 addresses, and the writer, looking at each character on its own, took half a second of
   * a rebuild that adds one record. Addresses are escaped as that writer escapes them, so the bytes
   * are the same; the site's address is escaped once, each page's path as it is written.
   */
  private void sitemap(List<String> pagePaths, List<String> part, OutputStream stream)
      throws IOException {
    Set<String> pages = new HashSet<>(pagePaths); // only asked, never walked
    Writer text = OutputSink.utf8(stream);
    text.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    text.write("<urlset xmlns=\"" + SITEMAP + "\" xmlns:xhtml=\"" + XHTML + "\">");
    String landing = escaped(Routes.absolute(baseUrl, Routes.landing()), true);
    String loc = escaped(baseUrl, false);
    String href = escaped(baseUrl, true);
    for (String page : part) {
      text.write("<url><loc>");
      text.write(loc);
      writeEscaped(text, page, false);
      text.write("</loc>");
      Lang lang = langOf(page);
      if (lang != null) {
        String counterpart = lang.other().code() + page.substring(2);
        if (pages.contains(counterpart)) {
          for (Lang l : Lang.values()) {
            alternate(text, l.code());
            text.write(href);
            writeEscaped(text, l == lang ? page : counterpart, true);
            text.write("\"/>");
          }
          alternate(text, "x-default");
          text.write(landing);
          text.write("\"/>");
        }
      }
      text.write("</url>");
    }
    text.write("</urlset>\n");
    text.close(); // the sink closes the stream
  }

  /** The start of an alternate's element, up to its address. */
  private static void alternate(Writer text, String hreflang) throws IOException {
    text.write("<xhtml:link rel=\"alternate\" hreflang=\"");
    text.write(hreflang);
    text.write("\" href=\"");
  }

  /** The address of {@code page} after the site's: without a folder's {@code index.html}. */
  private static void writeEscaped(Writer text, String page, boolean attribute) throws IOException {
    writeEscaped(text, page, folderEnd(page), attribute);
  }

  /**
   * The first {@code end} characters of {@code text}, with the characters markup gives a meaning
   * escaped as the JDK's XML writer escapes them (quotes too in attributes): the runs between them
   * are written as they are, without a copy.
   */
  private static void writeEscaped(Writer out, String text, int end, boolean attribute)
      throws IOException {
    int from = 0;
    for (int i = 0; i < end; i++) {
      String entity = entity(text.charAt(i), attribute);
      if (entity != null) {
        out.write(text, from, i - from);
        out.write(entity);
        from = i + 1;
      }
    }
    out.write(text, from, end - from);
  }

  /** {@code text} escaped as {@link #writeEscaped} writes it: for the parts every entry shares. */
  static String escaped(String text, boolean attribute) {
    StringWriter out = new StringWriter(text.length() + 16);
    try {
      writeEscaped(out, text, text.length(), attribute);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** The entity that stands for {@code c}, or null when it stands for itself. */
  private static String entity(char c, boolean attribute) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> attribute ? "&quot;" : null;
      default -> null;
    };
  }

  private static Lang langOf(String page) {
    for (Lang lang : Lang.values()) {
      if (page.startsWith(lang.code() + "/")) {
        return lang;
      }
    }
    return null;
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(SITEMAP, name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }
}
