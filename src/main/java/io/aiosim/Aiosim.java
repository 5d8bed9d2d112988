package io.aiosim;

import io.aiosim.dsl.Diagnostic;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.engine.ClockKind;
import io.aiosim.explore.Exploration;
import io.aiosim.explore.Explorer;
import io.aiosim.run.Simulation;
import io.aiosim.golden.RunAttempt;
import io.aiosim.golden.ScenarioRunner;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.RunResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The library API: read a workflow, run it, get its report as a {@link RunResult} or as the
 * JSON text the command line prints (SPEC section 6).
 *
 * {@snippet :
 * RunResult result = Aiosim.run(Path.of("workflows/seed/gather-basic.yaml"));
 * System.out.println(result.outcome());
 * String json = Aiosim.runToJson(Path.of("workflows/seed/gather-basic.yaml"));
 * }
 *
 * An invalid file is reported with every problem and its position: as a value by
 * {@link #read}, or as an {@link InvalidWorkflowException} by the shortcuts that run it.
 */
public final class Aiosim {
  private Aiosim() {}

  /** The workflow in {@code file}, or its diagnostics; never throws for a bad file. */
  public static WorkflowReader.Loaded read(Path file) {
    return WorkflowReader.read(file);
  }

  /** Runs a loaded workflow on the virtual clock. */
  public static RunResult run(Workflow workflow) {
    return Simulation.run(workflow, ClockKind.VIRTUAL);
  }

  public static RunResult run(Workflow workflow, ClockKind clock) {
    return Simulation.run(workflow, clock);
  }

  /** As {@link #run(Workflow, ClockKind)}; {@code options} can leave the event list out. */
  public static RunResult run(Workflow workflow, ClockKind clock, Simulation.Options options) {
    return Simulation.run(workflow, clock, options);
  }

  /**
   * Runs the workflow under every order of its ties (timers due at one instant, SPEC 9), at
   * most {@code budget} schedules, and groups the runs by outcome, as {@code aiosim explore}.
   */
  public static Exploration explore(Workflow workflow, int budget) {
    return Explorer.explore(workflow, budget);
  }

  /** Reads and runs {@code file} on the virtual clock. */
  public static RunResult run(Path file) throws InvalidWorkflowException {
    return run(load(file));
  }

  /** The report of {@code file} as JSON text, byte for byte what {@code aiosim run} prints. */
  public static String runToJson(Path file) throws InvalidWorkflowException {
    return toJson(run(file));
  }

  public static String toJson(RunResult result) {
    return ReportWriter.toJson(result);
  }

  /** What {@code aiosim test} and {@code WorkflowTests} run: virtual clock, rendered diagnostics. */
  public static ScenarioRunner scenarioRunner() {
    return file -> {
      WorkflowReader.Loaded loaded = read(file);
      if (loaded.workflow() == null) {
        return new RunAttempt.Invalid(loaded.rendered());
      }
      try {
        return new RunAttempt.Ran(toJson(run(loaded.workflow())), loaded.workflow().expect());
      } catch (Simulation.RunStopped e) {
        return new RunAttempt.Invalid(List.of(e.in(file.toString()).getMessage()));
      }
    };
  }

  private static Workflow load(Path file) throws InvalidWorkflowException {
    WorkflowReader.Loaded loaded = read(file);
    if (loaded.workflow() == null) {
      throw new InvalidWorkflowException(loaded.diagnostics(), loaded.rendered());
    }
    return loaded.workflow();
  }

  /** A workflow file with problems; {@link #diagnostics()} has them all, with positions. */
  public static final class InvalidWorkflowException extends Exception {
    private final transient List<Diagnostic> diagnostics;

    InvalidWorkflowException(List<Diagnostic> diagnostics, List<String> rendered) {
      super(String.join("\n", rendered));
      this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
      return diagnostics;
    }
  }
}
