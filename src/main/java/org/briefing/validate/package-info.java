/**
 * Checks loaded content against every rule of the content contract, collecting all problems at
 * once, and turns it into the typed model. May depend on {@code content} and {@code model}.
 */
package org.briefing.validate;
