package org.briefing.cli;

/** The program's exit statuses, named so scripts and CI can rely on them. */
public enum ExitCode {
  /** The site was built, or the content checked, without a problem. */
  OK(0),
  /** The content has problems; they were printed and nothing was written. */
  CONTENT_ERRORS(1),
  /** The command line was wrong; the usage was printed. */
  USAGE(2),
  /** The templates or the disk failed: a maintainer's problem, not an editor's. */
  INTERNAL(3),
  /**
   * SIGINT (Ctrl-C) or SIGTERM stopped a build: its staging folder was removed and the last site is
   * unchanged.
   */
  INTERRUPTED(4);

  private final int status;

  ExitCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
