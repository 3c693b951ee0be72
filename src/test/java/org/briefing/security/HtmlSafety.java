package org.briefing.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What "safe HTML" means in these tests, checked on a jsoup parse of the output, as a browser would
 * read it: no element that runs or embeds anything, no event-handler attribute, and no address
 * whose scheme is not http, https or mailto. Used on rendered Markdown (unit and fuzz tests) and on
 * whole built pages.
 */
final class HtmlSafety {

  /** Everything the Markdown renderer may produce; anything else is raw HTML getting through. */
  static final Set<String> BODY_ELEMENTS =
      Set.of(
          "p",
          "a",
          "img",
          "em",
          "strong",
          "code",
          "pre",
          "blockquote",
          "ul",
          "ol",
          "li",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr",
          "br",
          "table",
          "thead",
          "tbody",
          "tr",
          "th",
          "td",
          "section",
          "sup");

  static final Set<String> BODY_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "alt",
          "title",
          "rel",
          "class",
          "id",
          "start",
          "align",
          "data-footnotes",
          "data-footnote-ref",
          "data-footnote-backref",
          "data-footnote-backref-idx",
          "aria-label");

  private static final Set<String> EMBEDDING_ELEMENTS =
      Set.of("iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal");
  private static final Set<String> URL_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "action",
          "formaction",
          "poster",
          "background",
          "cite",
          "data",
          "codebase",
          "longdesc",
          "usemap",
          "xlink:href",
          "srcset",
          "ping",
          "manifest");

  private HtmlSafety() {}

  /** Problems with a fragment of body HTML; empty when it is safe. */
  static List<String> bodyProblems(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    List<String> problems = new ArrayList<>();
    for (Element el : doc.body().getAllElements()) {
      if (el == doc.body()) {
        continue;
      }
      if (!BODY_ELEMENTS.contains(el.normalName())) {
        problems.add("unexpected element <" + el.normalName() + ">");
      }
      for (Attribute attr : el.attributes()) {
        if (!BODY_ATTRIBUTES.contains(attr.getKey().toLowerCase(Locale.ROOT))) {
          problems.add("unexpected attribute " + attr.getKey() + " on <" + el.normalName() + ">");
        }
      }
      if (el.normalName().equals("img") && !isSameSite(el.attr("src"))) {
        problems.add("an image loads from another host: " + el.attr("src"));
      }
    }
    problems.addAll(activeProblems(doc));
    return problems;
  }

  /**
   * Problems with a whole page or a fragment: anything that runs or embeds (a script that is not a
   * same-site file, frames, objects, {@code <base>}, a refresh), event handlers, inline styles, and
   * addresses with a scheme other than http, https or mailto.
   */
  static List<String> activeProblems(Document doc) {
    List<String> problems = new ArrayList<>();
    for (Element el : doc.getAllElements()) {
      String name = el.normalName();
      if (name.equals("script")
          && !(el.hasAttr("src") && el.data().isBlank() && isSameSite(el.attr("src")))) {
        problems.add("inline or foreign script: " + el.outerHtml());
      }
      if (EMBEDDING_ELEMENTS.contains(name)) {
        problems.add("element <" + name + ">: " + el.outerHtml());
      }
      if (name.equals("meta") && el.attr("http-equiv").equalsIgnoreCase("refresh")) {
        problems.add("meta refresh: " + el.outerHtml());
      }
      for (Attribute attr : el.attributes()) {
        String key = attr.getKey().toLowerCase(Locale.ROOT);
        if (key.startsWith("on")) {
          problems.add("event handler " + key + " on <" + name + ">");
        }
        if (key.equals("style")) {
          problems.add("inline style on <" + name + ">");
        }
        if (URL_ATTRIBUTES.contains(key) && !isSafeAddress(attr.getValue())) {
          problems.add(
              "dangerous address " + key + "=\"" + attr.getValue() + "\" on <" + name + ">");
        }
      }
    }
    return problems;
  }

  /** http, https, mailto or relative, read the way a browser reads it. */
  static boolean isSafeAddress(String value) {
    String scheme = scheme(value);
    return scheme.isEmpty()
        || scheme.equals("http")
        || scheme.equals("https")
        || scheme.equals("mailto");
  }

  /** Relative and without a host: a request to this site only. */
  static boolean isSameSite(String value) {
    String u = strip(value).replace('\\', '/');
    return scheme(value).isEmpty() && !u.startsWith("//");
  }

  private static String scheme(String value) {
    String u = strip(value);
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c == ':') {
        return u.substring(0, i).toLowerCase(Locale.ROOT);
      }
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        return "";
      }
    }
    return "";
  }

  /** Without the characters browsers ignore in addresses (and then some). */
  private static String strip(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c > ' ' && c != '\u007f') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Depth of the deepest element under body. */
  static int depth(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    int deepest = 0;
    for (Element el : doc.body().getAllElements()) {
      deepest = Math.max(deepest, el.parents().size());
    }
    return deepest;
  }
}
