/** What the build writes besides pages: feeds, sitemap, data exports, citations, search index. */
package org.briefing.outputs;
