package org.briefing.markdown;

import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Decides which addresses may appear, reading them as a browser does: ASCII tab and line breaks
 * anywhere are ignored, leading and trailing control characters and spaces are stripped, and {@code
 * \} counts as {@code /} (so {@code /\host} and {@code \\host} name another host, as {@code //host}
 * does).
 */
final class SafeUrls implements UrlSanitizer {
  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

  @Override
  public String sanitizeLinkUrl(String url) {
    return isSafe(url) ? url : "#";
  }

  @Override
  public String sanitizeImageUrl(String url) {
    // Images from elsewhere were turned into links already; this is the second line.
    return isRelative(url) ? url : "#";
  }

  /** http, https, mailto or a relative address. */
  static boolean isSafe(String url) {
    String scheme = scheme(url);
    return scheme.isEmpty()
        || scheme.equals("http")
        || scheme.equals("https")
        || scheme.equals("mailto");
  }

  /** An address on this site: no scheme, no host. */
  static boolean isRelative(String url) {
    return url != null && scheme(url).isEmpty() && !namesHost(url);
  }

  /** An address on another host, which gets {@code rel="noopener noreferrer"}. */
  static boolean isExternal(String url) {
    if (url == null) {
      return false;
    }
    String scheme = scheme(url);
    return scheme.equals("http") || scheme.equals("https") || (scheme.isEmpty() && namesHost(url));
  }

  /**
   * The lowercase scheme, "" for a relative address, or a string no rule allows when there is
   * something before a colon that is not a valid scheme ({@code %6Aavascript:}, {@code
   * \javascript:}): those are refused rather than guessed at.
   */
  private static String scheme(String url) {
    String u = withoutIgnored(url);
    int colon = u.indexOf(':');
    int boundary = firstOf(u, "/?#");
    if (colon < 0 || (boundary >= 0 && boundary < colon)) {
      return "";
    }
    String scheme = u.substring(0, colon).toLowerCase(Locale.ROOT);
    return SCHEME.matcher(scheme).matches() ? scheme : "\u0000invalid";
  }

  /** Starts with two slashes, reading backslashes as slashes as browsers do. */
  private static boolean namesHost(String url) {
    String u = withoutIgnored(url).replace('\\', '/');
    return u.startsWith("//");
  }

  /**
   * The address without what browsers ignore in it: they drop ASCII tab and line breaks anywhere
   * and control characters and spaces at the ends; this drops every control character, space and
   * DEL, which is stricter.
   */
  private static String withoutIgnored(String url) {
    StringBuilder cleaned = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c > ' ' && c != '\u007f') {
        cleaned.append(c);
      }
    }
    return cleaned.toString();
  }

  private static int firstOf(String s, String chars) {
    int best = -1;
    for (char c : chars.toCharArray()) {
      int i = s.indexOf(c);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }
}
