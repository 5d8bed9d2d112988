package io.aiosim.golden;

import java.util.List;
import java.util.Map;

/** What running one workflow file gave: its report, or the reasons it could not run. */
public sealed interface RunAttempt {
  /** The workflow ran: its report's JSON text and its {@code expect:} block (or null). */
  record Ran(String report, Map<String, Object> expect) implements RunAttempt {}

  /** The file is not a valid workflow: its diagnostics, each rendered for a person. */
  record Invalid(List<String> diagnostics) implements RunAttempt {
    public Invalid {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}
