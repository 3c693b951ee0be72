package org.briefing.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.briefing.build.SiteBuilder;

/**
 * The parsed command line: {@code [build|check|new|serve] [options]}. Only the shape is checked
 * here (known command, options that command takes, values present, a port number); whether a
 * country or type exists is the content's business and is checked by {@link RecordScaffold}.
 *
 * @param newRecord what {@code new} should scaffold; present only for that command
 * @param port the preview's port for {@code serve} (0 picks a free one)
 * @param links whether {@code check} also asks every source address whether it still answers
 */
record Arguments(
    String command,
    SiteBuilder.Options options,
    Optional<NewRecord> newRecord,
    int port,
    boolean links) {

  static final List<String> COMMANDS = List.of("build", "check", "new", "serve");

  static final int DEFAULT_PORT = 8080;

  /** The options each command accepts; anything else is a usage error, not silently ignored. */
  private static final Map<String, Set<String>> OPTIONS =
      Map.of(
          "build",
              Set.of("--content", "--templates", "--out", "--base-url", "--drafts", "--strict"),
          // check takes the build options too, so `check` and `build` lines can be swapped in
          // scripts
          "check",
              Set.of(
                  "--content",
                  "--templates",
                  "--out",
                  "--base-url",
                  "--drafts",
                  "--strict",
                  "--links"),
          "new", Set.of("--content", "--date", "--countries", "--type", "--slug"),
          "serve",
              Set.of("--content", "--templates", "--base-url", "--drafts", "--strict", "--port"));

  static final String USAGE =
      """
      usage: briefing [build|check|new|serve] [options]    (briefing --help shows this)
        build              build the site from the content folder (the default)
        check              validate the content without writing anything
        new                scaffold a record: engagements/<date>-<slug>/ with engagement.yaml,
                           ar.md and en.md, every field explained in comments. Its titles,
                           summaries and source are left blank and fail `check` until you
                           fill them in, so an unedited scaffold can never be published
        serve              preview the site on http://127.0.0.1:PORT/ (this machine only),
                           rebuilt from a temporary folder whenever content or templates
                           change; open pages reload, problems show over the page. Ctrl-C stops
      options of build, check and serve:
        --content DIR      content folder (default: content)
        --templates DIR    templates folder (default: templates)
        --out DIR          output folder, replaced whole on success (default: site-output;
                           not for serve, which never touches it)
        --base-url URL     published address, overriding site.yaml's base_url
        --drafts           include records marked draft: true
        --strict           a missing translation is an error (and, with --links, a dead link)
      option of check:
        --links            also ask every source's url and archive_url whether it still answers
                           (a few at a time, politely); prints each failing one as
                           file:line:col: warning: ... and exits 0 unless --strict
      options of new (all four required):
        --date DATE        YYYY-MM-DD, or YYYY-MM / YYYY when only that is known
        --countries A,B    country codes of countries.yaml, such as SY,TR
        --type TYPE        an engagement type of vocabulary.yaml, such as call
        --slug SLUG        lowercase letters, digits and single hyphens; the record's id is
                           <date>-<slug>, at most 80 characters
        --content DIR      content folder (default: content)
      options of serve:
        --port N           port on 127.0.0.1 (default: 8080; 0 picks a free one and prints it)
      exit status: 0 ok, 1 content errors (or `new` for an id that exists), 2 usage errors
      (unknown option, bad date, unknown country or type, busy port), 3 template or disk failure""";

  /**
   * The raw arguments of {@code new}, checked against the content by {@link RecordScaffold}.
   *
   * @param countries the codes as written, split at commas and stripped of spaces
   */
  record NewRecord(String date, List<String> countries, String type, String slug) {}

  /** Thrown for a command line that cannot be understood; its message says why. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** Whether {@code args} ask for the usage, with {@code --help} or {@code -h} anywhere. */
  static boolean asksForHelp(String[] args) {
    List<String> words = Arrays.asList(args);
    return words.contains("--help") || words.contains("-h");
  }

  static Arguments parse(String[] args) throws UsageException {
    String command = "build";
    Path content = Path.of("content");
    Path templates = Path.of("templates");
    Path out = Path.of("site-output");
    Optional<String> baseUrl = Optional.empty();
    boolean drafts = false;
    boolean strict = false;
    boolean links = false;
    String date = null;
    String countries = null;
    String type = null;
    String slug = null;
    int port = DEFAULT_PORT;
    int first = 0;
    if (args.length > 0 && !args[0].startsWith("-")) {
      if (!COMMANDS.contains(args[0])) {
        throw new UsageException(
            "unknown command \"" + args[0] + "\"; the commands are " + String.join(", ", COMMANDS));
      }
      command = args[0];
      first = 1;
    }
    for (int i = first; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        throw new UsageException(
            "unexpected \""
                + arg
                + "\"; the command comes first, and"
                + " every value follows its option");
      }
      if (!OPTIONS.values().stream().anyMatch(set -> set.contains(arg))) {
        throw new UsageException("unknown option \"" + arg + "\"");
      }
      if (!OPTIONS.get(command).contains(arg)) {
        throw new UsageException(arg + " is not an option of " + command);
      }
      switch (arg) {
        case "--content" -> content = Path.of(value(args, ++i, arg));
        case "--templates" -> templates = Path.of(value(args, ++i, arg));
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--base-url" -> {
          String url = value(args, ++i, arg);
          if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new UsageException("--base-url must start with https:// or http://");
          }
          baseUrl = Optional.of(url);
        }
        case "--drafts" -> drafts = true;
        case "--strict" -> strict = true;
        case "--links" -> links = true;
        case "--date" -> date = value(args, ++i, arg);
        case "--countries" -> countries = value(args, ++i, arg);
        case "--type" -> type = value(args, ++i, arg);
        case "--slug" -> slug = value(args, ++i, arg);
        case "--port" -> port = port(value(args, ++i, arg));
        default -> throw new IllegalStateException("option without a case: " + arg);
      }
    }
    Optional<NewRecord> newRecord = Optional.empty();
    if (command.equals("new")) {
      List<String> missing = new ArrayList<>();
      if (date == null) {
        missing.add("--date");
      }
      if (countries == null) {
        missing.add("--countries");
      }
      if (type == null) {
        missing.add("--type");
      }
      if (slug == null) {
        missing.add("--slug");
      }
      if (!missing.isEmpty()) {
        throw new UsageException(
            "new needs --date, --countries, --type and --slug (missing: "
                + String.join(", ", missing)
                + ")");
      }
      newRecord =
          Optional.of(
              new NewRecord(
                  date,
                  Arrays.stream(countries.split(",", -1)).map(String::strip).toList(),
                  type,
                  slug));
    }
    return new Arguments(
        command,
        new SiteBuilder.Options(content, templates, out, baseUrl, drafts, strict),
        newRecord,
        port,
        links);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static int port(String text) throws UsageException {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "--port must be a number from 0 to 65535 (0 picks a free port)," + " not \"" + text + "\"");
  }
}
