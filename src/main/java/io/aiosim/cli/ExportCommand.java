package io.aiosim.cli;

import io.aiosim.dsl.WorkflowReader;
import io.aiosim.engine.ClockKind;
import io.aiosim.export.PythonExporter;
import io.aiosim.dsl.Limits;
import io.aiosim.dsl.TerminalText;
import io.aiosim.run.Simulation;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aiosim export --python FILE|-}: prints the workflow as the plain asyncio program it
 * means (SPEC 5's reference loop included), which prints the same report under Python 3.12.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a workflow as an equivalent Python asyncio program.",
      "The program needs only Python 3.12's standard library and prints the report that `aiosim run` prints for"
          + " the workflow (docs/spec.md, section 5: the reference loop)."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Standard input for {@code -}; {@link Main} injects it. */
  InputStream stdin = System.in;

  @Option(
      names = "--python",
      required = true,
      paramLabel = "FILE|-",
      description = "The workflow file to export as Python (the only target so far); - reads standard input.")
  String file;

  @Mixin ScheduleOption scheduleOption;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WorkflowReader.Loaded loaded;
    if (file.equals("-")) {
      loaded = WorkflowReader.read("<stdin>", stdin, Limits.DEFAULT);
    } else {
      Path path = Path.of(file);
      if (Files.isDirectory(path) || !Files.exists(path)) {
        err.println(TerminalText.escape(file) + (Files.isDirectory(path) ? ": is a folder, expected a workflow file" : ": no such file or folder"));
        return ExitCode.INVALID_INPUT.code();
      }
      loaded = WorkflowReader.read(path); // once: a pipe such as <(...) works too
    }
    if (loaded.workflow() == null) {
      loaded.rendered().forEach(err::println);
      err.flush();
      return ExitCode.INVALID_INPUT.code();
    }
    if (!scheduleOption.schedule.isDefault()) {
      try { // one run finds a token that does not fit (SPEC 9), before any program is printed
        Simulation.run(loaded.workflow(), ClockKind.VIRTUAL, new Simulation.Options(false, scheduleOption.schedule));
      } catch (Simulation.RunStopped e) {
        err.println("aiosim export: " + file + ": " + e.getMessage());
        err.flush();
        return ExitCode.INVALID_INPUT.code();
      }
    }
    out.print(PythonExporter.export(loaded.workflow(), scheduleOption.schedule));
    out.flush();
    return ExitCode.OK.code();
  }
}
