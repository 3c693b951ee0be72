package org.briefing.archive;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The ways readers browse the archive: the timeline, a country's partners, the pair pages and the
 * previous/next links. Each test builds a small site by hand and checks what a reader of the
 * corresponding page would see.
 */
class ArchiveTest {

  private static final Country FR = country("FR", "France", "فرنسا");
  private static final Country QA = country("QA", "Qatar", "قطر");
  private static final Country SO = country("SO", "Somalia", "الصومال");
  private static final Country SY = country("SY", "Syria", "سوريا");
  private static final Country TR = country("TR", "Turkey", "تركيا");
  private static final Country US = country("US", "United States", "الولايات المتحدة");

  private static final Term AGREEMENT =
      new Term("agreement", new Localized("Agreement", "اتفاقية"));
  private static final Term VISIT = new Term("visit", new Localized("Visit", "زيارة"));

  @Test
  void aCountrysRecordsCannotBeChangedByThePagesThatShowThem() {
    // Pages of both languages render in parallel from the one archive.
    Archive archive = archiveOf(record("2025-01-20-agreement", "2025-01-20", QA, SY));
    List<Engagement> ofQatar = archive.engagementsOf(QA);
    assertEquals(List.of("2025-01-20-agreement"), ids(ofQatar));
    assertThrows(UnsupportedOperationException.class, () -> ofQatar.add(ofQatar.get(0)));
  }

  @Nested
  class Timeline {

    @Test
    void groupsByYearThenMonthNewestFirst() {
      Archive archive =
          archiveOf(
              record("2024-12-qatar-embassy", "2024-12", QA, SY),
              record("2025-01-20-agreement", "2025-01-20", QA, SY),
              record("2025-04-17-visit", "2025-04-17", QA, SY),
              record("2025-01-30-emir-visit", "2025-01-30", QA, SY));

      List<Archive.YearGroup> timeline = archive.timeline();

      assertEquals(List.of(2025, 2024), timeline.stream().map(Archive.YearGroup::year).toList());
      Archive.YearGroup y2025 = timeline.get(0);
      assertEquals(List.of(4, 1), months(y2025));
      assertEquals(
          List.of("2025-01-30-emir-visit", "2025-01-20-agreement"),
          ids(y2025.months().get(1).engagements()));
      assertEquals(3, y2025.size());
      assertEquals(List.of(12), months(timeline.get(1)));
    }

    @Test
    void recordsKnownOnlyToTheYearFormAMonthZeroGroupAtTheEndOfTheirYear() {
      Archive archive =
          archiveOf(
              record("2025-syria-turkey-call", "2025", SY, TR),
              record("2025-10-18-operation", "2025-10-18", SY, US),
              record("2025-01-20-agreement", "2025-01-20", QA, SY),
              record("2024-paris-olympics", "2024", FR, QA),
              record("2024-12-embassy", "2024-12", QA, SY));

      List<Archive.YearGroup> timeline = archive.timeline();

      assertEquals(List.of(10, 1, 0), months(timeline.get(0)));
      assertEquals(
          List.of("2025-syria-turkey-call"), ids(timeline.get(0).months().get(2).engagements()));
      assertEquals(List.of(12, 0), months(timeline.get(1)));
      assertEquals(
          List.of("2024-paris-olympics"), ids(timeline.get(1).months().get(1).engagements()));
    }

    @Test
    void mixedPrecisionsInOneMonthListTheDayBeforeTheMonthOnlyRecord() {
      Archive archive =
          archiveOf(
              record("2025-04-syria-minister-receives-delegation", "2025-04", QA, SY),
              record("2025-al-sharaa-doha", "2025", QA, SY),
              record("2025-04-17-al-sharaa-first-visit-doha", "2025-04-17", QA, SY));

      assertEquals(
          List.of(
              "2025-04-17-al-sharaa-first-visit-doha",
              "2025-04-syria-minister-receives-delegation",
              "2025-al-sharaa-doha"),
          ids(archive.engagements()));
      List<Archive.MonthGroup> months = archive.timeline().get(0).months();
      assertEquals(List.of(4, 0), months.stream().map(Archive.MonthGroup::month).toList());
      assertEquals(
          List.of(
              "2025-04-17-al-sharaa-first-visit-doha",
              "2025-04-syria-minister-receives-delegation"),
          ids(months.get(0).engagements()));
    }

    @Test
    void recordsOnTheSameDateAreOrderedByIdSoEveryBuildIsTheSame() {
      Archive archive =
          archiveOf(
              record("2025-01-20-b", "2025-01-20", QA, SY),
              record("2025-01-20-a", "2025-01-20", QA, SY),
              record("2025-01-20-c", "2025-01-20", QA, SY));

      assertEquals(
          List.of("2025-01-20-c", "2025-01-20-b", "2025-01-20-a"), ids(archive.engagements()));
    }
  }

  @Nested
  class Partners {

    @Test
    void aCountrysPartnersAreCountedMostSharedFirstAndTiesByCode() {
      Archive archive =
          archiveOf(
              record("2025-01-01-a", "2025-01-01", QA, SY),
              record("2025-01-02-b", "2025-01-02", SY, QA),
              record("2025-01-03-c", "2025-01-03", QA, SY, TR),
              record("2025-01-04-d", "2025-01-04", QA, TR),
              record("2025-01-05-e", "2025-01-05", SO, QA),
              record("2025-01-06-f", "2025-01-06", FR, QA),
              record("2025-01-07-g", "2025-01-07", SY, US));

      List<Archive.Partner> partners = archive.partnersOf(QA);

      assertEquals(
          List.of(
              new Archive.Partner(SY, 3),
              new Archive.Partner(TR, 2),
              new Archive.Partner(FR, 1),
              new Archive.Partner(SO, 1)),
          partners);
    }

    @Test
    void aCountryIsNeverItsOwnPartnerAndPartnersOfPartnersAreNotIncluded() {
      Archive archive =
          archiveOf(
              record("2025-01-01-a", "2025-01-01", QA, SY),
              record("2025-01-07-b", "2025-01-07", SY, US));

      assertEquals(List.of(new Archive.Partner(SY, 1)), archive.partnersOf(QA));
    }

    @Test
    void aCountrysPageListsItsOwnRecordsNewestFirst() {
      Archive archive =
          archiveOf(
              record("2025-01-01-a", "2025-01-01", QA, SY),
              record("2025-03-01-b", "2025-03-01", SY, US),
              record("2025-02-01-c", "2025-02-01", QA, TR),
              record("2025-04-01-d", "2025-04-01", QA, SY));

      assertEquals(
          List.of("2025-04-01-d", "2025-02-01-c", "2025-01-01-a"), ids(archive.engagementsOf(QA)));
      assertEquals(List.of(), archive.engagementsOf(FR));
    }

    @Test
    void onlyCountriesWithRecordsAreActiveInCodeOrder() {
      Archive archive =
          archiveOf(
              record("2025-01-01-a", "2025-01-01", SY, US),
              record("2025-02-01-b", "2025-02-01", QA, SY));

      assertEquals(List.of(QA, SY, US), archive.activeCountries());
    }
  }

  @Nested
  class Pairs {

    @Test
    void aPairIsNamedByItsCodesInAlphabeticalOrderWhateverOrderTheRecordGives() {
      Archive archive = archiveOf(record("2025-01-01-a", "2025-01-01", SY, QA));

      List<Archive.Pair> pairs = archive.pairs();

      assertEquals(1, pairs.size());
      assertAll(
          () -> assertEquals("qa-sy", pairs.get(0).slug()),
          () -> assertEquals(QA, pairs.get(0).first()),
          () -> assertEquals(SY, pairs.get(0).second()));
    }

    @Test
    void aThreeCountryRecordMakesThreePairs() {
      Archive archive = archiveOf(record("2025-01-03-c", "2025-01-03", TR, QA, SY));

      assertEquals(
          List.of("qa-sy", "qa-tr", "sy-tr"),
          archive.pairs().stream().map(Archive.Pair::slug).toList());
      for (Archive.Pair pair : archive.pairs()) {
        assertEquals(List.of("2025-01-03-c"), ids(pair.engagements()), pair.slug());
      }
    }

    @Test
    void aPairPageListsEveryRecordTheTwoShareNewestFirst() {
      Archive archive =
          archiveOf(
              record("2025-01-01-a", "2025-01-01", QA, SY),
              record("2025-03-01-b", "2025-03-01", QA, SY, TR),
              record("2025-02-01-c", "2025-02-01", QA, TR),
              record("2025-04-01-d", "2025-04-01", SY, US));

      Optional<Archive.Pair> qaSy = archive.pair(SY, QA);

      assertTrue(qaSy.isPresent());
      assertEquals(List.of("2025-03-01-b", "2025-01-01-a"), ids(qaSy.get().engagements()));
      assertEquals(qaSy, archive.pair(QA, SY));
      assertEquals(Optional.empty(), archive.pair(FR, US));
    }

    @Test
    void pairsAreListedByTheirSlug() {
      Archive archive =
          archiveOf(
              record("2025-04-01-d", "2025-04-01", SY, US),
              record("2025-02-01-c", "2025-02-01", QA, TR),
              record("2025-01-01-a", "2025-01-01", FR, QA));

      assertEquals(
          List.of("fr-qa", "qa-tr", "sy-us"),
          archive.pairs().stream().map(Archive.Pair::slug).toList());
    }
  }

  @Nested
  class PreviousAndNext {

    private final Archive archive =
        archiveOf(
            record("2025-01-20-agreement", "2025-01-20", QA, SY),
            record("2024-paris-olympics", "2024", FR, QA),
            record("2025-04-17-visit", "2025-04-17", QA, SY),
            record("2025-04-delegation", "2025-04", QA, SY));

    @Test
    void previousIsTheOlderNeighbourAndNextTheNewerOne() {
      Engagement middle = archive.find("2025-04-delegation").orElseThrow();

      assertEquals("2025-01-20-agreement", archive.previous(middle).orElseThrow().id());
      assertEquals("2025-04-17-visit", archive.next(middle).orElseThrow().id());
    }

    @Test
    void theOldestRecordHasNoPreviousAndTheNewestNoNext() {
      Engagement oldest = archive.find("2024-paris-olympics").orElseThrow();
      Engagement newest = archive.find("2025-04-17-visit").orElseThrow();

      assertEquals(Optional.empty(), archive.previous(oldest));
      assertEquals("2025-01-20-agreement", archive.next(oldest).orElseThrow().id());
      assertEquals(Optional.empty(), archive.next(newest));
      assertEquals("2025-04-delegation", archive.previous(newest).orElseThrow().id());
    }

    @Test
    void anUnknownIdIsNotFound() {
      assertEquals(Optional.empty(), archive.find("2025-01-21-nothing"));
    }
  }

  @Test
  void everyTypeHasAPageInVocabularyOrderEvenWithoutRecords() {
    Archive archive =
        archiveOf(
            record("2025-01-01-a", "2025-01-01", QA, SY),
            record("2025-02-01-b", "2025-02-01", QA, SY));

    Map<Term, List<Engagement>> byType = archive.byType();

    assertEquals(List.of(AGREEMENT, VISIT), List.copyOf(byType.keySet()));
    assertEquals(List.of("2025-02-01-b", "2025-01-01-a"), ids(byType.get(AGREEMENT)));
    assertEquals(List.of(), byType.get(VISIT));
  }

  // --- a small site built by hand ---

  private static Country country(String code, String en, String ar) {
    return new Country(code, new Localized(en, ar));
  }

  private static Engagement record(String id, String date, Country... countries) {
    return new Engagement(
        id,
        PartialDate.parse(date),
        Optional.empty(),
        AGREEMENT,
        Arrays.asList(countries),
        List.of(),
        List.of(),
        Status.CONFIRMED,
        List.of(new Source("Publisher", "Title", Optional.empty(), Optional.empty(), "en")),
        List.of(),
        List.of(),
        false,
        Map.of(Lang.EN, new Translation(Lang.EN, "Title of " + id, "Summary", "Body")));
  }

  private static Archive archiveOf(Engagement... engagements) {
    SiteConfig config =
        new SiteConfig(
            "https://example.org/briefing/",
            new Localized("Briefing", "موجز"),
            new Localized("", ""),
            false);
    return new Archive(
        new Site(
            config,
            List.of(FR, QA, SO, SY, TR, US),
            List.of(AGREEMENT, VISIT),
            List.of(),
            List.of(),
            List.of(engagements)));
  }

  private static List<String> ids(List<Engagement> engagements) {
    return engagements.stream().map(Engagement::id).toList();
  }

  private static List<Integer> months(Archive.YearGroup year) {
    return year.months().stream().map(Archive.MonthGroup::month).toList();
  }
}
