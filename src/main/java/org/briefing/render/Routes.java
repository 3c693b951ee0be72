package org.briefing.render;

import org.briefing.model.Archive;
import org.briefing.model.Country;
import org.briefing.model.Lang;
import org.briefing.model.Term;

/**
 * The public URLs of DESIGN §3, as paths from the site's root. They are a contract with
 * readers: links to them are shared and cited. Pages link with paths relative to themselves
 * (see {@link #rootOf}), so the site works from a sub-path and opened from disk; every link
 * names {@code index.html} because a browser opening files does not add it.
 */
public final class Routes {

  private Routes() {}

  public static String landing() {
    return "index.html";
  }

  public static String home(Lang lang) {
    return lang.code() + "/index.html";
  }

  public static String timeline(Lang lang) {
    return lang.code() + "/timeline/index.html";
  }

  public static String countries(Lang lang) {
    return lang.code() + "/countries/index.html";
  }

  public static String country(Lang lang, Country country) {
    return lang.code() + "/countries/" + country.slug() + "/index.html";
  }

  public static String pair(Lang lang, Archive.Pair pair) {
    return lang.code() + "/pairs/" + pair.slug() + "/index.html";
  }

  public static String type(Lang lang, Term type) {
    return lang.code() + "/types/" + type.key() + "/index.html";
  }

  public static String engagement(Lang lang, String id) {
    return lang.code() + "/engagements/" + id + "/index.html";
  }

  public static String stylesheet() {
    return "assets/site.css";
  }

  public static String search(Lang lang) {
    return lang.code() + "/search/index.html";
  }

  /** The records the search page of {@code lang} searches (see {@code outputs.SearchIndex}). */
  public static String searchRecords(Lang lang) {
    return lang.code() + "/search/records.js";
  }

  /** The search page's script; lunr itself is {@link #searchEngine}. */
  public static String searchScript() {
    return "assets/search.js";
  }

  /** lunr, the search engine the search page's script runs, as its authors ship it. */
  public static String searchEngine() {
    return "assets/lunr.min.js";
  }

  /** The Atom feed of every record in {@code lang}. */
  public static String feed(Lang lang) {
    return lang.code() + "/feed.xml";
  }

  /** The Atom feed of one country's records in {@code lang}. */
  public static String countryFeed(Lang lang, Country country) {
    return lang.code() + "/countries/" + country.slug() + "/feed.xml";
  }

  public static String timelineFiltersScript() {
    return "assets/timeline-filters.js";
  }

  /** The prefix that leads from the page at {@code path} back to the site's root: {@code ../../}. */
  public static String rootOf(String path) {
    StringBuilder root = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        root.append("../");
      }
    }
    return root.toString();
  }

  /** The address readers share: the base URL and the page's directory, without index.html. */
  public static String absolute(String baseUrl, String path) {
    String dir = path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
    return baseUrl + dir;
  }
}
