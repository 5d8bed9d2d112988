package io.aiosim.conformance;

import io.aiosim.dsl.PythonVersion;
import io.aiosim.dsl.Workflow;
import io.aiosim.engine.ClockKind;
import io.aiosim.run.Simulation;
import io.aiosim.report.ReportWriter;

/** The runner's side of a differential test: the engine's report on the virtual clock. */
final class Runner {
  private Runner() {}

  static String report(Workflow wf) {
    return ReportWriter.toJson(Simulation.run(wf, ClockKind.VIRTUAL));
  }

  /** The report modelling {@code python}, whatever the workflow pins. */
  static String report(Workflow wf, PythonVersion python) {
    return ReportWriter.toJson(Simulation.run(wf, ClockKind.VIRTUAL, Simulation.Options.DEFAULT.withPython(python)));
  }
}
