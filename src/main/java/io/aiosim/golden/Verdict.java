package io.aiosim.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of checking one scenario.
 *
 * @param status the word printed for it
 * @param pending a {@code .new} golden waits for review ({@code --accept})
 * @param failed whether it counts as a failure (a pending {@code NEW} does on CI)
 * @param internal whether the runner itself broke (exit status 3)
 * @param note a short remark after the name, or null
 * @param details the lines explaining a failure (diagnostics, differences), or none
 * @param nanos how long the check took, for JUnit XML
 */
public record Verdict(
    Scenario scenario,
    Status status,
    boolean pending,
    boolean failed,
    boolean internal,
    String note,
    List<String> details,
    long nanos) {

  public enum Status {
    PASS,
    FAIL,
    NEW
  }

  public Verdict {
    details = List.copyOf(details);
  }

  /**
   * What {@code aiosim test} prints for it: {@code STATUS  workflow  (note)}, then each detail
   * line indented.
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(String.format("%-4s  %s", status, scenario.label()) + (note == null ? "" : "  (" + note + ")"));
    for (String detail : details) {
      for (String line : detail.split("\n", -1)) {
        out.add(("      " + line).stripTrailing());
      }
    }
    return out;
  }

  /** Counted as "passed" in the closing line: a pending golden is neither passed nor (off CI) failed. */
  public boolean passed() {
    return !failed && !pending;
  }
}
