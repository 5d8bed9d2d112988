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
  RunAttempt run(Path workflow) throws IOException;
}
