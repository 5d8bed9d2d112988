package io.aiosim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aiosim.Aiosim;
import io.aiosim.golden.ContinuousIntegration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The JUnit helper keeps {@code aiosim test}'s rules: pending goldens, stale files, CI. */
class WorkflowTestsTest {
  private static final Path SEED = Path.of("workflows/seed/gather-basic.yaml");

  @TempDir Path dir;

  @Test
  void aMissingGoldenIsAbortedOffCiAndFailedOnCiLeavingItsNewFile() throws Exception {
    Files.copy(SEED, dir.resolve("x.yaml"));
    List<DynamicTest> tests = WorkflowTests.from(dir).toList();
    assertThat(tests).hasSize(1);
    // The rule is the CLI's, read from this process's CI variable.
    Class<? extends Throwable> expected =
        ContinuousIntegration.detected() ? AssertionFailedError.class : TestAbortedException.class;
    assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
        .isInstanceOf(expected)
        .hasMessageContaining("NEW   " + dir.resolve("x.yaml") + "  (wrote x.golden.json.new");
    assertThat(dir.resolve("x.golden.json.new")).hasContent(Aiosim.runToJson(SEED));
  }

  @Test
  void aPassingWorkflowsStaleNewIsRemoved() throws Throwable {
    Files.copy(SEED, dir.resolve("x.yaml"));
    Files.writeString(dir.resolve("x.golden.json"), Aiosim.runToJson(SEED));
    Files.writeString(dir.resolve("x.golden.json.new"), "an old review\n");
    WorkflowTests.from(dir).toList().get(0).getExecutable().execute();
    assertThat(dir.resolve("x.golden.json.new")).doesNotExist();
    assertThat(dir.resolve("x.golden.json")).hasContent(Aiosim.runToJson(SEED));
  }

  @Test
  void aDifferentGoldenFailsWithTheExplanation() throws Exception {
    Files.copy(SEED, dir.resolve("x.yaml"));
    Files.writeString(dir.resolve("x.golden.json"), Aiosim.runToJson(SEED).replace("\"virtual\"", "\"real\""));
    assertThatThrownBy(() -> WorkflowTests.from(dir).toList().get(0).getExecutable().execute())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("$.clock: expected \"real\", got \"virtual\"");
  }
}
