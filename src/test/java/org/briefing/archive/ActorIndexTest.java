package org.briefing.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.briefing.archive.ActorIndex.Group;
import org.briefing.archive.ActorIndex.Shared;
import org.briefing.model.Actor;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.PartialDate;
import org.briefing.model.Site;
import org.briefing.model.SiteConfig;
import org.briefing.model.Source;
import org.briefing.model.Status;
import org.briefing.model.Term;
import org.briefing.model.Translation;
import org.junit.jupiter.api.Test;

/**
 * The actor pages' lists, from actors and records built by hand: each actor's records, who and
 * which countries appear with it most often, and the actors index grouped by country and kind in
 * each language's name order.
 */
class ActorIndexTest {

  private static final Country QA = new Country("QA", new Localized("Qatar", "قطر"));
  private static final Country SY = new Country("SY", new Localized("Syria", "سوريا"));
  private static final Country TR = new Country("TR", new Localized("Turkey", "تركيا"));
  private static final Term VISIT = new Term("visit", new Localized("Visit", "زيارة"));

  private static Actor actor(String id, Actor.Kind kind, Country country, String en, String ar) {
    return new Actor(id, kind, Optional.ofNullable(country), new Localized(en, ar), List.of());
  }

  private static final Actor MINISTER =
      actor("minister", Actor.Kind.PERSON, QA, "Minister", "الوزير");
  private static final Actor AMIR = actor("amir", Actor.Kind.PERSON, QA, "Amir", "ولي العهد");
  private static final Actor NAVY = actor("navy", Actor.Kind.INSTITUTION, QA, "Navy", "البحرية");
  private static final Actor ENVOY = actor("envoy", Actor.Kind.PERSON, null, "Envoy", "المبعوث");
  private static final Actor ZED = actor("zed", Actor.Kind.PERSON, SY, "Zed", "زيد");
  private static final Actor UNUSED = actor("unused", Actor.Kind.PERSON, QA, "Xavier", "خافيير");

  private static Engagement record(String id, String date, List<Country> cs, Actor... actors) {
    return new Engagement(
        id,
        PartialDate.parse(date),
        Optional.empty(),
        VISIT,
        cs,
        List.of(actors),
        List.of(),
        Status.CONFIRMED,
        List.of(new Source("P", "T", Optional.empty(), Optional.empty(), "en")),
        List.of(),
        List.of(),
        false,
        Map.of(Lang.EN, new Translation(Lang.EN, "T", "S", "B")));
  }

  private static ActorIndex index(List<Actor> actors, Engagement... oldestFirst) {
    return archive(actors, oldestFirst).actors();
  }

  private static Archive archive(List<Actor> actors, Engagement... oldestFirst) {
    SiteConfig config =
        new SiteConfig(
            "https://example.org/", new Localized("B", "ب"), new Localized("", ""), false);
    return new Archive(
        new Site(
            config, List.of(QA, SY, TR), List.of(VISIT), List.of(), actors, List.of(oldestFirst)));
  }

  /** Written in actors.yaml as: minister, navy, envoy, zed, unused, amir. */
  private static ActorIndex sample() {
    return index(
        List.of(MINISTER, NAVY, ENVOY, ZED, UNUSED, AMIR),
        record("r3", "2025-01", List.of(QA, TR), MINISTER, ENVOY),
        record("r2", "2025-02", List.of(QA), MINISTER, NAVY, ENVOY),
        record("r1", "2025-03", List.of(QA, SY), MINISTER, NAVY),
        record("r4", "2025-04", List.of(SY), ZED),
        record("r5", "2025-05", List.of(QA), AMIR));
  }

  private static <T> List<String> shared(
      List<Shared<T>> items, java.util.function.Function<T, String> name) {
    return items.stream().map(s -> name.apply(s.item()) + " " + s.count()).toList();
  }

  @Test
  void anActorsRecordsAndCompanyCannotBeChangedByThePagesThatShowThem() {
    ActorIndex index =
        index(
            List.of(MINISTER, ZED),
            record("2025-01-20-a", "2025-01-20", List.of(QA, SY), MINISTER, ZED));
    List<Engagement> records = index.engagementsOf(MINISTER);
    assertEquals(1, records.size());
    assertThrows(UnsupportedOperationException.class, () -> records.add(records.get(0)));
    Set<Actor> met = index.actorsMet(MINISTER);
    assertTrue(met.contains(ZED), "met: " + met);
    assertThrows(UnsupportedOperationException.class, () -> met.add(AMIR));
  }

  @Test
  void anActorHasItsRecordsNewestFirstAndOnlyNamedActorsAreListed() {
    ActorIndex index = sample();
    assertEquals(List.of(MINISTER, NAVY, ENVOY, ZED, UNUSED, AMIR), index.all());
    assertEquals(List.of(MINISTER, NAVY, ENVOY, ZED, AMIR), index.active());
    assertEquals(
        List.of("r1", "r2", "r3"),
        index.engagementsOf(MINISTER).stream().map(Engagement::id).toList());
    assertEquals(List.of(), index.engagementsOf(UNUSED));
    assertEquals(Optional.of(NAVY), index.find("navy"));
    assertEquals(Optional.empty(), index.find("nobody"));
  }

  @Test
  void theCountriesAndActorsSeenMostOftenWithAnActorComeFirst() {
    ActorIndex index = sample();
    assertEquals(
        List.of("QA 3", "SY 1", "TR 1"), shared(index.countriesWith(MINISTER), Country::code));
    assertEquals(List.of("envoy 2", "navy 2"), shared(index.actorsWith(MINISTER), Actor::id));
    assertEquals(List.of("minister 2", "navy 1"), shared(index.actorsWith(ENVOY), Actor::id));
    assertEquals(List.of(), index.actorsWith(ZED), "alone on its one record");
  }

  @Test
  void theActorsMetAreEveryoneNamedInAnActorsRecordsItselfIncludedNewestFirst() {
    ActorIndex index = sample();
    // r1 (newest of the minister's) names minister and navy; r2 adds envoy.
    assertEquals(List.of(MINISTER, NAVY, ENVOY), List.copyOf(index.actorsMet(MINISTER)));
    assertEquals(List.of(MINISTER, NAVY, ENVOY), List.copyOf(index.actorsMet(ENVOY)));
    assertEquals(List.of(ZED), List.copyOf(index.actorsMet(ZED)), "alone on its one record");
    assertEquals(List.of(), List.copyOf(index.actorsMet(UNUSED)), "named in no record");
  }

  @Test
  void atMostEightCountriesAndEightActorsAreShown() {
    List<Country> countries = new ArrayList<>();
    List<Actor> others = new ArrayList<>();
    for (char c = 'A'; c <= 'J'; c++) {
      countries.add(new Country("Q" + c, new Localized("Q" + c, "Q" + c)));
      others.add(actor("a" + c, Actor.Kind.PERSON, null, "A" + c, "A" + c));
    }
    List<Actor> named = new ArrayList<>(others);
    named.add(0, MINISTER);
    List<Actor> all = new ArrayList<>(named);
    ActorIndex index = index(all, record("r", "2025-01", countries, named.toArray(Actor[]::new)));
    assertEquals(
        List.of("QA 1", "QB 1", "QC 1", "QD 1", "QE 1", "QF 1", "QG 1", "QH 1"),
        shared(index.countriesWith(MINISTER), Country::code));
    assertEquals(
        List.of("aA 1", "aB 1", "aC 1", "aD 1", "aE 1", "aF 1", "aG 1", "aH 1"),
        shared(index.actorsWith(MINISTER), Actor::id));
  }

  private static List<String> groups(List<Group> groups) {
    return groups.stream()
        .map(
            g ->
                g.country().map(Country::code).orElse("none")
                    + " "
                    + g.kind().key()
                    + " "
                    + g.actors().stream().map(Actor::id).toList())
        .toList();
  }

  @Test
  void theActorsIndexGroupsByCountryNameThenInstitutionsBeforePeopleInEachLanguage() {
    ActorIndex index = sample();
    assertEquals(
        List.of(
            "QA institution [navy]",
            "QA person [amir, minister]",
            "SY person [zed]",
            "none person [envoy]"),
        groups(index.groups(Lang.EN)));
    // In Arabic Syria (سوريا) comes before Qatar (قطر), and "الوزير" before "ولي العهد"
    assertEquals(
        List.of(
            "SY person [zed]",
            "QA institution [navy]",
            "QA person [minister, amir]",
            "none person [envoy]"),
        groups(index.groups(Lang.AR)));
    assertTrue(index.groups(Lang.EN).stream().noneMatch(g -> g.actors().contains(UNUSED)));
  }

  @Test
  void theMostSharedCountryComesFirstAndEqualCountsGoByCode() {
    ActorIndex index =
        index(
            List.of(ENVOY),
            record("r1", "2025-01", List.of(QA), ENVOY),
            record("r2", "2025-02", List.of(QA, SY), ENVOY),
            record("r3", "2025-03", List.of(TR), ENVOY));
    // newest first the envoy's records name Turkey, then Qatar and Syria, then Qatar
    assertEquals(
        List.of("QA 2", "SY 1", "TR 1"), shared(index.countriesWith(ENVOY), Country::code));
  }

  @Test
  void anActorsAndAPairsRecordsHaveTheirOwnPages() {
    Engagement r1 = record("r1", "2025-03", List.of(QA, SY), MINISTER);
    Engagement r2 = record("r2", "2025-04", List.of(QA), MINISTER);
    Engagement r3 = record("r3", "2025-05", List.of(SY, QA), ZED);
    Archive archive = archive(List.of(MINISTER, ZED, UNUSED), r1, r2, r3);
    assertEquals(2, archive.pagesOf(MINISTER).size());
    assertEquals(1, archive.pagesOf(ZED).size());
    assertEquals(0, archive.pagesOf(UNUSED).size(), "no record, no pages");
    Archive.Pair pair = archive.pair(SY, QA).orElseThrow();
    assertEquals(2, archive.pagesOf(pair).size(), "the Qatar-Syria records, in either order");
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> archive.pagesOf(ZED).pageOf(record("r0", "2023-01", List.of(QA))));
    assertEquals("r0 is not in this list", e.getMessage());
  }
}
