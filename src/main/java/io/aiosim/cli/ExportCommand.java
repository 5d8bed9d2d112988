package io.aiosim.cli;

import io.aiosim.dsl.PythonVersion;
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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aiosim export --python [VERSION] FILE|-}: prints the workflow as the plain asyncio
 * program it means (SPEC 5's reference loop included), which prints the report of the CPython
 * running it: the report {@code aiosim run --python X.Y} prints, under CPython X.Y (SPEC 8).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    // picocli draws an option of one or two values as a repeatable pair of brackets; say it plainly
    customSynopsis = "aiosim export [-hV] [--schedule=TOKEN] --python [VERSION] FILE|-",
    description = {
      "Prints a workflow as an equivalent Python asyncio program.",
      "The program needs only the standard library of CPython 3.11 or later, and prints the report that",
      "`aiosim run --python X.Y` prints for the workflow when CPython X.Y runs it (docs/spec.md, sections 5 and 8).",
      "VERSION (default: the workflow's python: key, else 3.12) is the one it is meant for: its header says so,",
      "and another interpreter running it notes that on standard error."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Standard input for {@code -}; {@link Main} injects it. */
  InputStream stdin = System.in;

  @Option(
      names = "--python",
      required = true,
      arity = "1..2",
      paramLabel = "[VERSION] FILE|-",
      hideParamSyntax = true,
      description =
          "Export as Python (the only target so far), for Python VERSION (3.11, 3.12, 3.13), the workflow FILE;"
              + " - reads standard input.")
  List<String> python;

  @Mixin ScheduleOption scheduleOption;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PythonVersion version = null;
    // --python given twice: picocli gathers every value into one list (two files look like a pair)
    boolean twoFiles =
        python.size() == 2 && PythonVersion.parse(python.get(0)).isEmpty() && Files.exists(Path.of(python.get(0)));
    if (python.size() > 2 || twoFiles) {
      err.println("aiosim export: --python: give it once, as --python [VERSION] FILE (it exports one workflow)");
      return ExitCode.INVALID_INPUT.code();
    }
    String file = python.get(python.size() - 1);
    if (python.size() == 2) {
      version = PythonVersion.parse(python.get(0)).orElse(null);
      if (version == null) {
        err.println(
            "aiosim export: --python: unknown Python version '" + TerminalText.escape(python.get(0)) + "'; supported: "
                + PythonVersion.supported());
        return ExitCode.INVALID_INPUT.code();
      }
    } else if (file.matches("\\d+(\\.\\d+)*") && !Files.exists(Path.of(file))) {
      err.println(
          "aiosim export: --python " + TerminalText.escape(file) + ": expected the workflow file"
              + (PythonVersion.parse(file).isPresent() ? " after the version" : "")
              + " (--python [VERSION] FILE; versions: " + PythonVersion.supported() + ")");
      return ExitCode.INVALID_INPUT.code();
    }
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
        Simulation.run(loaded.workflow(), ClockKind.VIRTUAL, new Simulation.Options(false, scheduleOption.schedule, version));
      } catch (Simulation.RunStopped e) {
        err.println("aiosim export: " + file + ": " + e.getMessage());
        err.flush();
        return ExitCode.INVALID_INPUT.code();
      }
    }
    out.print(PythonExporter.export(loaded.workflow(), scheduleOption.schedule, version));
    out.flush();
    return ExitCode.OK.code();
  }
}
