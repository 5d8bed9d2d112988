package io.aiosim.junit;

import io.aiosim.Aiosim;
import io.aiosim.golden.GoldenCheck;
import io.aiosim.golden.Scenario;
import io.aiosim.golden.Verdict;
import io.aiosim.golden.WorkflowFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a folder of workflows as JUnit 5 dynamic tests, one per workflow: run it, check its
 * {@code expect:} block, compare its report with the golden beside it, and fail with the same
 * explanation {@code aiosim test} prints.
 *
 * {@snippet :
 * class ScenarioTest {
 *   @TestFactory
 *   Stream<DynamicTest> workflows() {
 *     return WorkflowTests.from(Path.of("src/test/workflows"));
 *   }
 * }
 * }
 *
 * A workflow without a golden fails, leaving {@code NAME.golden.json.new} to review (rename it,
 * or run {@code aiosim test --accept}). With the system property {@code aiosim.update=true}
 * goldens are rewritten instead, as {@code aiosim test --update} does.
 */
public final class WorkflowTests {
  /** The system property that turns on update mode. */
  public static final String UPDATE_PROPERTY = "aiosim.update";

  private WorkflowTests() {}

  /** One test per workflow file found below {@code dir} (recursively, in path order). */
  public static Stream<DynamicTest> from(Path dir) {
    WorkflowFiles.Found found = WorkflowFiles.find(List.of(dir));
    if (!found.problems().isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", found.problems()));
    }
    // A test run has no one to review a pending golden: a missing golden is a failure, as on CI.
    GoldenCheck.Mode mode = new GoldenCheck.Mode(Boolean.getBoolean(UPDATE_PROPERTY), true);
    return found.sources().stream()
        .map(
            source ->
                DynamicTest.dynamicTest(
                    source.relative().toString(),
                    source.file().toUri(),
                    () -> check(new Scenario(source.file()), mode)));
  }

  private static void check(Scenario scenario, GoldenCheck.Mode mode) {
    Verdict v = GoldenCheck.check(scenario, Aiosim.scenarioRunner(), mode);
    if (v.failed()) {
      StringBuilder sb = new StringBuilder();
      sb.append(v.status()).append("  ").append(scenario.workflow());
      if (v.note() != null) {
        sb.append("  (").append(v.note()).append(')');
      }
      for (String line : v.details()) {
        sb.append("\n      ").append(line.replace("\n", "\n      "));
      }
      Assertions.fail(sb.toString());
    }
  }
}
