package org.briefing.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.briefing.content.ContentLoader;
import org.briefing.content.LoadedContent;
import org.briefing.content.Problem;
import org.briefing.content.Suggestions;
import org.briefing.model.Country;
import org.briefing.model.PartialDate;
import org.briefing.model.Site;
import org.briefing.model.Term;
import org.briefing.validate.Validator;

/**
 * The {@code new} command: checks its arguments against the content's own countries and vocabulary,
 * then writes {@code engagements/<date>-<slug>/} whole, with {@code engagement.yaml}, {@code ar.md}
 * and {@code en.md} explained in comments.
 *
 * <p>The scaffold is deliberately <em>not</em> publishable: titles, summaries and the source's
 * publisher, title and language are blank, and the validator refuses blank required fields, so
 * {@code check} and {@code build} point at each one until the editor has filled it in. Facts given
 * on the command line (date, type, countries) are written as given; {@code status} starts at {@code
 * unverified}, the weakest claim.
 */
final class RecordScaffold {

  /** The validator's id rule (RecordReader): lowercase ASCII, digits, single hyphens, ≤ 80. */
  static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  static final int MAX_ID_LENGTH = 80;

  private static final String ENGAGEMENTS = "engagements";

  private final Path content;
  private final Site shared;

  /**
   * @param shared the content's countries and vocabulary, from {@link #readSharedFiles}
   */
  RecordScaffold(Path content, Site shared) {
    this.content = content;
    this.shared = shared;
  }

  /**
   * Reads site.yaml, countries.yaml and vocabulary.yaml through the loader and the validator,
   * leaving the records out: a broken record elsewhere must not stop an editor starting a new one.
   * The result's site has no engagements; its problems are the shared files' only.
   */
  static Validator.Result readSharedFiles(Path content) {
    LoadedContent loaded = new ContentLoader().load(content);
    Path records = content.resolve(ENGAGEMENTS);
    List<Problem> sharedProblems =
        loaded.problems().stream().filter(p -> !p.file().startsWith(records)).toList();
    LoadedContent sharedOnly =
        new LoadedContent(
            loaded.root(),
            loaded.site(),
            loaded.countries(),
            loaded.vocabulary(),
            loaded.actors(),
            List.of(),
            sharedProblems,
            loaded.publishers());
    return new Validator().validate(sharedOnly, new Validator.Options(false, false));
  }

  /** The record's id and folder name: {@code <date>-<slug>}. */
  static String id(Arguments.NewRecord record) {
    return record.date() + "-" + record.slug();
  }

  /** Every way the arguments break a content rule, one line each; empty when they are fine. */
  List<String> check(Arguments.NewRecord record) {
    List<String> wrong = new ArrayList<>();
    try {
      PartialDate.parse(record.date());
    } catch (IllegalArgumentException e) {
      wrong.add("--date: " + e.getMessage());
    }
    String slug = record.slug();
    if (!SLUG.matcher(slug).matches()) {
      wrong.add(
          "--slug \""
              + slug
              + "\" cannot be part of a record id; use lowercase ASCII"
              + " letters, digits and single hyphens, such as khattab-yerlikaya-call");
    } else if (slug.startsWith(record.date() + "-") || slug.equals(record.date())) {
      wrong.add(
          "--slug \""
              + slug
              + "\" repeats the date; the id is already <date>-<slug>, so"
              + " give the words after the date only");
    }
    String id = id(record);
    if (id.length() > MAX_ID_LENGTH) {
      wrong.add(
          "the id \""
              + id
              + "\" is "
              + id.length()
              + " characters; ids are at most "
              + MAX_ID_LENGTH
              + ", so shorten --slug by "
              + (id.length() - MAX_ID_LENGTH));
    }
    checkType(record.type(), wrong);
    checkCountries(record.countries(), wrong);
    return wrong;
  }

  private void checkType(String type, List<String> wrong) {
    List<String> known = shared.types().stream().map(Term::key).toList();
    if (!known.contains(type)) {
      String hint =
          Suggestions.closest(type, known).map(k -> "did you mean \"" + k + "\"? ").orElse("");
      wrong.add(
          "--type: unknown engagement type \""
              + type
              + "\"; "
              + hint
              + "(known: "
              + String.join(", ", known)
              + "; add it to "
              + content.resolve("vocabulary.yaml")
              + " first)");
    }
  }

  private void checkCountries(List<String> codes, List<String> wrong) {
    List<String> known = shared.countries().stream().map(Country::code).toList();
    Set<String> seen = new HashSet<>();
    for (String code : codes) {
      String upper = code.toUpperCase(Locale.ROOT);
      if (code.isBlank()) {
        wrong.add("--countries has an empty code; write codes separated by commas, such as SY,TR");
      } else if (!seen.add(code)) {
        wrong.add("--countries: country \"" + code + "\" is listed twice; remove one");
      } else if (!known.contains(code) && known.contains(upper)) {
        wrong.add(
            "--countries: country code \"" + code + "\" must be written in capitals: " + upper);
      } else if (!known.contains(code)) {
        wrong.add(
            "--countries: unknown country code \""
                + code
                + "\" (known: "
                + String.join(", ", known)
                + "; add it to "
                + content.resolve("countries.yaml")
                + " first)");
      }
    }
  }

  /**
   * Writes the record folder whole: the three files go into a hidden staging folder beside {@code
   * engagements/} (the loader never reads it), which is then renamed into place, so a failure
   * leaves no half-written record.
   *
   * @return the new record's folder
   * @throws FileAlreadyExistsException when a record with that id exists
   */
  Path write(Arguments.NewRecord record) throws IOException {
    String id = id(record);
    Path engagements = content.resolve(ENGAGEMENTS);
    Path folder = engagements.resolve(id);
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(folder.toString());
    }
    Files.createDirectories(engagements);
    // createDirectory, not createTempDirectory: the record keeps the editor's usual permissions
    Path staging =
        Files.createDirectory(
            content.resolve(".new-" + id + "-" + Long.toHexString(System.nanoTime())));
    try {
      Files.writeString(staging.resolve("engagement.yaml"), facts(record), StandardCharsets.UTF_8);
      Files.writeString(staging.resolve("ar.md"), ARABIC, StandardCharsets.UTF_8);
      Files.writeString(staging.resolve("en.md"), ENGLISH, StandardCharsets.UTF_8);
      Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(staging, e);
      throw e;
    }
    return folder;
  }

  private static void deleteQuietly(Path staging, Exception cause) {
    if (!Files.exists(staging)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(staging)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** engagement.yaml: the facts given, the rest blank or commented out, every field explained. */
  String facts(Arguments.NewRecord record) {
    List<String> types = shared.types().stream().map(Term::key).toList();
    List<String> topics = shared.topics().stream().map(Term::key).toList();
    String exampleTopic = topics.isEmpty() ? "counter-terrorism" : topics.get(0);
    return """
        # The facts of this engagement that do not depend on language, written once for both
        # translations. Lines starting with # are notes for editors and are never published.
        # Every field and rule is described in CONTRIBUTING.md ("Adding a record").

        # When it happened: YYYY-MM-DD, or YYYY-MM / YYYY when the source gives only that.
        # Never invent a day; say in the body how the date was established.
        date: %s
        # Optional: the last day of an engagement over several days (same forms, not before date).
        # end_date: %s
        # The kind of engagement, one key of vocabulary.yaml `types`:
        %s
        type: %s
        # The states involved: ISO 3166-1 alpha-2 codes from countries.yaml, at least one.
        countries: [%s]
        # Optional: the people and institutions involved, keys of actors.yaml (add a new one
        # there first, named in both languages).
        # actors: [khattab-anas, lekhwiya]
        # Optional: subjects, keys of vocabulary.yaml `topics`:
        %s
        # topics: [%s]
        # How sure the record is: confirmed (an official statement of one of the parties),
        # reported (media or a think tank report it, no official statement) or unverified (no
        # reliable source backs it yet). It starts at unverified: raise it when the sources allow.
        status: unverified
        # Where the facts come from: at least one source. Fill in each "" below; the record
        # cannot be built while a source has no publisher, title or language.
        sources:
          - publisher: ""       # who published it: a key of content/publishers.yaml, or its name
            title: ""           # the source's own title, copied in its own language
            language: ""        # the language the source is written in: ar, en, tr, ...
            # url: https://...  # optional: its address, when it has one
            # date: %s  # optional: when the source was published, same forms as date
        # Optional: ids (folder names) of records this one follows from or answers.
        # related: [2025-01-20-an-earlier-record]
        # Optional: true keeps the record off the site unless it is built with --drafts.
        # draft: true
        """
        .formatted(
            record.date(),
            record.date(),
            commentList(types),
            record.type(),
            String.join(", ", record.countries()),
            commentList(topics),
            exampleTopic,
            record.date());
  }

  /** {@code # a, b, c} lines, wrapped so the file stays readable in any editor. */
  private static String commentList(List<String> words) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder("#");
    for (int i = 0; i < words.size(); i++) {
      String word = " " + words.get(i) + (i < words.size() - 1 ? "," : "");
      if (line.length() + word.length() > 90) {
        out.append(line).append('\n');
        line = new StringBuilder("#");
      }
      line.append(word);
    }
    return out.append(line).toString();
  }

  /** ar.md: blank title and summary, which fail `check` until written. */
  static final String ARABIC =
      """
      ---
      # The Arabic text of this record. Write the headline in `title` and one or two sentences
      # (under 300 characters, shown in the timeline and lists) in `summary`, inside the quotes.
      # The record cannot be built while either is blank. Lines starting with # are notes.
      # اكتب العنوان والملخص بالعربية بين علامتي التنصيص؛ لا يُبنى السجل ما دام أحدهما فارغاً.
      # The body goes below the closing --- line, in Markdown: what happened, who said so,
      # and what the sources leave unclear.
      title: ""
      summary: ""
      ---
      """;

  /** en.md: blank title and summary, which fail `check` until written. */
  static final String ENGLISH =
      """
      ---
      # The English text of this record. Write the headline in `title` and one or two sentences
      # (under 300 characters, shown in the timeline and lists) in `summary`, inside the quotes.
      # The record cannot be built while either is blank. Lines starting with # are notes.
      # The body goes below the closing --- line, in Markdown: what happened, who said so,
      # and what the sources leave unclear.
      title: ""
      summary: ""
      ---
      """;
}
