package io.aiosim.cli;

import io.aiosim.dsl.Diagnostic;
import io.aiosim.dsl.Limits;
import io.aiosim.dsl.WorkflowReader;
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
 * {@code aiosim validate FILE...}: the schema and the reader's checks, every problem of every
 * file as {@code file:line:col: message} with the source line and a caret, on stderr; each valid
 * file as {@code file: ok} on stdout. Exit 2 when any file is invalid.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks workflow files and reports every problem with its position.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workflow files; - reads standard input.")
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
    for (String f : files) {
      WorkflowReader.Loaded loaded;
      String rendered;
      if (f.equals("-")) {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        loaded = WorkflowReader.read("<stdin>", text, limits);
        rendered = Diagnostic.renderAll(text, loaded.diagnostics());
      } else {
        loaded = WorkflowReader.read(Path.of(f), limits);
        rendered = Diagnostic.renderAll(Path.of(f), loaded.diagnostics());
      }
      if (loaded.workflow() == null) {
        invalid = true;
        err.print(rendered);
      } else {
        out.println((f.equals("-") ? "<stdin>" : f) + ": ok");
      }
    }
    out.flush();
    err.flush();
    return invalid ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
  }
}
