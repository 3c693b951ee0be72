/**
 * The local preview behind {@code serve}: builds the site into a private temporary folder, serves
 * it on 127.0.0.1, rebuilds when content or templates change, and makes open pages reload
 * themselves or show the new problems. Nothing here touches {@code site-output/}. May depend on
 * {@code build}, {@code content} and {@code i18n}; only {@code cli} depends on it.
 */
package org.briefing.serve;
