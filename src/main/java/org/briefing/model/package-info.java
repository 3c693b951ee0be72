/**
 * The typed site model: records, countries, actors, terms, publishers and partial dates, as
 * validation makes them. Depends on nothing else of the program.
 */
package org.briefing.model;
