/**
 * The pages: each page's view built from the archive, rendered through the Freemarker
 * templates in both languages, with the public URLs ({@link org.briefing.render.Routes}) and the
 * planned files and sinks every writer of the site uses. May depend on {@code model},
 * {@code content}, {@code i18n} and {@code markdown}; Freemarker stays here.
 */
package org.briefing.render;
