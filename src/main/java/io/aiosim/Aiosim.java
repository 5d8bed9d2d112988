package io.aiosim;

import io.aiosim.dsl.Diagnostic;
import io.aiosim.dsl.PythonVersion;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.engine.ClockKind;
import io.aiosim.explore.Exploration;
import io.aiosim.explore.Explorer;
import io.aiosim.run.Simulation;
import io.aiosim.golden.RunAttempt;
import io.aiosim.golden.Scenario;
import io.aiosim.golden.ScenarioRunner;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The library API: read a workflow, run it, get its report as a {@link RunResult} or as the
 * JSON text the command line prints (SPEC section 6).
 *
 * {@snippet :
 * RunResult result = Aiosim.run(Path.of("workflows/seed/gather-basic.yaml"));
 * System.out.println(result.outcome());
 * String json = Aiosim.runToJson(Path.of("workflows/seed/gather-basic.yaml"));
 * // Python 3.13's asyncio instead of the workflow's own (SPEC section 8):
 * RunResult on313 = Aiosim.run(Path.of("workflows/seed/gather-basic.yaml"), PythonVersion.V3_13);
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

  /** Runs a loaded workflow on the virtual clock, modelling {@code python}'s asyncio (SPEC 8). */
  public static RunResult run(Workflow workflow, PythonVersion python) {
    return Simulation.run(workflow, ClockKind.VIRTUAL, Simulation.Options.DEFAULT.withPython(python));
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

  /** Reads and runs {@code file} on the virtual clock, modelling {@code python}'s asyncio. */
  public static RunResult run(Path file, PythonVersion python) throws InvalidWorkflowException {
    return run(load(file), python);
  }

  /** The report of {@code file} as JSON text, byte for byte what {@code aiosim run} prints. */
  public static String runToJson(Path file) throws InvalidWorkflowException {
    return toJson(run(file));
  }

  public static String toJson(RunResult result) {
    return ReportWriter.toJson(result);
  }

  /**
   * What {@code aiosim test} and {@code WorkflowTests} run: virtual clock, rendered diagnostics,
   * each workflow under its own Python version or the one a scenario names.
   */
  public static ScenarioRunner scenarioRunner() {
    return new ScenarioRunner() {
      @Override
      public RunAttempt run(Path file) {
        return run(file, null);
      }

      @Override
      public RunAttempt run(Path file, String python) {
        WorkflowReader.Loaded loaded = read(file);
        if (loaded.workflow() == null) {
          return new RunAttempt.Invalid(loaded.rendered());
        }
        Workflow wf = loaded.workflow();
        PythonVersion version =
            python == null
                ? null
                : PythonVersion.parse(python)
                    .orElseThrow(() -> new IllegalArgumentException("no Python version " + python));
        try {
          return new RunAttempt.Ran(
              toJson(Aiosim.run(wf, wf.pythonOr(version))), wf.expect(), wf.pythonOr(null).key());
        } catch (Simulation.RunStopped e) {
          return new RunAttempt.Invalid(List.of(e.in(file.toString()).getMessage()));
        }
      }
    };
  }

  /**
   * What {@code aiosim test} checks of each workflow file, in order: its report under its own
   * Python version ({@code NAME.golden.json}), and under each supported version with a golden of
   * its own beside it ({@code NAME.3.13.golden.json}).
   */
  public static List<Scenario> scenarios(List<Path> workflows) {
    Map<Path, Map<String, List<String>>> folders = new HashMap<>();
    List<Scenario> out = new ArrayList<>();
    for (Path workflow : workflows) {
      out.add(new Scenario(workflow));
      for (String version : folders.computeIfAbsent(Scenario.folder(workflow), Scenario::versionGoldens)
          .getOrDefault(workflow.getFileName().toString(), List.of())) {
        if (PythonVersion.parse(version).isPresent()) {
          out.add(new Scenario(workflow, version));
        }
      }
    }
    return out;
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
