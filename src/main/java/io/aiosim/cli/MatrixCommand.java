package io.aiosim.cli;

import io.aiosim.Aiosim;
import io.aiosim.dsl.Workflow;
import io.aiosim.engine.ClockKind;
import io.aiosim.matrix.Library;
import io.aiosim.matrix.Matrix;
import io.aiosim.matrix.MatrixHtml;
import io.aiosim.matrix.MatrixJson;
import io.aiosim.matrix.MatrixMarkdown;
import io.aiosim.report.RunResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aiosim matrix [DIR]}: the seed's table of asyncio's methods, recomputed from runs. Every
 * option that changes how a scenario runs belongs in {@link #run}, the one place the cells run.
 */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    description = {
      "Recomputes the table of asyncio's ways to run tasks from runs.",
      "Columns: create_task, TaskGroup, gather, as_completed, wait; rows: what you want done. Each cell runs its"
          + " scenario, and the row's condition decides ✓ or -.",
      "Without DIR it uses the library inside aiosim (the repository's workflows/matrix/)."
    },
    footerHeading = "%nExit status:%n",
    footer = {"  0  ok", "  2  invalid input (the table, a scenario, or the command line)", "  3  internal error"})
final class MatrixCommand implements Callable<Integer> {
  /** Output formats, spelt as on the command line. */
  enum Format {
    markdown,
    json,
    html
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "A matrix library: table.json and one COLUMN-ROW.yaml scenario per cell.")
  Path dir;

  @Option(names = "--format", paramLabel = "FORMAT", description = "markdown (default), json or html (one self-contained page).")
  Format format = Format.markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (dir != null && !Files.isDirectory(dir)) {
      err.println("aiosim matrix: " + dir + ": no such folder");
      err.flush();
      return ExitCode.INVALID_INPUT.code();
    }
    Library library = dir == null ? new Library.Bundled() : new Library.Folder(dir);
    Matrix.Computed computed = Matrix.compute(library, this::run);
    if (computed.result() == null) {
      computed.problems().forEach(err::println);
      err.flush();
      return ExitCode.INVALID_INPUT.code();
    }
    switch (format) {
      case markdown -> MatrixMarkdown.write(computed.result(), out);
      case json -> MatrixJson.write(computed.result(), out);
      case html -> MatrixHtml.write(computed.result(), out);
    }
    return ExitCode.OK.code();
  }

  /** How each cell runs: the virtual clock, so that the table is the same every time. */
  private RunResult run(Workflow workflow) {
    return Aiosim.run(workflow, ClockKind.VIRTUAL);
  }
}
