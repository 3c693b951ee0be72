package org.briefing.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.briefing.model.Actor;
import org.briefing.model.Engagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of actors.yaml and of a record's {@code actors:}, and the migration of {@code
 * organizations:}: each mistake is one line with its file, line and column, saying what to write
 * instead.
 */
class ActorRulesTest {

  private static final String ID = "2025-01-20-qatar-syria-agreement";

  /** Three actors in 16 lines; line numbers matter to the tests below. */
  private static final String ACTORS =
      """
      khattab-anas:
        kind: person
        country: SY
        en: Anas Khattab
        ar: أنس خطاب
        roles:
          - {from: 2025-03, en: Minister of Interior, ar: وزير الداخلية}
      lekhwiya:
        kind: institution
        country: QA
        en: Lekhwiya
        ar: لخويا
      global-coalition:
        kind: institution
        en: Global Coalition
        ar: التحالف الدولي
      """;

  @TempDir Path tmp;
  FixtureContent content;
  Path actorsFile;

  @BeforeEach
  void writeContent() throws IOException {
    content = new FixtureContent(tmp);
    content.write("actors.yaml", ACTORS);
    actorsFile = content.root.resolve("actors.yaml");
  }

  private List<String> problemsWithFacts(String facts) throws IOException {
    content.record(ID, facts, FixtureContent.EN, FixtureContent.AR);
    return content.lines(false);
  }

  private Path facts() {
    return content.root.resolve("engagements").resolve(ID).resolve("engagement.yaml");
  }

  private static String withActors(String list) {
    return FixtureContent.FACTS.replace(
        "countries: [QA, SY]\n", "countries: [QA, SY]\nactors: " + list + "\n");
  }

  @Test
  void aRecordListsItsActorsByKeyAndGetsThemInOrder() throws IOException {
    content.record(
        ID,
        withActors("[lekhwiya, khattab-anas, global-coalition]"),
        FixtureContent.EN,
        FixtureContent.AR);
    Validator.Result result = content.validate(false);
    assertEquals(List.of(), result.problems());
    Engagement e = result.site().orElseThrow().engagements().get(0);
    assertEquals(
        List.of("lekhwiya", "khattab-anas", "global-coalition"),
        e.actors().stream().map(Actor::id).toList());
    Actor khattab = e.actors().get(1);
    assertEquals("أنس خطاب", khattab.name().ar());
    assertEquals("SY", khattab.country().orElseThrow().code());
    assertEquals("Minister of Interior", khattab.roles().get(0).title().en());
    assertEquals("2025-03", khattab.roles().get(0).from().orElseThrow().toString());
  }

  @Test
  void anUnknownActorSuggestsTheNearestKey() throws IOException {
    assertEquals(
        List.of(
            facts() + ":4:20: unknown actor \"khatab-anas\"; did you mean" + " \"khattab-anas\"?"),
        problemsWithFacts(withActors("[lekhwiya, khatab-anas]")));
  }

  @Test
  void anUnknownActorFarFromAnyKeySaysWhereToAddIt() throws IOException {
    assertEquals(
        List.of(
            facts()
                + ":4:10: unknown actor \"white-helmets\"; add it to"
                + " content/actors.yaml first (kind, en, ar)"),
        problemsWithFacts(withActors("[white-helmets]")));
  }

  @Test
  void anActorListedTwiceIsReportedAtTheSecond() throws IOException {
    assertEquals(
        List.of(facts() + ":4:20: actor \"lekhwiya\" is listed twice; remove one"),
        problemsWithFacts(withActors("[lekhwiya, lekhwiya]")));
  }

  @Test
  void anActorOfACountryNotInTheRecordSaysWhich() throws IOException {
    String facts = withActors("[lekhwiya, khattab-anas]").replace("[QA, SY]", "[QA, NO]");
    assertEquals(
        List.of(
            facts()
                + ":4:20: actor \"khattab-anas\" belongs to SY (Syria), which is"
                + " not among this record's countries (NO, QA); add SY to countries, or check the"
                + " actor"),
        problemsWithFacts(facts));
  }

  @Test
  void anActorOfNoCountryFitsAnyRecord() throws IOException {
    String facts = withActors("[global-coalition]").replace("[QA, SY]", "[NO]");
    assertEquals(List.of(), problemsWithFacts(facts));
  }

  @Test
  void eachOrganizationGetsOneErrorSayingWhichActorToWrite() throws IOException {
    String facts =
        FixtureContent.FACTS.replace(
            "countries: [QA, SY]\n",
            """
        countries: [QA, SY]
        organizations:
          - en: "Lekhwiya"
            ar: "لخويا"
          - en: "Ministry of Interior of Syria"
            ar: "وزارة الداخلية السورية"
        """);
    assertEquals(
        List.of(
            facts()
                + ":5:5: organizations is replaced by actors: content/actors.yaml already has"
                + " this one as \"lekhwiya\"; write actors: [lekhwiya] and remove this entry",
            facts()
                + ":7:5: organizations is replaced by actors: add to content/actors.yaml the"
                + " entry `ministry-of-interior-of-syria: {kind: institution, en: \"Ministry of"
                + " Interior of Syria\", ar: \"وزارة الداخلية السورية\"}` (with country: if it"
                + " belongs to one) and write actors: [ministry-of-interior-of-syria] here"),
        problemsWithFacts(facts));
  }

  @Test
  void aNameMissingInOneLanguageIsReported() throws IOException {
    content.write(
        "actors.yaml", ACTORS.replace("  ar: لخويا\n", "").replace("  en: Anas Khattab\n", ""));
    content.record(ID, FixtureContent.FACTS, FixtureContent.EN, FixtureContent.AR);
    assertEquals(
        List.of(
            actorsFile
                + ":2:3: actor \"khattab-anas\" has no English name; add en: with the name as"
                + " English sources write it",
            actorsFile
                + ":8:3: actor \"lekhwiya\" has no Arabic name; add ar: with the name as"
                + " Arabic sources write it"),
        content.lines(false));
  }

  @Test
  void twoEntriesForOneActorAreReportedAsDuplicates() throws IOException {
    content.write(
        "actors.yaml",
        ACTORS
            + """
        qatar-lekhwiya:
          kind: institution
          country: QA
          en: lekhwiya
          ar: قوة لخويا
        """);
    content.record(ID, FixtureContent.FACTS, FixtureContent.EN, FixtureContent.AR);
    assertEquals(
        List.of(
            actorsFile
                + ":17:1: actor \"qatar-lekhwiya\" has the same English name"
                + " as \"lekhwiya\" (\"lekhwiya\"); one actor is one entry: merge them and use"
                + " \"lekhwiya\" in records"),
        content.lines(false));
  }

  @Test
  void aKeyWrittenTwiceIsADuplicateKey() throws IOException {
    content.write("actors.yaml", ACTORS + "lekhwiya: {kind: institution, en: L, ar: ل}\n");
    content.record(ID, FixtureContent.FACTS, FixtureContent.EN, FixtureContent.AR);
    List<String> lines = content.lines(false);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(
        lines.get(0).startsWith(actorsFile + ":17:1: duplicate key \"lekhwiya\""), lines.get(0));
  }

  @Test
  void kindCountryAndRolesAreChecked() throws IOException {
    content.write(
        "actors.yaml",
        ACTORS
            .replace("kind: person", "kind: persn")
            .replace("country: QA", "country: QQ")
            .replace("{from: 2025-03,", "{from: 2025-03, to: 2024-12,")
            .replace("en: Global Coalition", "en: Global Coalition\n  contry: US"));
    content.record(ID, FixtureContent.FACTS, FixtureContent.EN, FixtureContent.AR);
    assertEquals(
        List.of(
            actorsFile
                + ":2:9: kind \"persn\" of actor \"khattab-anas\" is not person or institution",
            actorsFile
                + ":7:23: to 2024-12 is before from 2025-03 in roles[1] of actor"
                + " \"khattab-anas\"; swap them or correct one",
            actorsFile
                + ":10:12: unknown country code \"QQ\" for actor \"lekhwiya\"; did you mean"
                + " \"QA\"?",
            actorsFile
                + ":16:3: unknown key \"contry\" in actor \"global-coalition\"; did you mean"
                + " \"country\"?"),
        content.lines(false));
  }
}
