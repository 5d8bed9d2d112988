package io.aiosim.conformance;

import io.aiosim.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** The runner's side of a differential test: {@code aiosim run FILE}, in process. */
final class Runner {
  private Runner() {}

  /** What {@code aiosim run} printed for a file, or why there is nothing to compare. */
  record Result(String report, String unavailable) {}

  static Result run(Path workflowFile) {
    try {
      Class.forName("io.aiosim.engine.Simulation");
    } catch (ClassNotFoundException e) {
      return new Result(null, "the engine (io.aiosim.engine.Simulation) is not on this branch yet");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.execute(
            new String[] {"run", workflowFile.toString()}, new PrintWriter(out), new PrintWriter(err));
    if (status == 0) {
      return new Result(out.toString(), null);
    }
    throw new IllegalStateException(
        "aiosim run " + workflowFile + " exited " + status + ":\n" + err + out);
  }
}
