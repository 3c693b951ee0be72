/** What the build writes beside the pages: feeds, sitemap, data exports, search records. */
package org.briefing.outputs;
