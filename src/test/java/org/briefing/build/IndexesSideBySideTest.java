package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.briefing.files.PlannedFile;
import org.junit.jupiter.api.Test;

/**
 * The order files are made in: each language's first term shard to be written indexes that
 * language's records, so the first two are made side by side, one per core, whichever shards a
 * build writes.
 */
class IndexesSideBySideTest {

  private static List<PlannedFile> files(String... paths) {
    return Arrays.stream(paths).map(p -> new PlannedFile(p, out -> {})).toList();
  }

  private static List<String> order(List<PlannedFile> files) {
    return SiteRenderer.indexesSideBySide(files).stream().map(PlannedFile::path).toList();
  }

  @Test
  void aRebuildsFirstShardsOfBothLanguagesComeTogether() {
    // What adding one record writes: a few shards of each language, all of one language first.
    List<PlannedFile> planned =
        files(
            "data/engagements.json",
            "ar/engagements/new/index.html",
            "ar/search/terms/10.js",
            "ar/search/terms/12.js",
            "ar/search/terms/871.js",
            "en/search/terms/5.js",
            "en/search/terms/540.js",
            "sitemap.xml");
    assertEquals(
        List.of(
            "data/engagements.json",
            "ar/engagements/new/index.html",
            "ar/search/terms/10.js",
            "en/search/terms/5.js",
            "ar/search/terms/12.js",
            "ar/search/terms/871.js",
            "en/search/terms/540.js",
            "sitemap.xml"),
        order(planned));
  }

  @Test
  void aPlanThatAlreadyPairsThemIsLeftAsItIs() {
    List<String> paths =
        List.of(
            "ar/index.html",
            "ar/search/terms/0.js",
            "en/search/terms/0.js",
            "ar/search/terms/1.js",
            "en/search/terms/1.js",
            "robots.txt");
    assertEquals(paths, order(files(paths.toArray(String[]::new))));
  }

  @Test
  void shardsOfOneLanguageOnlyKeepTheirOrder() {
    List<String> paths =
        List.of("en/search/terms/7.js", "en/index.html", "en/search/terms/3.js", "sitemap.xml");
    assertEquals(paths, order(files(paths.toArray(String[]::new))));
  }
}
