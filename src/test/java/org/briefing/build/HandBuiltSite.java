package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A content folder written record by record by a test, so that what the built site must show can be
 * worked out by hand from records the reader of the test sees. Four countries, three types, built
 * with the project's own templates.
 */
final class HandBuiltSite {

  static final String SITE =
      """
      base_url: https://example.org/briefing/
      title: {en: Test Briefing, ar: موجز تجريبي}
      tagline: {en: Test tagline, ar: شعار تجريبي}
      """;
  static final String COUNTRIES =
      """
      NO: {en: Norway, ar: النرويج}
      QA: {en: Qatar, ar: قطر}
      SY: {en: Syria, ar: سوريا}
      TR: {en: Turkey, ar: تركيا}
      """;
  static final String VOCABULARY =
      """
      types:
        agreement: {en: Agreement, ar: اتفاقية}
        call: {en: Phone call, ar: اتصال هاتفي}
        visit: {en: Visit, ar: زيارة}
      topics:
        training: {en: Training, ar: التدريب}
      """;

  final Path root;
  final Path out;

  HandBuiltSite(Path tmp) throws IOException {
    root = tmp.resolve("content");
    out = tmp.resolve("site");
    Files.createDirectories(root.resolve("engagements"));
    write("site.yaml", SITE);
    write("countries.yaml", COUNTRIES);
    write("vocabulary.yaml", VOCABULARY);
  }

  void write(String file, String text) throws IOException {
    Files.writeString(root.resolve(file), text, StandardCharsets.UTF_8);
  }

  /** The facts of a confirmed record with one source; {@code more} is appended as written. */
  static String facts(String date, String type, String countries, String more) {
    return "date: "
        + date
        + "\ntype: "
        + type
        + "\ncountries: ["
        + countries
        + "]\n"
        + "status: confirmed\nsources:\n  - publisher: Example News\n    title: Example title\n"
        + "    language: en\n"
        + more;
  }

  static String text(String title, String summary) {
    return "---\ntitle: " + title + "\nsummary: " + summary + "\n---\nBody.\n";
  }

  /** A record with both languages; a null language text leaves that file out. */
  HandBuiltSite record(String id, String facts, String en, String ar) throws IOException {
    Path dir = Files.createDirectories(root.resolve("engagements").resolve(id));
    Files.writeString(dir.resolve("engagement.yaml"), facts, StandardCharsets.UTF_8);
    if (en != null) {
      Files.writeString(dir.resolve("en.md"), en, StandardCharsets.UTF_8);
    }
    if (ar != null) {
      Files.writeString(dir.resolve("ar.md"), ar, StandardCharsets.UTF_8);
    }
    return this;
  }

  /** A record in both languages titled after its id. */
  HandBuiltSite record(String id, String facts) throws IOException {
    return record(
        id,
        facts,
        text("English " + id, "Summary of " + id + "."),
        text("عربي " + id, "ملخص " + id + "."));
  }

  /** Builds the site into {@link #out}; fails the test when the content has problems. */
  Path build() throws IOException {
    SiteBuilder.Outcome outcome =
        new SiteBuilder()
            .build(
                new SiteBuilder.Options(
                    root, SeedSite.TEMPLATES, out, Optional.empty(), false, false));
    assertTrue(outcome.ok(), "the hand-built content has problems: " + outcome.problems());
    return out;
  }

  String read(String path) throws IOException {
    return Files.readString(out.resolve(path), StandardCharsets.UTF_8);
  }
}
