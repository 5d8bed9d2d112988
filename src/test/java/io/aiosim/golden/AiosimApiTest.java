package io.aiosim.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aiosim.Aiosim;
import io.aiosim.report.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiosimApiTest {
  private static final Path GATHER = Path.of("workflows/seed/gather-handle-exception.yaml");

  @TempDir Path tmp;

  @Test
  void runGivesTheReportAndItsJson() throws Exception {
    RunResult r = Aiosim.run(GATHER);
    assertThat(r.workflow()).isEqualTo("gather-handle-exception");
    assertThat(r.outcome().returned()).isFalse();
    assertThat(Aiosim.runToJson(GATHER)).isEqualTo(Files.readString(new Scenario(GATHER).golden()));
  }

  @Test
  void anInvalidFileIsAnExceptionCarryingEveryDiagnostic() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "version: 2\nstrategy: {kind: gather}\ntasks: []\nextra: 1\n");
    assertThatThrownBy(() -> Aiosim.run(bad))
        .isInstanceOfSatisfying(
            Aiosim.InvalidWorkflowException.class,
            e -> {
              assertThat(e.diagnostics()).hasSizeGreaterThanOrEqualTo(2);
              assertThat(e.getMessage()).startsWith(bad + ":1:").contains("\nversion: 2\n");
            });
    assertThat(Aiosim.read(bad).workflow()).isNull();
  }

  @Test
  void theScenarioRunnerRendersDiagnosticsAndKeepsExpect() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "version: 1\nstrategy: {kind: nope}\ntasks: [{name: a}]\n");
    assertThat(Aiosim.scenarioRunner().run(bad))
        .isInstanceOfSatisfying(RunAttempt.Invalid.class, i -> assertThat(i.diagnostics().getFirst()).contains("\n").contains("^"));
    Path ok = tmp.resolve("ok.yaml");
    Files.writeString(ok, Files.readString(GATHER) + "expect: {outcome: {status: raised}}\n");
    assertThat(Aiosim.scenarioRunner().run(ok))
        .isInstanceOfSatisfying(RunAttempt.Ran.class, r -> assertThat(r.expect()).containsKey("outcome"));
  }
}
