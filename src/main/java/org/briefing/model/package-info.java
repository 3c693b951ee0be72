/**
 * The typed site model: records, countries, terms, partial dates and the {@link
 * org.briefing.model.Archive} that derives timeline, countries, pairs and types from them.
 * Depends on nothing else of the program.
 */
package org.briefing.model;
