package org.briefing.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.briefing.build.SiteBuilder;
import org.briefing.content.Problem;
import org.briefing.render.TemplateProblemException;
import org.briefing.validate.Validator;

/** The command-line entry point: {@code build} (the default) and {@code check}. */
public final class Main {

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  Main(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(new Main(out, err, System.getenv()).run(args).status());
  }

  ExitCode run(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.println(Arguments.USAGE);
      return ExitCode.OK;
    }
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (Arguments.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(Arguments.USAGE);
      return ExitCode.USAGE;
    }
    SiteBuilder builder = new SiteBuilder();
    try {
      if (arguments.command().equals("check")) {
        Validator.Result result = builder.check(arguments.options());
        if (!result.ok()) {
          return report(result.problems());
        }
        out.println("ok: content has no problems");
        return ExitCode.OK;
      }
      long start = System.nanoTime();
      SiteBuilder.Outcome outcome = builder.build(arguments.options());
      if (!outcome.ok()) {
        return report(outcome.problems());
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      out.println("built " + outcome.files() + " files into " + arguments.options().out()
          + " in " + ms + " ms");
      return ExitCode.OK;
    } catch (TemplateProblemException e) {
      e.problems().forEach(p -> err.println(p.format()));
      err.println("error: the templates are broken; the output folder was left as it was");
      return ExitCode.INTERNAL;
    } catch (IOException e) {
      err.println("error: could not write the site: " + e.getMessage()
          + "; the output folder was left as it was");
      return ExitCode.INTERNAL;
    }
  }

  /** One line per problem, and GitHub's annotation form as well when running in CI. */
  private ExitCode report(List<Problem> problems) {
    boolean ci = "true".equals(env.get("CI")) || "true".equals(env.get("GITHUB_ACTIONS"));
    for (Problem p : problems) {
      err.println(p.format());
      if (ci) {
        err.println(p.formatForGitHub());
      }
    }
    err.println(problems.size() == 1 ? "1 problem; nothing was written"
        : problems.size() + " problems; nothing was written");
    return ExitCode.CONTENT_ERRORS;
  }
}
