package io.aiosim.cli;

import io.aiosim.dsl.WorkflowReader;
import io.aiosim.export.PythonExporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aiosim export --python FILE}: prints the workflow as the plain asyncio program it means
 * (SPEC 5's reference loop included), which prints the same report under Python 3.12.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a workflow as an equivalent Python asyncio program.",
      "The program needs only Python 3.12's standard library and prints the report that"
          + " `aiosim run` prints for the workflow."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--python",
      required = true,
      paramLabel = "FILE",
      description = "The workflow file to export as Python (the only target so far).")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WorkflowReader.Loaded loaded = WorkflowReader.read(file);
    if (loaded.workflow() == null) {
      loaded.rendered().forEach(err::println);
      err.flush();
      return ExitCode.INVALID_INPUT.code();
    }
    out.print(PythonExporter.export(loaded.workflow()));
    out.flush();
    return ExitCode.OK.code();
  }
}
