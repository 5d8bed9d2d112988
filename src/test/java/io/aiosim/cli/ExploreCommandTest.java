package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore}, and the schedule token on {@code run} and {@code export} (SPEC 9). */
class ExploreCommandTest {
  private static final String FOLDER = "workflows/explore/";
  private static final String DEPENDENT = FOLDER + "timeout-equals-delay-wait.yaml";
  private static final String ROBUST = FOLDER + "gather-simultaneous-results.yaml";
  private static final String NO_TIES = "workflows/seed/gather-handle-exception.yaml";

  @TempDir Path tmp;

  @Test
  void textSaysTheVerdictEachOutcomeAndWhereItParts() {
    Cli r = Cli.run("explore", DEPENDENT);
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            DEPENDENT + ": order-dependent, 2 outcomes (exhaustive: 2 schedules, 1 tie)\n"
                + "  outcome 1, the default (FIFO at every tie, s1:): 1 schedule\n"
                + "    main returned {\"done\": [\"fast\"], \"pending\": [\"slow\"]} at 0.1 s\n"
                + "  outcome 2: 1 schedule, e.g. --schedule s1:1=1.0\n"
                + "    main: returned {\"done\": [\"fast\"], \"pending\": [\"slow\"]} at 0.1 s  ->  returned"
                + " {\"done\": [\"slow\", \"fast\"], \"pending\": []} at 0.1 s\n"
                + "    at tie 1 (0.1 s): ran sleep of slow, wait timeout of main; FIFO runs wait timeout of main,"
                + " sleep of slow\n");
  }

  @Test
  void strictFailsOnlyAnOrderDependentWorkflow() {
    assertThat(Cli.run("explore", "--strict", ROBUST, NO_TIES).status()).isZero();
    Cli r = Cli.run("explore", "--strict", ROBUST, DEPENDENT);
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out())
        .startsWith(ROBUST + ": order-robust (exhaustive: 6 schedules, 1 tie)\n  one outcome: main returned [1, 2, 3] at 0.1 s\n\n"
            + DEPENDENT + ": order-dependent");
  }

  @Test
  void aWorkflowWithoutTiesIsOneExhaustiveRun() {
    Cli r = Cli.run("explore", "--format", "json", NO_TIES);
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .startsWith("{\n  \"workflow\": \"gather-handle-exception\",\n  \"file\": \"" + NO_TIES + "\",\n"
            + "  \"verdict\": \"exhaustive\",\n  \"budget\": 10000,\n  \"schedules\": 1,\n  \"ties\": 0,\n"
            + "  \"order_dependent\": false,\n  \"outcomes\": [\n    {\"count\": 1, \"schedule\": \"s1:\", \"outcome\": ");
  }

  @Test
  void theBudgetIsAtLeastOneAndStopsTheSearch() {
    Cli r = Cli.run("explore", "--budget", "2", ROBUST);
    assertThat(r.out()).startsWith(ROBUST + ": no order dependence found before the budget (--budget 2) (budget: 2 schedules, 1 tie)");
    Cli zero = Cli.run("explore", "--budget", "0", ROBUST);
    assertThat(zero.status()).isEqualTo(2);
    assertThat(zero.err()).contains("--budget must be at least 1, got 0");
  }

  @Test
  void pythonChoosesTheAsyncioExplored() {
    String file = "workflows/versions/outside-cancel-meets-failure.yaml"; // gh-116720: 3.13 re-cancels the group
    Cli v312 = Cli.run("explore", "--python", "3.12", file);
    Cli v313 = Cli.run("explore", "--python", "3.13", file);
    assertThat(v312.out()).contains("main raised ExceptionGroup: unhandled errors in a TaskGroup [KeyError: index,"
        + " ExceptionGroup: unhandled errors in a TaskGroup [ConnectionError: upload-a refused]] at 0.9 s");
    assertThat(v313.out()).contains("main raised ExceptionGroup: unhandled errors in a TaskGroup [KeyError: index] at 0.4 s");
    Cli unknown = Cli.run("explore", "--python", "2", file);
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown Python version '2'; supported: 3.11, 3.12 or 3.13");
  }

  @Test
  void anInvalidFileExploresNothing() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "version: 1\nstrategy: {kind: gather}\ntasks:\n  - {name: a, delay: -1}\n");
    Cli r = Cli.run("explore", ROBUST, bad.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith(bad + ":4:");
  }

  @Test
  void runReplaysAWitnessAndTheReportNamesIt() {
    Cli r = Cli.run("run", "--schedule", "s1:1=1.0", DEPENDENT);
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("  \"python\": \"3.12\",\n  \"schedule\": \"s1:1=1.0\",\n  \"outcome\": ")
        .contains("\"value\": {\"done\": [\"slow\", \"fast\"], \"pending\": []}");
    assertThat(Cli.run("run", "--schedule", "s1:", DEPENDENT).out()).isEqualTo(Cli.run("run", DEPENDENT).out());
    assertThat(Cli.run("run", "--schedule", "s1:1=1.0", "--format", "text", DEPENDENT).out())
        .startsWith("# timeout-equals-delay-wait: wait, virtual clock, schedule s1:1=1.0\n");
    assertThat(Cli.run("run", "--schedule", "s1:1=1.0", "--format", "timeline", DEPENDENT).out())
        .contains(", virtual clock, schedule s1:1=1.0, finished at 0.1 s\n");
  }

  @Test
  void aMalformedOrForeignTokenIsACommandLineError() {
    for (String[] c :
        new String[][] {
          {"s1:1=0.1", "tie 1: 0.1 is the default (FIFO) order"},
          {"s2:1=1.0", "notation s2, and this aiosim reads only s1"},
          {"fifo", "a schedule token starts with s1:"},
        }) {
      for (String command : new String[] {"run", "export"}) {
        Cli r = command.equals("run")
            ? Cli.run("run", "--schedule", c[0], DEPENDENT)
            : Cli.run("export", "--python", DEPENDENT, "--schedule", c[0]);
        assertThat(r.status()).as("%s %s", command, c[0]).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(c[1]).doesNotContain("Exception");
      }
    }
  }

  @Test
  void aTokenThatDoesNotFitTheWorkflowSaysSo() {
    Cli run = Cli.run("run", "--schedule", "s1:1=1.0,2=1.0", DEPENDENT);
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("schedule s1:1=1.0,2=1.0 does not fit this workflow: it orders tie 2, but the run meets only 1 tie")
        .doesNotContain("Exception");
    Cli export = Cli.run("export", "--python", DEPENDENT, "--schedule", "s1:1=2.1.0");
    assertThat(export.status()).isEqualTo(2);
    assertThat(export.out()).isEmpty();
    assertThat(export.err()).contains("tie 1 (at 0.1 s) has 2 timers, the token orders 3");
  }

  @Test
  void aScheduleNeedsTheVirtualClock() {
    Cli r = Cli.run("run", "--clock", "real", "--schedule", "s1:1=1.0", DEPENDENT);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--schedule orders the ties of the virtual clock");
  }

  @Test
  void exportWritesTheTokenAndTheTieOrdersIntoTheProgram() {
    Cli r = Cli.run("export", "--python", DEPENDENT, "--schedule", "s1:1=1.0");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains(", \"s1:1=1.0\", {1: (1, 0)}):\n");
    assertThat(Cli.run("export", "--python", DEPENDENT).out()).doesNotContain("s1:");
  }
}
