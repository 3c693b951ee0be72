package org.briefing.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.briefing.build.SiteBuilder;
import org.briefing.content.ContentLoader;
import org.briefing.content.Problem;
import org.briefing.links.LinkChecker;
import org.briefing.links.SourceAddress;

/**
 * {@code check --links}: after the content passes {@code check}, asks every source's {@code url}
 * and {@code archive_url} whether it still answers, and prints each that does not as {@code
 * file:line:col: warning: ...} at the address as written, so an editor's tools jump to it. With
 * {@code --strict} they are errors and the exit status is {@link ExitCode#CONTENT_ERRORS}. Under
 * GitHub Actions each is also printed as an annotation.
 */
final class LinkCheckCommand {

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final LinkChecker.Settings settings;

  LinkCheckCommand(
      PrintStream out, PrintStream err, Map<String, String> env, LinkChecker.Settings settings) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.settings = settings;
  }

  ExitCode run(SiteBuilder.Options options) {
    List<SourceAddress> addresses = SourceAddress.all(new ContentLoader().load(options.content()));
    List<LinkChecker.Failure> failures;
    try {
      failures = new LinkChecker(settings).check(addresses);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("interrupted; the addresses were not all checked");
      return ExitCode.INTERRUPTED;
    }
    boolean ci = "true".equals(env.get("GITHUB_ACTIONS"));
    String level = options.strict() ? "error" : "warning";
    for (LinkChecker.Failure f : failures) {
      Problem p = Problem.at(f.address().position(), message(f));
      err.println(p.format(level));
      if (ci) {
        err.println(p.formatForGitHub(level));
      }
    }
    long distinct = addresses.stream().map(SourceAddress::url).distinct().count();
    out.println(
        "checked "
            + distinct
            + (distinct == 1 ? " address" : " addresses")
            + " of the sources: "
            + (failures.isEmpty() ? "all answer" : failures.size() + " failing"));
    return options.strict() && !failures.isEmpty() ? ExitCode.CONTENT_ERRORS : ExitCode.OK;
  }

  private static String message(LinkChecker.Failure f) {
    String fix =
        f.address().field().equals("archive_url")
            ? "replace it with a preserved copy that opens"
            : "find the source's new address, or add archive_url with a preserved copy";
    return f.address().field() + " " + f.address().url() + " " + f.reason() + "; " + fix;
  }
}
