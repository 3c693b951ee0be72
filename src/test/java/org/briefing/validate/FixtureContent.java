package org.briefing.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.briefing.content.ContentLoader;
import org.briefing.content.Problem;

/**
 * A small content folder written into a temporary directory: three countries (Norway among them),
 * two types, one topic, and whatever records a test adds.
 */
final class FixtureContent {

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
      """;
  static final String VOCABULARY =
      """
      types:
        agreement: {en: Agreement, ar: اتفاقية}
        call: {en: Phone call, ar: اتصال هاتفي}
      topics:
        training: {en: Training, ar: التدريب}
      """;

  /** A valid record's facts; line numbers matter to the tests that edit it. */
  static final String FACTS =
      """
      date: 2025-01-20
      type: agreement
      countries: [QA, SY]
      status: confirmed
      sources:
        - publisher: Example News
          title: Example title
          language: en
      """;

  static final String EN =
      """
      ---
      title: Qatar and Syria sign an agreement
      summary: A short summary.
      ---
      Body text.
      """;
  static final String AR =
      """
      ---
      title: قطر وسوريا توقّعان اتفاقية
      summary: ملخص قصير.
      ---
      نص.
      """;

  final Path root;

  FixtureContent(Path tmp) throws IOException {
    root = tmp.resolve("content");
    Files.createDirectories(root.resolve("engagements"));
    write("site.yaml", SITE);
    write("countries.yaml", COUNTRIES);
    write("vocabulary.yaml", VOCABULARY);
  }

  /** Adds a record folder with the given files (null leaves a file out). */
  Path record(String id, String facts, String en, String ar) throws IOException {
    Path dir = Files.createDirectories(root.resolve("engagements").resolve(id));
    if (facts != null) {
      Files.writeString(dir.resolve("engagement.yaml"), facts, StandardCharsets.UTF_8);
    }
    if (en != null) {
      Files.writeString(dir.resolve("en.md"), en, StandardCharsets.UTF_8);
    }
    if (ar != null) {
      Files.writeString(dir.resolve("ar.md"), ar, StandardCharsets.UTF_8);
    }
    return dir;
  }

  void write(String file, String text) throws IOException {
    Files.writeString(root.resolve(file), text, StandardCharsets.UTF_8);
  }

  Validator.Result validate(boolean strict) {
    return new Validator()
        .validate(new ContentLoader().load(root), new Validator.Options(strict, false));
  }

  /** The problems as the editor sees them, one formatted line each. */
  List<String> lines(boolean strict) {
    return validate(strict).problems().stream().map(Problem::format).toList();
  }
}
