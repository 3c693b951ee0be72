package org.briefing.build;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.briefing.archive.Archive;
import org.briefing.archive.DatePages;
import org.briefing.archive.MonthlyBriefs;
import org.briefing.model.Actor;
import org.briefing.model.Correction;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.outputs.CitationFiles;
import org.briefing.outputs.DataExport;
import org.briefing.render.AliasPages;
import org.briefing.render.Routes;

/**
 * Which files of the site a change to some records touches: what the preview rewrites after an
 * edit, and what a build that reuses the last one renders again.
 */
public final class AffectedFiles {

  private AffectedFiles() {}

  /**
   * As {@link SiteRenderer#affectedBy}, for a build that kept only the {@link #footprint}s of the
   * records as they were, not their archive ({@code earlier}: one for each of {@code ids} that
   * existed). Records may also have been added or removed, or gained or lost a language: the site
   * may gain or lose those records' own pages (the sitemap is then rewritten too), but no other
   * page. {@code search} is which search files the change touches, when the caller knows (records
   * only added, say); without it, every search file is rendered again.
   */
  public static Optional<Set<String>> since(
      Collection<Set<String>> earlier,
      Set<String> beforeFiles,
      Archive after,
      Set<String> afterFiles,
      Set<String> ids,
      Optional<Set<String>> search) {
    Set<String> own = new HashSet<>();
    for (String id : ids) {
      for (Lang lang : Lang.values()) {
        own.addAll(ownFiles(lang, id));
      }
    }
    Set<String> files =
        new HashSet<>(
            List.of(Routes.landing(), DataExport.JSON, DataExport.CSV, CitationFiles.CSL));
    // One walk over the 84,000 paths of 10,000 records finds what was gained; the sizes then say
    // whether anything was lost, so the other walk is needed only when something was.
    Set<String> gainedOrLost = difference(afterFiles, beforeFiles);
    boolean lostSome = afterFiles.size() - gainedOrLost.size() != beforeFiles.size();
    boolean sameFiles = gainedOrLost.isEmpty() && !lostSome;
    if (lostSome) {
      gainedOrLost.addAll(difference(beforeFiles, afterFiles));
    }
    Set<String> lists = new HashSet<>();
    for (String path : gainedOrLost) {
      if (own.contains(path) || isSearchFile(path)) {
        continue; // rewritten below in any case
      }
      Optional<String> list = listOfPeriodPage(path);
      if (list.isEmpty()
          || !beforeFiles.contains(list.get() + "index.html")
          || !afterFiles.contains(list.get() + "index.html")) {
        return Optional.empty(); // a country, pair, type or actor gained or lost: everything
      }
      lists.add(list.get());
    }
    // A year or month gained or lost: the list's other pages link to their neighbours. One walk
    // over the site's paths finds them for every such list (a new year of a pair's list is one
    // in each language).
    if (!lists.isEmpty()) {
      for (String path : afterFiles) {
        for (String list : lists) {
          if (path.startsWith(list)) {
            files.add(path);
          }
        }
      }
    }
    for (Lang lang : Lang.values()) {
      files.addAll(
          List.of(
              Routes.home(lang),
              Routes.timeline(lang),
              Routes.countries(lang),
              Routes.actors(lang),
              Routes.feed(lang),
              Routes.search(lang), // its filters offer the years, types and statuses in use
              Routes.briefs(lang), // counts each month's records
              Routes.briefsFeed(lang)));
    }
    if (search.isPresent()) {
      files.addAll(search.get());
    } else { // any record can move any term shard, and the record shards follow timeline order
      afterFiles.stream().filter(AffectedFiles::isSearchFile).forEach(files::add);
    }
    if (!sameFiles) { // the sitemap, or its index and child sitemaps, list every page
      afterFiles.stream()
          .filter(f -> !f.contains("/") && f.startsWith("sitemap") && f.endsWith(".xml"))
          .forEach(files::add);
    }
    earlier.forEach(files::addAll);
    for (String id : ids) {
      files.addAll(footprint(after, id));
    }
    for (Engagement e : after.engagements()) {
      if (e.related().stream().anyMatch(ids::contains)) {
        for (Lang lang : Lang.values()) {
          files.add(Routes.engagement(lang, e.id()));
        }
      }
    }
    files.retainAll(afterFiles); // a neighbour's page in a language it has no text in, say
    return Optional.of(files);
  }

  /**
   * The files that show the record {@code id} of {@code archive} besides the lists every record is
   * in: its own pages, its neighbours' in time (their previous and next links), its countries'
   * pages and feeds, its pairs' and its type's pages (overviews and the pages of its period), its
   * actors' pages and those of the actors met in their records. Empty when there is no such record.
   * What it reads of other records, {@link #footprintsChangedByAdding} must know of too: a build
   * that only added records keeps the footprints that rule leaves out.
   */
  public static Set<String> footprint(Archive archive, String id) {
    Set<String> files = new HashSet<>();
    archive
        .find(id)
        .ifPresent(
            e -> {
              List<Engagement> shown = new ArrayList<>(List.of(e));
              files.addAll(
                  AliasPages.paths(e)); // its former addresses show its title and lead to it
              archive.previous(e).ifPresent(shown::add);
              archive.next(e).ifPresent(shown::add);
              for (Engagement each : shown) {
                for (Lang lang : Lang.values()) {
                  files.add(Routes.engagement(lang, each.id()));
                }
              }
              for (Lang lang : Lang.values()) {
                files.addAll(ownFiles(lang, id)); // its page and its citation files
              }
              for (Country c : e.countries()) {
                for (Lang lang : Lang.values()) {
                  files.add(Routes.country(lang, c));
                  files.add(Routes.countryFeed(lang, c));
                }
                for (Country other : e.countries()) {
                  archive
                      .pair(c, other)
                      .ifPresent(
                          pair -> {
                            for (Lang lang : Lang.values()) {
                              files.add(Routes.pair(lang, pair));
                            }
                          });
                }
              }
              for (Lang lang : Lang.values()) {
                periodPages(files, Routes.timeline(lang), archive.timelinePages(), e);
                periodPages(files, Routes.type(lang, e.type()), archive.pagesOf(e.type()), e);
                for (Country c : e.countries()) {
                  periodPages(files, Routes.country(lang, c), archive.pagesOf(c), e);
                  for (Country other : e.countries()) {
                    archive
                        .pair(c, other)
                        .ifPresent(
                            pair ->
                                periodPages(
                                    files, Routes.pair(lang, pair), archive.pagesOf(pair), e));
                  }
                }
                for (Actor actor : e.actors()) {
                  periodPages(files, Routes.actor(lang, actor), archive.pagesOf(actor), e);
                }
              }
              briefs(files, e);
              for (Lang lang : Lang.values()) {
                files.add(Routes.type(lang, e.type()));
                for (Actor actor : e.actors()) {
                  files.add(Routes.actor(lang, actor)); // its records, and the actors met there
                  for (Actor met : archive.actors().actorsMet(actor)) {
                    files.add(Routes.actor(lang, met));
                  }
                }
              }
            });
    return files;
  }

  /**
   * The records of {@code archive} whose {@link #footprint} may differ from the one the last build
   * kept, when the records {@code added} are all that changed since (none edited or removed; the
   * templates and shared files as they were). What a footprint reads of other records is: its
   * neighbours in time, which an added record may now be; how its year is paged in each of its
   * lists, which a record added to that year may split into months; and the actors met in its
   * actors' records, which an added record may add to. Every other record's footprint is as it was.
   * Keep in step with {@link #footprint}.
   */
  public static Set<String> footprintsChangedByAdding(Archive archive, Set<String> added) {
    Set<String> ids = new HashSet<>(added);
    for (String id : added) {
      Optional<Engagement> found = archive.find(id);
      if (found.isEmpty()) {
        continue; // a draft, not built: it shows nowhere
      }
      Engagement e = found.get();
      archive.previous(e).ifPresent(p -> ids.add(p.id()));
      archive.next(e).ifPresent(n -> ids.add(n.id()));
      sameYear(ids, archive.timelinePages(), e);
      sameYear(ids, archive.pagesOf(e.type()), e);
      for (Country c : e.countries()) {
        sameYear(ids, archive.pagesOf(c), e);
        for (Country other : e.countries()) {
          archive.pair(c, other).ifPresent(pair -> sameYear(ids, archive.pagesOf(pair), e));
        }
      }
      for (Actor actor : e.actors()) {
        sameYear(ids, archive.pagesOf(actor), e);
        if (metBefore(archive, actor, e.actors(), added)) {
          continue; // its actors met are as they were
        }
        archive.actors().engagementsOf(actor).forEach(x -> ids.add(x.id()));
      }
    }
    return ids;
  }

  /**
   * Adds the records of {@code pages} dated in {@code e}'s year, on its year's or months' pages.
   */
  private static void sameYear(Set<String> ids, DatePages pages, Engagement e) {
    for (DatePages.Period p : pages.periods()) {
      if (p.year() == e.date().year()) {
        p.engagements().forEach(x -> ids.add(x.id()));
      }
    }
  }

  /** Whether each of {@code actors} was named with {@code actor} in a record not {@code added}. */
  private static boolean metBefore(
      Archive archive, Actor actor, List<Actor> actors, Set<String> added) {
    Set<String> met = new HashSet<>();
    for (Engagement x : archive.actors().engagementsOf(actor)) {
      if (!added.contains(x.id())) {
        x.actors().forEach(a -> met.add(a.id()));
      }
    }
    return actors.stream().allMatch(a -> met.contains(a.id()));
  }

  /**
   * The pages of a list paged by date that show or count {@code e}: the page it is on and, when
   * that is a month's, its year's page, which counts the year's months.
   */
  private static void periodPages(
      Set<String> files, String overview, DatePages pages, Engagement e) {
    DatePages.Period p = pages.pageOf(e);
    files.add(Routes.period(overview, p));
    pages.find(p.year(), 0).ifPresent(year -> files.add(Routes.period(overview, year)));
  }

  /**
   * The folder of the list paged by date that {@code path} is a year's or a month's page of ({@code
   * ar/countries/sy/} for {@code ar/countries/sy/2024/index.html}, {@code ar/briefs/} for the brief
   * {@code ar/briefs/2024-05/index.html}), if it is one.
   */
  private static Optional<String> listOfPeriodPage(String path) {
    Matcher m = PERIOD_PAGE.matcher(path);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static final Pattern PERIOD_PAGE =
      Pattern.compile("(.+/)[0-9]{4}(?:/[0-9]{2}|-[0-9]{2})?/index\\.html");

  /** A file of a language's search index, all of which a change to any record rewrites. */
  private static boolean isSearchFile(String path) {
    for (Lang lang : Lang.values()) {
      String search = Routes.searchIndex(lang).replace("index.js", "");
      if (path.startsWith(search) && path.endsWith(".js")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The monthly briefs that show or count {@code e}: its month's, the next month's (which sets its
   * figures against this one), and those of the months its corrections were made in.
   */
  private static void briefs(Set<String> files, Engagement e) {
    List<YearMonth> months = new ArrayList<>();
    MonthlyBriefs.monthOf(e.date())
        .ifPresent(
            m -> {
              months.add(m);
              months.add(m.plusMonths(1));
            });
    for (Correction c : e.corrections()) {
      MonthlyBriefs.monthOf(c.date()).ifPresent(months::add);
    }
    for (YearMonth m : months) {
      for (Lang lang : Lang.values()) {
        files.add(Routes.brief(lang, MonthlyBriefs.key(m)));
      }
    }
  }

  /** The files of the record {@code id} in {@code lang}: its page and its citation files. */
  private static List<String> ownFiles(Lang lang, String id) {
    return List.of(Routes.engagement(lang, id), Routes.citeBib(lang, id), Routes.citeRis(lang, id));
  }

  /**
   * What {@code a} holds and {@code b} lacks, without copying the whole of {@code a} first. The
   * lookups are shared among the cores (the sets are only read meanwhile): at 10,000 records each
   * set holds 84,000 paths, and each lookup waits on memory more than it computes.
   */
  private static Set<String> difference(Set<String> a, Set<String> b) {
    return a.parallelStream()
        .filter(path -> !b.contains(path))
        .collect(Collectors.toCollection(HashSet::new));
  }
}
