package io.aiosim.cli;

import io.aiosim.dsl.Limits;
import io.aiosim.dsl.TerminalText;
import io.aiosim.dsl.WorkflowReader;
import java.io.InputStream;
import java.io.PrintWriter;
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

  /** Standard input for {@code -}; {@link Main} injects it. */
  InputStream stdin = System.in;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workflow files; - reads standard input.")
  List<String> files;

  @Option(
      names = "--max-tasks",
      paramLabel = "N",
      description = "The largest count, and the most tasks a file may define (default and most: ${DEFAULT-VALUE}).",
      defaultValue = "10000000")
  long maxTasks;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxTasks < 1 || maxTasks > Limits.DEFAULT.maxTasks()) {
      throw new ParameterException(
          spec.commandLine(), "--max-tasks: expected a number from 1 to " + Limits.DEFAULT.maxTasks() + ", got " + maxTasks);
    }
    Limits limits = Limits.DEFAULT.withMaxTasks(maxTasks);
    boolean invalid = false;
    for (String f : files) {
      WorkflowReader.Loaded loaded =
          f.equals("-") ? WorkflowReader.read("<stdin>", stdin, limits) : WorkflowReader.read(Path.of(f), limits);
      if (loaded.workflow() == null) {
        invalid = true;
        loaded.rendered().forEach(err::println);
      } else {
        out.println(TerminalText.escape(f.equals("-") ? "<stdin>" : f) + ": ok");
      }
    }
    out.flush();
    err.flush();
    return invalid ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
  }
}
