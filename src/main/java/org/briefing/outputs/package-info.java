/**
 * What the site publishes beside its pages: Atom feeds, the sitemap and robots.txt, the data
 * exports and the search records. May depend on {@code render}, {@code files}, {@code i18n}, {@code
 * markdown}, {@code archive} and {@code model}; nothing below {@code build} depends on it.
 */
package org.briefing.outputs;
