/**
 * How a record is cited: the facts of a citation ({@link org.briefing.cite.Citation}), the Highwire
 * meta tags reference managers read from a record's page, the reference a reader copies in the
 * page's language, and the BibTeX and RIS files. May depend on {@code model} and {@code i18n} only;
 * the page and file writers above it ({@code render}, {@code outputs}) use it, so a page and its
 * citation files never disagree.
 */
package org.briefing.cite;
