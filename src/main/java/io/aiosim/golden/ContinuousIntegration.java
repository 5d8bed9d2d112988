package io.aiosim.golden;

import java.util.Locale;

/**
 * Whether this run is on CI, read from the {@code CI} environment variable that CI systems set
 * (GitHub Actions, GitLab, Travis, CircleCI: {@code true}; some: {@code 1}). One rule for the
 * command line and the JUnit helper: set to anything but empty, {@code 0} or {@code false}
 * (any case), so that {@code CI=false} or an exported empty {@code CI=} turns it off.
 */
public final class ContinuousIntegration {
  private ContinuousIntegration() {}

  /** The rule applied to this process's {@code CI} variable. */
  public static boolean detected() {
    return detected(System.getenv("CI"));
  }

  /** The rule applied to a value of {@code CI} (null: unset). */
  public static boolean detected(String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    return !v.isEmpty() && !v.equals("0") && !v.equals("false");
  }
}
