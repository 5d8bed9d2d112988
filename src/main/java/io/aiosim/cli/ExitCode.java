package io.aiosim.cli;

/** Every exit status of the tool, named once (gojq's iota, jlox's sysexits). */
public enum ExitCode {
  /** Everything ran (and, for {@code test}, passed). */
  OK(0),
  /** {@code test}: at least one scenario failed. */
  TEST_FAILURES(1),
  /** {@code versions}: at least one workflow behaves differently under another Python version. */
  VERSIONS_DIFFER(1),
  /** {@code explore --strict}: at least one workflow's outcome depends on the order of a tie. */
  ORDER_DEPENDENT(1),
  /**
   * A workflow file or the command line is invalid, or a file or folder cannot be read or
   * written; nothing was run from an invalid file.
   */
  INVALID_INPUT(2),
  /** A bug in the runner: an invariant broke. */
  INTERNAL_ERROR(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
