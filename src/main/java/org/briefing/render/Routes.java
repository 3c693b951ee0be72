package org.briefing.render;

import org.briefing.archive.Archive;
import org.briefing.archive.DatePages;
import org.briefing.model.Actor;
import org.briefing.model.Country;
import org.briefing.model.Lang;
import org.briefing.model.Term;

/**
 * The public URLs of DESIGN §3, as paths from the site's root. They are a contract with readers:
 * links to them are shared and cited. Pages link with paths relative to themselves (see {@link
 * #rootOf}), so the site works from a sub-path and opened from disk; every link names {@code
 * index.html} because a browser opening files does not add it.
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

  public static String actors(Lang lang) {
    return lang.code() + "/actors/index.html";
  }

  public static String actor(Lang lang, Actor actor) {
    return lang.code() + "/actors/" + actor.id() + "/index.html";
  }

  /** The monthly briefs' index: every month with records, newest first. */
  public static String briefs(Lang lang) {
    return lang.code() + "/briefs/index.html";
  }

  /** The brief of one month, {@code month} written {@code 2025-04}. */
  public static String brief(Lang lang, String month) {
    return lang.code() + "/briefs/" + month + "/index.html";
  }

  /** The briefs' Atom feed: one entry per month. */
  public static String briefsFeed(Lang lang) {
    return lang.code() + "/briefs/feed.xml";
  }

  public static String engagement(Lang lang, String id) {
    return lang.code() + "/engagements/" + id + "/index.html";
  }

  /** The record's citation for reference managers, in BibTeX, beside its page. */
  public static String citeBib(Lang lang, String id) {
    return lang.code() + "/engagements/" + id + "/cite.bib";
  }

  /** The record's citation for reference managers, in RIS, beside its page. */
  public static String citeRis(Lang lang, String id) {
    return lang.code() + "/engagements/" + id + "/cite.ris";
  }

  /**
   * A page of a list paged by date: {@code overview} is the list's own page (the timeline's, a
   * country's, a pair's, a type's or an actor's {@code index.html}); its years continue in {@code
   * {yyyy}/index.html} and the months of a split year in {@code {yyyy}/{mm}/index.html}.
   */
  public static String period(String overview, DatePages.Period period) {
    String dir = overview.substring(0, overview.length() - "index.html".length());
    return dir
        + period.year()
        + "/"
        + (period.isYear() ? "" : (period.month() < 10 ? "0" : "") + period.month() + "/")
        + "index.html";
  }

  public static String stylesheet() {
    return "assets/site.css";
  }

  public static String search(Lang lang) {
    return lang.code() + "/search/index.html";
  }

  /** The manifest of the search index of {@code lang} (see {@code outputs.SearchIndex}). */
  public static String searchIndex(Lang lang) {
    return lang.code() + "/search/index.js";
  }

  /** Shard {@code k} of the search index's {@code terms} or result data ({@code records}). */
  public static String searchShard(Lang lang, String kind, int k) {
    return lang.code() + "/search/" + kind + "/" + k + ".js";
  }

  /**
   * The table by which search reads words, for the browser (see {@code outputs.SearchAnalysis}).
   */
  public static String searchAnalysis() {
    return "assets/search-analysis.js";
  }

  /** The search page's script. */
  public static String searchScript() {
    return "assets/search.js";
  }

  /** The Atom feed of every record in {@code lang}. */
  public static String feed(Lang lang) {
    return lang.code() + "/feed.xml";
  }

  /** The Atom feed of one country's records in {@code lang}. */
  public static String countryFeed(Lang lang, Country country) {
    return lang.code() + "/countries/" + country.slug() + "/feed.xml";
  }

  /**
   * The prefix that leads from the page at {@code path} back to the site's root: {@code ../../}.
   */
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
    String dir =
        path.endsWith("index.html")
            ? path.substring(0, path.length() - "index.html".length())
            : path;
    return baseUrl + dir;
  }
}
