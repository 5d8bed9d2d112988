package io.aiosim.cli;

import io.aiosim.dsl.Limits;
import io.aiosim.dsl.TerminalText;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.golden.WorkflowFiles;
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

  /** Standard input for {@code -}; {@link Main} injects it. */
  InputStream stdin = System.in;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR|-",
      description = "Workflow files, folders (searched recursively for *.yaml, *.yml), or - for standard input.")
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
    for (String arg : files) {
      if (arg.equals("-")) {
        invalid |= !report("<stdin>", WorkflowReader.read("<stdin>", stdin, limits), out, err);
        continue;
      }
      WorkflowFiles.Found found = WorkflowFiles.find(List.of(Path.of(arg)));
      found.problems().forEach(p -> err.println(TerminalText.escape(p))); // paths from the command line
      invalid |= !found.problems().isEmpty();
      for (WorkflowFiles.Source s : found.sources()) {
        invalid |= !report(s.file().toString(), WorkflowReader.read(s.file(), limits), out, err);
      }
    }
    out.flush();
    err.flush();
    return invalid ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
  }

  /**
   * Prints the problems of an invalid file, else its warnings, on stderr, and {@code name: ok};
   * whether the file is valid.
   */
  private static boolean report(String name, WorkflowReader.Loaded loaded, PrintWriter out, PrintWriter err) {
    (loaded.workflow() == null ? loaded.rendered() : loaded.renderedWarnings()).forEach(err::println);
    if (loaded.workflow() == null) {
      return false;
    }
    out.println(TerminalText.escape(name) + ": ok" + (loaded.warnings().isEmpty() ? "" : " (" + loaded.warnings().size() + " warning"
        + (loaded.warnings().size() == 1 ? "" : "s") + ")"));
    return true;
  }
}
