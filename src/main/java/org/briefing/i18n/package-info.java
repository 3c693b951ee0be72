/** The interface's words in each language: strings, dates, digits, plurals and name order. */
package org.briefing.i18n;
