/**
 * What is derived from the records: the {@link org.briefing.archive.Archive} (timeline, countries,
 * partners, pairs, types), the actors' index and the pages of a list cut by date. May depend on
 * {@code model} only.
 */
package org.briefing.archive;
