/**
 * The files a build plans and the sinks they stream into: what the page and output writers hand to
 * the publisher, and the pieces of a record that a reusing build copies over. Depends on nothing
 * else of the program.
 */
package org.briefing.files;
