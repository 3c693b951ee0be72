/**
 * The pages: each page's view built from the archive, rendered through the Freemarker templates in
 * both languages, with the public URLs ({@link org.briefing.render.Routes}). May depend on {@code
 * graphics} (the charts and the map), {@code archive}, {@code model}, {@code content}, {@code
 * i18n}, {@code markdown} and {@code files}; Freemarker stays here.
 */
package org.briefing.render;
