/**
 * {@code check --links}: finds every source address the records give ({@code url} and {@code
 * archive_url}, with where each is written) and asks each server whether it still answers, politely
 * (a few at a time, one request at a time per host). May depend on {@code content} only; the
 * command line prints what it finds.
 */
package org.briefing.links;
