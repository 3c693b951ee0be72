/**
 * Record bodies from Markdown to HTML that is safe in a page, whoever wrote them, and to plain
 * text; bounded so that no body can make the build slow or deep. Depends on no other package of the
 * program; commonmark-java stays here.
 */
package org.briefing.markdown;
