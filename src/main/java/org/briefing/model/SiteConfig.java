package org.briefing.model;

/**
 * The settings of {@code site.yaml}.
 *
 * @param baseUrl the published address, ending in {@code /}; used only for absolute links
 * @param arabicIndicDigits whether Arabic pages write numbers with ٠١٢٣٤٥٦٧٨٩
 */
public record SiteConfig(
    String baseUrl, Localized title, Localized tagline, boolean arabicIndicDigits) {

  public SiteConfig withBaseUrl(String url) {
    return new SiteConfig(url, title, tagline, arabicIndicDigits);
  }
}
