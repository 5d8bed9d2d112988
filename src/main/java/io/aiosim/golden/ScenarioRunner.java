package io.aiosim.golden;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs one workflow file to its report. The golden checks see the engine only through this,
 * so they are tested with hand-written reports; {@code io.aiosim.Aiosim#scenarioRunner()} is
 * the real one.
 */
@FunctionalInterface
public interface ScenarioRunner {
  /** Runs the workflow under its own Python version. */
  RunAttempt run(Path workflow) throws IOException;

  /**
   * Runs the workflow modelling {@code python} ({@code "3.13"}), or under its own version when
   * null. A runner that knows one version only refuses the others.
   */
  default RunAttempt run(Path workflow, String python) throws IOException {
    if (python != null) {
      throw new UnsupportedOperationException("this runner runs each workflow under its own Python version only");
    }
    return run(workflow);
  }
}
