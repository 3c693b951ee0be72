package org.briefing.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefing.build.SiteBuilder;
import org.briefing.content.Problem;
import org.briefing.i18n.TemplateProblemException;
import org.briefing.links.LinkChecker;
import org.briefing.publish.Publisher;
import org.briefing.serve.PreviewServer;
import org.briefing.validate.Validator;

/**
 * The command-line entry point: {@code build} (the default), {@code check}, {@code new} and {@code
 * serve}; see {@link Arguments#USAGE}.
 */
public final class Main {

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final LinkChecker.Settings linkSettings;

  Main(PrintStream out, PrintStream err, Map<String, String> env) {
    this(out, err, env, LinkChecker.Settings.DEFAULT);
  }

  /** With the link check's timeouts and pace set, as tests against a local server need. */
  Main(
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      LinkChecker.Settings linkSettings) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.linkSettings = linkSettings;
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Optional<List<String>> again = Relaunch.command(args, System.getenv());
    if (again.isPresent()) {
      System.exit(Relaunch.run(again.get()));
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(new Main(out, err, System.getenv()).run(args).status());
  }

  ExitCode run(String[] args) {
    if (Arguments.asksForHelp(args)) {
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
    if (arguments.command().equals("new")) {
      return newRecord(arguments.options().content(), arguments.newRecord().orElseThrow());
    }
    if (arguments.command().equals("serve")) {
      return serve(arguments.options(), arguments.port());
    }
    SiteBuilder builder = new SiteBuilder();
    try {
      if (arguments.command().equals("check")) {
        Validator.Result result = builder.check(arguments.options());
        if (!result.ok()) {
          return report(result.problems());
        }
        out.println("ok: content has no problems");
        if (arguments.links()) {
          return new LinkCheckCommand(out, err, env, linkSettings).run(arguments.options());
        }
        return ExitCode.OK;
      }
      long start = System.nanoTime();
      SiteBuilder.Outcome outcome = buildUntilSignalled(builder, arguments.options());
      if (!outcome.ok()) {
        return report(outcome.problems());
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      String kept =
          outcome.rendered() < outcome.files()
              ? " ("
                  + outcome.rendered()
                  + " rendered, "
                  + outcome.written()
                  + " of them changed; the rest kept from the last build)"
              : outcome.written() < outcome.files()
                  ? " ("
                      + outcome.written()
                      + " changed; the rest came out as the last build left them)"
                  : "";
      out.println(
          "built "
              + outcome.files()
              + " files into "
              + arguments.options().out()
              + kept
              + " in "
              + ms
              + " ms");
      return ExitCode.OK;
    } catch (TemplateProblemException e) {
      e.problems().forEach(p -> err.println(p.format()));
      err.println("error: the templates are broken; the output folder was left as it was");
      return ExitCode.INTERNAL;
    } catch (IOException e) {
      err.println(
          "error: could not write the site: "
              + e.getMessage()
              + "; the output folder was left as it was");
      return ExitCode.INTERNAL;
    }
  }

  /**
   * Builds, with SIGINT and SIGTERM handled: the JVM runs its shutdown hooks on both, and the hook
   * registered here stops the build's publishing, removes its staging folder, says so and ends the
   * process with {@link ExitCode#INTERRUPTED}.
   */
  private SiteBuilder.Outcome buildUntilSignalled(SiteBuilder builder, SiteBuilder.Options options)
      throws IOException {
    long swaps = Publisher.swapCount();
    Object state = new Object();
    boolean[] building = {true};
    Thread hook =
        new Thread(
            () -> {
              synchronized (state) {
                if (!building[0]) {
                  return;
                }
                boolean published = Publisher.interruptAll() | Publisher.swapCount() != swaps;
                err.println(
                    published
                        ? "interrupted after the new site was published"
                        : "interrupted; the last site is unchanged");
                err.flush();
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED.status());
              }
            },
            "build-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return builder.buildReusing(options);
    } finally {
      synchronized (state) {
        building[0] = false;
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook finds the build over and does nothing
      }
    }
  }

  /** {@code new}: scaffolds a record folder whose blanks fail {@code check} until filled in. */
  private ExitCode newRecord(Path content, Arguments.NewRecord record) {
    Validator.Result shared = RecordScaffold.readSharedFiles(content);
    if (!shared.ok()) {
      return report(shared.problems());
    }
    RecordScaffold scaffold = new RecordScaffold(content, shared.site().orElseThrow());
    List<String> wrong = scaffold.check(record);
    if (!wrong.isEmpty()) {
      wrong.forEach(message -> err.println("error: " + message));
      err.println("nothing was written; run with --help for the options of new");
      return ExitCode.USAGE;
    }
    try {
      Path folder = scaffold.write(record);
      out.println("created " + folder + "/ with engagement.yaml, ar.md and en.md");
      out.println(
          "next: fill in the blank \"\" values (titles, summaries, the source), then run"
              + " check; until then check and build report each blank");
      return ExitCode.OK;
    } catch (FileAlreadyExistsException e) {
      err.println(
          "error: "
              + e.getFile()
              + " already exists; edit that record, or choose"
              + " another --slug");
      return ExitCode.CONTENT_ERRORS;
    } catch (IOException e) {
      err.println(
          "error: could not write the record: " + e.getMessage() + "; nothing was left behind");
      return ExitCode.INTERNAL;
    }
  }

  /** {@code serve}: previews until Ctrl-C, which runs the shutdown hook that closes it. */
  private ExitCode serve(SiteBuilder.Options options, int port) {
    PreviewServer preview;
    try {
      preview = PreviewServer.start(options, port, out, err);
    } catch (BindException e) {
      err.println(
          "error: cannot listen on 127.0.0.1:"
              + port
              + " ("
              + e.getMessage()
              + ");"
              + " stop whatever uses it, or pass --port 0 for a free port");
      return ExitCode.USAGE;
    } catch (IOException e) {
      err.println("error: could not start the preview: " + e.getMessage());
      return ExitCode.INTERNAL;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  preview.close();
                  out.println("preview stopped");
                },
                "preview-stop"));
    out.println(
        "previewing at "
            + preview.address()
            + " (English: "
            + preview.address()
            + "en/index.html, Arabic: "
            + preview.address()
            + "ar/index.html)");
    out.println(
        "watching "
            + options.content()
            + "/ and "
            + options.templates()
            + "/ for changes; press Ctrl-C to stop");
    try {
      preview.awaitClose();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      preview.close();
    }
    return ExitCode.OK;
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
    err.println(
        problems.size() == 1
            ? "1 problem; nothing was written"
            : problems.size() + " problems; nothing was written");
    return ExitCode.CONTENT_ERRORS;
  }
}
