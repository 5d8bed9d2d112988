package io.aiosim.golden;

import java.util.List;
import java.util.Map;

/** What running one workflow file gave: its report, or the reasons it could not run. */
public sealed interface RunAttempt {
  /**
   * The workflow ran: its report's JSON text and its {@code expect:} block (or null).
   *
   * @param ownPython the workflow's own Python version ({@code "3.12"}: its {@code python:} key,
   *     else the default), whose golden is {@code x.golden.json}; null when the runner does not
   *     tell, and then every other version has a golden of its own
   */
  record Ran(String report, Map<String, Object> expect, String ownPython) implements RunAttempt {
    public Ran(String report, Map<String, Object> expect) {
      this(report, expect, null);
    }
  }

  /** The file is not a valid workflow: its diagnostics, each rendered for a person. */
  record Invalid(List<String> diagnostics) implements RunAttempt {
    public Invalid {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}
