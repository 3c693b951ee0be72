package org.briefing.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefing.build.SiteBuilder;
import org.briefing.content.ContentLoader;
import org.briefing.content.Problem;
import org.briefing.validate.Validator;

/**
 * A small content folder in a temporary directory, made from {@code security/fixture/} (three
 * shared files and one valid record, {@link #ID}), that a test changes to say what an attacker
 * would, then loads, validates or builds with the project's own templates.
 */
final class Fixture {

  static final String ID = "2025-01-20-qatar-syria-civil-defence-agreement";
  static final Path TEMPLATES = Path.of("templates");

  static final String FACTS = resource("engagement.yaml");
  static final String EN = resource("en.md");
  static final String AR = resource("ar.md");

  final Path root;

  /** The shared files and the valid record, under {@code tmp/content}. */
  Fixture(Path tmp) {
    root = tmp.resolve("content");
    try {
      Files.createDirectories(root.resolve("engagements"));
      for (String name : List.of("site.yaml", "countries.yaml", "vocabulary.yaml", "actors.yaml")) {
        Files.writeString(root.resolve(name), resource(name), StandardCharsets.UTF_8);
      }
      record(ID, FACTS, EN, AR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = Fixture.class.getResourceAsStream("/security/fixture/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource security/fixture/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path dir(String id) {
    return root.resolve("engagements").resolve(id);
  }

  /** Writes a record folder; a null file is left out (or removed). */
  Path record(String id, String facts, String en, String ar) throws IOException {
    Path dir = Files.createDirectories(dir(id));
    write(dir.resolve("engagement.yaml"), facts);
    write(dir.resolve("en.md"), en);
    write(dir.resolve("ar.md"), ar);
    return dir;
  }

  private static void write(Path file, String text) throws IOException {
    if (text == null) {
      Files.deleteIfExists(file);
    } else {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Loads and validates, as {@code check} does. */
  Validator.Result check() {
    return new Validator()
        .validate(new ContentLoader().load(root), new Validator.Options(false, false));
  }

  /** Every problem, as the editor reads it: {@code file:line:column: message}. */
  List<String> problems() {
    return check().problems().stream().map(Problem::format).toList();
  }

  /** Builds the site into {@code out} with the project's templates. */
  SiteBuilder.Outcome build(Path out) throws IOException {
    return new SiteBuilder()
        .build(new SiteBuilder.Options(root, TEMPLATES, out, Optional.empty(), false, false));
  }
}
