/**
 * Writes a rendered site into a temporary folder and swaps it in whole, so a failed build never
 * leaves a half-written site. May depend on {@code files} (the planned files and sinks).
 */
package org.briefing.publish;
