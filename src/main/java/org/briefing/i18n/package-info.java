/**
 * Each language as readers expect it: the interface's words and plurals from {@code
 * templates/strings.yaml}, dates (Gregorian with Levantine months, Hijri) and digits. May depend on
 * {@code content} and {@code model}.
 */
package org.briefing.i18n;
