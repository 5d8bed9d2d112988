package io.aiosim.junit;

import io.aiosim.Aiosim;
import io.aiosim.golden.ContinuousIntegration;
import io.aiosim.golden.GoldenCheck;
import io.aiosim.golden.Scenario;
import io.aiosim.golden.Verdict;
import io.aiosim.golden.WorkflowFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a folder of workflows as JUnit 5 dynamic tests, one per workflow (and one more per Python
 * version with a golden of its own, {@code NAME.3.13.golden.json}): run it, check its {@code
 * expect:} block, compare its report with the golden beside it, and fail with the same
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
 * The rules are {@code aiosim test}'s. A workflow without a golden leaves {@code
 * NAME.golden.json.new} to review (rename it, or run {@code aiosim test --accept}); its test is
 * aborted (reported as skipped, with that reason), and fails on CI: when the {@code CI}
 * environment variable is set to anything but empty, {@code 0} or {@code false}. A passing
 * workflow's leftover {@code .new} is removed, and the removal printed. With the system
 * property {@code aiosim.update=true} goldens are rewritten instead, as {@code aiosim test
 * --update} does.
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
    GoldenCheck.Mode mode =
        new GoldenCheck.Mode(
            Boolean.getBoolean(UPDATE_PROPERTY), false, false, ContinuousIntegration.detected());
    Map<Path, Path> relative = new HashMap<>();
    found.sources().forEach(source -> relative.put(source.file(), source.relative()));
    return Aiosim.scenarios(found.sources().stream().map(WorkflowFiles.Source::file).toList()).stream()
        .map(
            scenario ->
                DynamicTest.dynamicTest(
                    relative.get(scenario.workflow()) + (scenario.python() == null ? "" : " [python " + scenario.python() + "]"),
                    scenario.workflow().toUri(),
                    () -> check(scenario, mode)));
  }

  private static void check(Scenario scenario, GoldenCheck.Mode mode) {
    Verdict v = GoldenCheck.check(scenario, Aiosim.scenarioRunner(), mode);
    String text = String.join("\n", v.lines());
    if (v.failed()) {
      Assertions.fail(text);
    }
    // A pending golden is neither passed nor (off CI) failed: JUnit's word for that is aborted.
    Assumptions.assumeFalse(v.pending(), text);
    if (v.note() != null) {
      System.out.println(text); // a removed stale .new, an updated golden: worth a line in the log
    }
  }
}
