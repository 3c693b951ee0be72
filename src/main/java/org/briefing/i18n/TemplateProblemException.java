package org.briefing.i18n;

import java.util.List;
import org.briefing.content.Problem;

/**
 * The templates folder (not the content) is broken: a template that does not parse, a string
 * missing from strings.yaml. Reported like content problems, but it is the site maintainer's to
 * fix, not an editor's.
 */
public final class TemplateProblemException extends RuntimeException {

  private final transient List<Problem> problems;

  public TemplateProblemException(List<Problem> problems) {
    super(problems.isEmpty() ? "template problem" : problems.get(0).format());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
