package org.briefing.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefing.build.SiteBuilder;

/**
 * The parsed command line: {@code [build|check] [--content DIR] [--templates DIR] [--out DIR]
 * [--base-url URL] [--drafts] [--strict]}.
 */
record Arguments(String command, SiteBuilder.Options options) {

  static final List<String> COMMANDS = List.of("build", "check");

  static final String USAGE = """
      usage: briefing [build|check] [options]
        build              build the site from the content folder (the default)
        check              validate the content without writing anything
      options:
        --content DIR      content folder (default: content)
        --templates DIR    templates folder (default: templates)
        --out DIR          output folder, replaced whole on success (default: site-output)
        --base-url URL     published address, overriding site.yaml's base_url
        --drafts           include records marked draft: true
        --strict           a missing translation is an error
        --help             show this help
      exit status: 0 ok, 1 content errors, 2 usage errors, 3 template or disk failure""";

  /** Thrown for a command line that cannot be understood; its message says why. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static Arguments parse(String[] args) throws UsageException {
    String command = "build";
    Path content = Path.of("content");
    Path templates = Path.of("templates");
    Path out = Path.of("site-output");
    Optional<String> baseUrl = Optional.empty();
    boolean drafts = false;
    boolean strict = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
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
        default -> {
          if (i == 0 && COMMANDS.contains(arg)) {
            command = arg;
          } else {
            throw new UsageException("unknown " + (arg.startsWith("-") ? "option" : "command")
                + " \"" + arg + "\"");
          }
        }
      }
    }
    return new Arguments(command, new SiteBuilder.Options(content, templates, out, baseUrl,
        drafts, strict));
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }
}
