package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.briefing.archive.Archive;
import org.briefing.archive.DatePages;
import org.briefing.bench.CorpusGenerator;
import org.briefing.content.ContentLoader;
import org.briefing.model.Actor;
import org.briefing.model.Engagement;
import org.briefing.model.Site;
import org.briefing.validate.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When records are only added, a build takes the last build's footprint of every record but those
 * {@link AffectedFiles#footprintsChangedByAdding} names. Each case here removes some records from a
 * generated archive, and holds every other record's footprint without them equal to its footprint
 * with them: in an archive dense enough that adding records splits a year into months (more than
 * {@link Archive#PAGE_LIMIT} records), and where an added record is the first to name two actors
 * together.
 */
class FootprintsOfAddedRecordsTest {

  @TempDir static Path tmp;

  private static Site site;
  private static Archive after;

  @BeforeAll
  static void generatedArchive() throws IOException {
    Path content = tmp.resolve("content");
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    generator.writeContent(generator.records(1700), content); // about 65 records a year
    Validator.Result result =
        new Validator()
            .validate(new ContentLoader().load(content), new Validator.Options(false, false));
    assertTrue(result.ok(), result.problems().toString());
    site = result.site().orElseThrow();
    after = new Archive(site);
  }

  /** The archive before {@code added} were added. */
  private static Archive without(Set<String> added) {
    List<Engagement> rest =
        site.engagements().stream().filter(e -> !added.contains(e.id())).toList();
    return new Archive(
        new Site(
            site.config(), site.countries(), site.types(), site.topics(), site.actors(), rest));
  }

  /**
   * Holds the footprints the rule keeps to those made anew, and returns how many records'
   * footprints an addition changed, of those it names.
   */
  private static int assertKeptFootprintsHold(Set<String> added, String why) {
    Archive before = without(added);
    Set<String> again = AffectedFiles.footprintsChangedByAdding(after, added);
    assertTrue(again.containsAll(added), why + ": the added records' own footprints are made");
    int changed = 0;
    for (Engagement e : before.engagements()) {
      Set<String> was = AffectedFiles.footprint(before, e.id());
      Set<String> now = AffectedFiles.footprint(after, e.id());
      if (!again.contains(e.id())) {
        assertEquals(was, now, why + ": the footprint kept for " + e.id());
      } else if (!was.equals(now)) {
        changed++;
      }
    }
    return changed;
  }

  @Test
  void randomAdditionsLeaveTheFootprintsNotNamedAsTheyWere() {
    Random random = new Random(20261201L);
    List<Engagement> all = after.engagements();
    for (int round = 0; round < 10; round++) {
      Set<String> added = new HashSet<>();
      int n = 1 + random.nextInt(3);
      while (added.size() < n) {
        added.add(all.get(random.nextInt(all.size())).id());
      }
      int changed = assertKeptFootprintsHold(added, "round " + round + " " + added);
      assertTrue(changed > 0, "an addition changes its neighbours' footprints at least");
    }
    Set<String> newest = Set.of(all.get(0).id());
    assertKeptFootprintsHold(newest, "the newest record");
  }

  @Test
  void recordsThatSplitTheirYearIntoMonths() {
    DatePages timeline = after.timelinePages();
    DatePages.Period split =
        timeline.years().stream()
            .filter(DatePages.Period::split)
            .filter(year -> year.total() <= Archive.PAGE_LIMIT + 10)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no year just over the page limit"));
    List<Engagement> ofYear = new ArrayList<>();
    for (DatePages.Period p : timeline.periods()) {
      if (p.year() == split.year()) {
        ofYear.addAll(p.engagements());
      }
    }
    Set<String> added =
        ofYear.stream()
            .limit(split.total() - Archive.PAGE_LIMIT)
            .map(Engagement::id)
            .collect(Collectors.toSet());
    Archive before = without(added);
    assertFalse(
        before.timelinePages().find(split.year(), 0).orElseThrow().split(),
        "without them the year fits on one page");

    int changed = assertKeptFootprintsHold(added, "the year " + split.year() + " split");
    assertTrue(
        changed > ofYear.size() / 2,
        "the year's other records moved to month pages: " + changed + " of " + ofYear.size());
  }

  @Test
  void recordsThatAreTheFirstToNameTwoActorsTogether() {
    Engagement named =
        after.engagements().stream()
            .filter(e -> e.actors().size() >= 2)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no record names two actors"));
    Actor first = named.actors().get(0);
    Actor second = named.actors().get(1);
    Set<String> added =
        after.actors().engagementsOf(first).stream()
            .filter(e -> e.actors().contains(second))
            .map(Engagement::id)
            .collect(Collectors.toSet());
    Archive before = without(added);
    assertFalse(before.actors().actorsMet(first).contains(second), "they had not met before");
    assertTrue(after.actors().actorsMet(first).contains(second));

    assertKeptFootprintsHold(added, first.id() + " and " + second.id() + " meet");
    Engagement other =
        after.actors().engagementsOf(first).stream()
            .filter(e -> !added.contains(e.id()))
            .findFirst()
            .orElseThrow();
    assertNotEquals(
        AffectedFiles.footprint(before, other.id()),
        AffectedFiles.footprint(after, other.id()),
        "a record of " + first.id() + " now shows the page of the actor it met");
  }
}
