package org.briefing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invisible characters that reorder or hide text are refused in every human-readable field, each
 * with its file and line, so an editor can find and delete it; the joiners Arabic needs are kept;
 * and a source's address must be a web address.
 */
class TextFieldsTest {

  /** The direction overrides and isolates, and other invisible or control characters. */
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(
      strings = {
        "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069", "200E", "200F",
        "061C", "200B", "2060", "00AD", "FEFF", "E0041"
      })
  void everyTextFieldRefusesTheCharacterWithFileAndLine(String hex, @TempDir Path tmp)
      throws IOException {
    String c = new String(Character.toChars(Integer.parseInt(hex, 16)));
    Fixture site = new Fixture(tmp);
    Path facts = site.dir(Fixture.ID).resolve("engagement.yaml");
    Path en = site.dir(Fixture.ID).resolve("en.md");
    Path countries = site.root.resolve("countries.yaml");
    String[][] fields = {
      // file, the line to change, the word the character goes after, the field's name
      {
        "actors",
        "en: Syrian Civil Defence",
        "Syrian",
        "the English name of actor \"syrian-civil-defence\""
      },
      {
        "actors",
        "ar: الدفاع المدني السوري",
        "الدفاع",
        "the Arabic name of actor \"syrian-civil-defence\""
      },
      {"facts", "publisher: Example News", "Example", "the publisher"},
      {"facts", "title: Example title", "Example", "the source title"},
      {"facts", "en: The date was corrected.", "date", "the correction"},
      {"facts", "ar: صُحّح التاريخ.", "صُحّح", "the correction"},
      {"en", "title: Qatar and Syria sign", "Qatar", "the title"},
      {"en", "summary: The two countries", "two", "the summary"},
      {"countries", "SY: {en: Syria,", "Syria", "the names of SY (en)"}
    };
    for (String[] field : fields) {
      Path file =
          switch (field[0]) {
            case "facts" -> facts;
            case "en" -> en;
            case "actors" -> site.root.resolve("actors.yaml");
            default -> countries;
          };
      String before = Files.readString(file, StandardCharsets.UTF_8);
      int at = before.indexOf(field[1]);
      assertTrue(at >= 0, field[1]);
      int line = 1 + (int) before.substring(0, at).chars().filter(ch -> ch == '\n').count();
      int insert = before.indexOf(field[2], at) + field[2].length();
      Files.writeString(
          file, before.substring(0, insert) + c + before.substring(insert), StandardCharsets.UTF_8);

      // (a country whose name is refused is also unknown to the record: that is the record's)
      List<String> problems =
          site.problems().stream().filter(p -> p.startsWith(file + ":")).toList();
      String expected = file + ":" + line + ":";
      assertEquals(1, problems.size(), field[3] + ": " + problems);
      String problem = problems.get(0);
      assertTrue(problem.startsWith(expected), field[3] + ": " + problem);
      assertTrue(
          problem.contains(
              field[3]
                  + " contains the invisible control character U+"
                  + hex.toUpperCase(Locale.ROOT)),
          problem);
      Files.writeString(file, before, StandardCharsets.UTF_8);
    }
    assertEquals(List.of(), site.problems(), "the fixture is valid again");
  }

  /**
   * YAML reads these as line breaks, so they are a YAML error, on their line or the next. (It reads
   * U+0085 as one too, and folds it into a space: nothing invisible is left of it.)
   */
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"2028", "2029"})
  void lineSeparatorsAreRefusedAsYamlErrors(String hex, @TempDir Path tmp) throws IOException {
    String c = new String(Character.toChars(Integer.parseInt(hex, 16)));
    Fixture site = new Fixture(tmp);
    Path facts =
        site.record(
                Fixture.ID,
                Fixture.FACTS.replace("Example News", "Example" + c + " News"),
                Fixture.EN,
                Fixture.AR)
            .resolve("engagement.yaml");
    List<String> problems = site.problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith(facts + ":10:") || problems.get(0).startsWith(facts + ":11:"),
        problems.get(0));
    Path en =
        site.record(
                Fixture.ID,
                Fixture.FACTS,
                Fixture.EN.replace("two countries", "two" + c + " countries"),
                Fixture.AR)
            .resolve("en.md");
    problems = site.problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith(en + ":3:") || problems.get(0).startsWith(en + ":4:"),
        problems.get(0));
  }

  @Test
  void controlCharactersWrittenAsYamlEscapesAreRefusedToo(@TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    for (String escape :
        List.of("\\a", "\\0", "\\e", "\\x7F", "\\x85", "\\u202E", "\\U0001D173", "\\uD800")) {
      site.record(
          Fixture.ID,
          Fixture.FACTS.replace(
              "publisher: Example News", "publisher: \"Example" + escape + " News\""),
          Fixture.EN,
          Fixture.AR);
      List<String> problems = site.problems();
      assertEquals(1, problems.size(), escape + ": " + problems);
      assertTrue(
          problems.get(0).startsWith(site.dir(Fixture.ID).resolve("engagement.yaml") + ":10:"),
          escape + ": " + problems.get(0));
    }
  }

  @Test
  void theJoinersArabicAndPersianNeedAreKept(@TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    String title = "قطر\u200cو\u200dسوريا";
    String org = "ال\u200cدفاع";
    java.nio.file.Files.writeString(
        site.root.resolve("actors.yaml"),
        Fixture.resource("actors.yaml").replace("ar: الدفاع المدني السوري", "ar: " + org));
    site.record(
        Fixture.ID,
        Fixture.FACTS,
        Fixture.EN,
        Fixture.AR.replace("title: قطر وسوريا", "title: " + title));
    Validator.Result result = site.check();
    assertEquals(List.of(), result.problems());
    Engagement e = result.site().orElseThrow().engagements().get(0);
    assertTrue(e.translation(Lang.AR).orElseThrow().title().startsWith(title));
    assertEquals(org, e.actors().get(0).name().get(Lang.AR));
  }

  @ParameterizedTest(name = "url: {0}")
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "' javascript:alert(1)'",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example/x",
        "https:evil.example",
        "http://",
        "ftp://files.example/x",
        "file:///etc/passwd",
        "mailto:a@b.example",
        "'https://e.example/\"onmouseover=x'"
      })
  void aSourceAddressMustBeAWebAddress(String url, @TempDir Path tmp) throws IOException {
    Fixture site = new Fixture(tmp);
    Path facts =
        site.record(
                Fixture.ID,
                Fixture.FACTS.replace("url: https://news.example/story", "url: " + url),
                Fixture.EN,
                Fixture.AR)
            .resolve("engagement.yaml");
    List<String> problems = site.problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(facts + ":12:"), problems.get(0));
    assertTrue(problems.get(0).contains("is not a web address"), problems.get(0));
  }
}
