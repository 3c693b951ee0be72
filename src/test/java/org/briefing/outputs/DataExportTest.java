package org.briefing.outputs;

import static org.briefing.outputs.HandBuiltArchive.QA;
import static org.briefing.outputs.HandBuiltArchive.SY;
import static org.briefing.outputs.HandBuiltArchive.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefing.archive.Archive;
import org.briefing.model.Actor;
import org.briefing.model.Localized;
import org.briefing.model.PartialDate;
import org.briefing.model.Source;
import org.briefing.render.RenderCache;
import org.junit.jupiter.api.Test;

/**
 * The data files as an analyst opens them: the CSV in a spreadsheet (read back with Jackson's CSV
 * reader) and the JSON with any JSON library, from two records built by hand; every expected cell
 * is written out below.
 */
class DataExportTest {

  private static final Actor MINISTER =
      new Actor(
          "qa-defence-minister",
          Actor.Kind.PERSON,
          Optional.of(QA),
          new Localized("Defence Minister", "وزير الدفاع"),
          List.of(
              new Actor.Role(
                  Optional.of(PartialDate.parse("2024-03")),
                  Optional.empty(),
                  new Localized("Minister", "وزير")),
              new Actor.Role(
                  Optional.empty(),
                  Optional.of(PartialDate.parse("2024-02")),
                  new Localized("Chief of Staff", "رئيس الأركان"))));
  private static final Actor COALITION =
      new Actor(
          "coalition",
          Actor.Kind.INSTITUTION,
          Optional.empty(),
          new Localized("The Coalition", "التحالف"),
          List.of());

  /**
   * A: 5 to 8 January 2025, Qatar and Syria, both languages, an actor, a topic, two sources, a
   * correction. B: March 2025, Syria, Arabic only, related to A.
   */
  private static Archive twoRecords() {
    HandBuiltArchive.Rec a =
        rec("2025-01-05-visit", "2025-01-05")
            .countries(QA, SY)
            .english("Visit, \"first\" of two", "Line one\nline two")
            .arabic("زيارة", "ملخص")
            .correction("2025-02-01", "Dates fixed", "صُحّحت التواريخ");
    a.end = Optional.of(PartialDate.parse("2025-01-08"));
    a.actors = List.of(MINISTER);
    a.topics = List.of(HandBuiltArchive.TRAINING);
    a.sources =
        List.of(
            new Source(
                "QNA",
                "Minister visits",
                Optional.of("https://qna.example/1"),
                Optional.of(PartialDate.parse("2025-01-06")),
                "en"),
            new Source(
                "watan",
                "زيارة",
                Optional.empty(),
                Optional.empty(),
                "ar",
                new Localized("Al Watan", "الوطن"),
                Optional.empty(),
                Optional.of("https://archive.example/watan")));
    HandBuiltArchive.Rec b =
        rec("2025-03-call", "2025-03")
            .countries(SY)
            .type(HandBuiltArchive.AGREEMENT)
            .onlyArabic("اتفاق", "=1+1");
    b.related = List.of("2025-01-05-visit");
    return HandBuiltArchive.archive("", List.of(MINISTER, COALITION), a, b);
  }

  private static Map<String, String> files(Archive archive) throws Exception {
    return HandBuiltArchive.make(new DataExport(archive, new RenderCache()).plan());
  }

  @Test
  void theCsvHasItsPinnedHeaderAndOneRowPerRecordOldestFirst() throws Exception {
    String csv = files(twoRecords()).get("data/engagements.csv");
    assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark, so spreadsheets read UTF-8");
    assertTrue(
        csv.startsWith(
            "\uFEFFid,date,end_date,type,type_en,type_ar,countries,countries_en,countries_ar,"
                + "status,title_en,title_ar,summary_en,summary_ar,actors,actors_en,actors_ar,"
                + "topics,sources,related,url_en,url_ar\r\n"),
        csv);
    List<List<String>> rows = CsvRowTest.parse(csv.substring(1));
    assertEquals(3, rows.size());
    assertEquals(
        List.of(
            "2025-01-05-visit",
            "2025-01-05",
            "2025-01-08",
            "visit",
            "Visit",
            "زيارة",
            "QA; SY",
            "Qatar; Syria",
            "قطر; سوريا",
            "confirmed",
            "Visit, \"first\" of two",
            "زيارة",
            "Line one\nline two",
            "ملخص",
            "qa-defence-minister",
            "Defence Minister",
            "وزير الدفاع",
            "training",
            "QNA: Minister visits <https://qna.example/1> | Al Watan: زيارة",
            "",
            "https://example.org/briefing/en/engagements/2025-01-05-visit/",
            "https://example.org/briefing/ar/engagements/2025-01-05-visit/"),
        rows.get(1));
    assertEquals(
        List.of(
            "2025-03-call",
            "2025-03",
            "",
            "agreement",
            "Agreement",
            "اتفاقية",
            "SY",
            "Syria",
            "سوريا",
            "confirmed",
            "",
            "اتفاق",
            "",
            "'=1+1",
            "",
            "",
            "",
            "",
            "Example News: A report",
            "2025-01-05-visit",
            "",
            "https://example.org/briefing/ar/engagements/2025-03-call/"),
        rows.get(2));
  }

  @Test
  void theJsonHoldsEveryFactAndBothTextsOldestFirst() throws Exception {
    Map<String, String> files = files(twoRecords());
    JsonNode root = new ObjectMapper().readTree(files.get("data/engagements.json"));
    assertEquals("engagements.schema.json", root.get("$schema").asText());
    assertEquals("https://example.org/briefing/", root.get("site").asText());
    assertEquals(2, root.get("count").asInt());

    JsonNode actors = root.get("actors");
    assertEquals(2, actors.size());
    assertEquals(
        new ObjectMapper()
            .readTree(
                """
                {"id": "qa-defence-minister", "kind": "person", "country": "QA",
                 "en": "Defence Minister", "ar": "وزير الدفاع",
                 "roles": [{"from": "2024-03", "en": "Minister", "ar": "وزير"},
                           {"to": "2024-02", "en": "Chief of Staff", "ar": "رئيس الأركان"}]}
                """),
        actors.get(0));
    assertEquals(
        new ObjectMapper()
            .readTree(
                """
                {"id": "coalition", "kind": "institution",
                 "en": "The Coalition", "ar": "التحالف", "roles": []}
                """),
        actors.get(1));

    JsonNode a = root.get("engagements").get(0);
    assertEquals(
        new ObjectMapper()
            .readTree(
                """
                {"id": "2025-01-05-visit", "date": "2025-01-05", "date_precision": "day",
                 "end_date": "2025-01-08",
                 "type": {"key": "visit", "en": "Visit", "ar": "زيارة"},
                 "countries": [{"code": "QA", "en": "Qatar", "ar": "قطر"},
                               {"code": "SY", "en": "Syria", "ar": "سوريا"}],
                 "actors": [{"id": "qa-defence-minister", "kind": "person",
                             "en": "Defence Minister", "ar": "وزير الدفاع"}],
                 "topics": [{"key": "training", "en": "Training", "ar": "التدريب"}],
                 "status": "confirmed",
                 "sources": [{"publisher": "QNA", "publisher_ar": "QNA", "title": "Minister visits",
                              "url": "https://qna.example/1", "date": "2025-01-06",
                              "language": "en"},
                             {"publisher": "Al Watan", "publisher_ar": "الوطن", "title": "زيارة",
                              "archive_url": "https://archive.example/watan", "language": "ar"}],
                 "related": [],
                 "corrections": [{"date": "2025-02-01", "en": "Dates fixed",
                                  "ar": "صُحّحت التواريخ"}],
                 "texts": {
                   "en": {"title": "Visit, \\"first\\" of two", "summary": "Line one\\nline two",
                          "body_markdown": "Body.",
                          "url": "https://example.org/briefing/en/engagements/2025-01-05-visit/"},
                   "ar": {"title": "زيارة", "summary": "ملخص", "body_markdown": "نص.",
                          "url": "https://example.org/briefing/ar/engagements/2025-01-05-visit/"}}}
                """),
        a);
    JsonNode b = root.get("engagements").get(1);
    assertEquals("2025-03-call", b.get("id").asText());
    assertEquals("month", b.get("date_precision").asText());
    assertFalse(b.has("end_date"));
    assertFalse(b.get("texts").has("en"), "no English text is written for an untranslated record");
    assertEquals(
        "=1+1", b.get("texts").get("ar").get("summary").asText(), "the JSON keeps it as is");
    assertEquals("2025-01-05-visit", b.get("related").get(0).asText());

    JsonNode schema = new ObjectMapper().readTree(files.get("data/engagements.schema.json"));
    assertTrue(schema.has("properties"), "the schema describes the file's fields");
  }

  @Test
  void anEmptyArchiveGivesAnEmptyButValidJsonAndAHeaderOnlyCsv() throws Exception {
    Map<String, String> files = files(HandBuiltArchive.archive());
    JsonNode root = new ObjectMapper().readTree(files.get("data/engagements.json"));
    assertEquals(0, root.get("count").asInt());
    assertEquals(0, root.get("engagements").size());
    assertEquals(1, CsvRowTest.parse(files.get("data/engagements.csv").substring(1)).size());
  }

  @Test
  void theJsonIsLaidOutTheSameWayForEveryRecord() throws Exception {
    String json = files(twoRecords()).get("data/engagements.json");
    assertTrue(json.endsWith(" ]\n}\n"), json.substring(json.length() - 20));
    assertTrue(json.contains("\n  \"engagements\" : [ {\n    \"id\" : \"2025-01-05-visit\""), json);
    assertTrue(json.contains("}, {\n    \"id\" : \"2025-03-call\""), json);
  }
}
