package io.aiosim.cli;

import io.aiosim.dsl.Diagnostic;
import io.aiosim.dsl.Limits;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.golden.WorkflowFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aiosim validate FILE|DIR|-...}: the schema and the reader's checks, every problem of
 * every file as {@code file:line:col: message} with the source line and a caret, on stderr; each
 * valid file as {@code file: ok} on stdout. Folders are searched as {@code run} searches them.
 * Exit 2 when any file is invalid or any argument names nothing.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks workflow files and reports every problem with its position.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR|-",
      description = "Workflow files, folders (searched recursively for *.yaml, *.yml), or - for standard input.")
  List<String> files;

  @Option(
      names = "--max-tasks",
      paramLabel = "N",
      description = "The largest count, and the most tasks a file may define (default: ${DEFAULT-VALUE}).",
      defaultValue = "10000000")
  long maxTasks;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxTasks < 1) {
      throw new ParameterException(spec.commandLine(), "--max-tasks must be at least 1, got " + maxTasks);
    }
    Limits limits = Limits.DEFAULT.withMaxTasks(maxTasks);
    boolean invalid = false;
    for (String arg : files) {
      if (arg.equals("-")) {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        WorkflowReader.Loaded loaded = WorkflowReader.read("<stdin>", text, limits);
        invalid |= !report("<stdin>", loaded, Diagnostic.renderAll(text, shown(loaded)), out, err);
        continue;
      }
      WorkflowFiles.Found found = WorkflowFiles.find(List.of(Path.of(arg)));
      found.problems().forEach(err::println);
      invalid |= !found.problems().isEmpty();
      for (WorkflowFiles.Source s : found.sources()) {
        WorkflowReader.Loaded loaded = WorkflowReader.read(s.file(), limits);
        invalid |= !report(s.file().toString(), loaded, Diagnostic.renderAll(s.file(), shown(loaded)), out, err);
      }
    }
    out.flush();
    err.flush();
    return invalid ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
  }

  /** The problems of an invalid file, else its warnings, each marked as one. */
  private static List<Diagnostic> shown(WorkflowReader.Loaded loaded) {
    if (loaded.workflow() == null) {
      return loaded.diagnostics();
    }
    return loaded.warnings().stream().map(w -> new Diagnostic(w.position(), "warning: " + w.message())).toList();
  }

  /** Prints the diagnostics (or warnings) on stderr and {@code name: ok}; whether the file is valid. */
  private static boolean report(
      String name, WorkflowReader.Loaded loaded, String rendered, PrintWriter out, PrintWriter err) {
    err.print(rendered);
    if (loaded.workflow() == null) {
      return false;
    }
    out.println(name + ": ok" + (loaded.warnings().isEmpty() ? "" : " (" + loaded.warnings().size() + " warning"
        + (loaded.warnings().size() == 1 ? "" : "s") + ")"));
    return true;
  }
}
