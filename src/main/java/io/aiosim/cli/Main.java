package io.aiosim.cli;

import io.aiosim.dsl.Limits;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.golden.FileError;
import io.aiosim.run.Simulation;
import io.aiosim.strategy.Strategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aiosim} command: one line of main, everything else in the subcommands. */
@Command(
    name = "aiosim",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Runs declarative asyncio concurrency scenarios with CPython's asyncio semantics (3.12 by default; 3.11, 3.13).",
      "Workflow files and reports are described in docs/spec.md (in the repository and the distribution)."
    },
    footerHeading = "%n",
    footer = {
      "Exit status:",
      "  0  ok",
      "  1  test failures; versions: a workflow that behaves differently across Python versions; explore --strict:",
      "     an order-dependent workflow",
      "  2  invalid input: a workflow file, the command line, or a file or folder it cannot read or write",
      "  3  internal error (a bug in aiosim)"
    })
public final class Main implements Callable<Integer> {
  /**
   * The subcommands in the order of the command list. picocli builds a command's model by
   * reflection when it is added, which was most of a short run's start-up, so a command line
   * that names its command gets only that one (see {@link #needed}).
   */
  static final List<Class<?>> COMMANDS =
      List.of(
          RunCommand.class,
          TestCommand.class,
          VersionsCommand.class,
          ValidateCommand.class,
          SchemaCommand.class,
          ExportCommand.class,
          ExploreCommand.class,
          MatrixCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int status = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    // System.exit sets up the JDK's logging to log itself (a tenth of --version's start-up):
    // a success ends by returning, as no thread of ours outlives the command.
    if (status != ExitCode.OK.code()) System.exit(status);
  }

  /** Runs the tool with injected streams; returns the exit status. Tests call this. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, System.in, out, err);
  }

  /** As above, with standard input injected too ({@code run -}). */
  public static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    return execute(args, in, out, err, true);
  }

  /**
   * {@code fastPaths} false sends every command line through picocli: the version, the help texts
   * and {@code run FILE...} too (PlainRunTest and HelpTextsTest compare; HelpTexts renders so).
   */
  static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err, boolean fastPaths) {
    int code;
    try {
      if (fastPaths && args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
        // What picocli prints for it, without building a command model first.
        for (String line : new Version().getVersion()) out.println(line);
        out.flush();
        code = ExitCode.OK.code();
      } else if (fastPaths && PlainRun.matches(args)) {
        code = PlainRun.run(args, in, out, err);
      } else if (fastPaths && HelpTexts.print(args, out)) {
        code = ExitCode.OK.code(); // as rendered when the jar was built (HelpTexts)
      } else {
        CommandLine cl = listOnly(args) ? commandLine(out, err, COMMANDS, true) : commandLine(out, err, needed(args), false);
        for (CommandLine c : cl.getSubcommands().values()) {
          switch (c.getCommand()) {
            case RunCommand r -> r.stdin = in;
            case ValidateCommand v -> v.stdin = in;
            case ExportCommand x -> x.stdin = in;
            case null, default -> {} // a summary only (listOnly), or a command that reads no stdin
          }
        }
        code = cl.execute(args);
      }
    } catch (StackOverflowError | OutOfMemoryError e) {
      // The limits (dsl.Limits) exist so that no input gets here: reaching it is a bug.
      err.println("aiosim: internal error: " + e + " (a limit should have refused this input first)");
      code = ExitCode.INTERNAL_ERROR.code();
    }
    // A PrintWriter only remembers that a write failed (a full disk, a closed pipe or stdout):
    // output that did not arrive is never a success.
    if (out.checkError() && code != ExitCode.INTERNAL_ERROR.code()) {
      err.println("aiosim: cannot write to standard output (a full disk, or a closed pipe or stdout?); the output is incomplete");
      code = ExitCode.INVALID_INPUT.code();
    }
    err.flush();
    return code;
  }

  /** The whole command tree, as {@code aiosim --help} shows it. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, COMMANDS, false);
  }

  /**
   * The subcommands a command line can reach: the one it names first, else all (help, the bare
   * usage, a mistyped command and the completion script list them).
   */
  static List<Class<?>> needed(String[] args) {
    if (args.length > 0 && !args[0].equals("help") && !args[0].equals("completion")) {
      for (Class<?> c : COMMANDS) {
        if (c.getAnnotation(Command.class).name().equals(args[0])) return List.of(c);
      }
    }
    return COMMANDS;
  }

  /**
   * Whether the command line only shows the command list ({@code --help}, {@code -h}, or nothing):
   * then each command is added as its name and summary, read from its annotation, and not built.
   */
  static boolean listOnly(String[] args) {
    return args.length == 0 || (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")));
  }

  /** {@code summaries}: each command only as the command list shows it (see {@link #listOnly}). */
  private static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Class<?>> commands, boolean summaries) {
    CommandLine cl = new CommandLine(new Main());
    commands.forEach(c -> cl.addSubcommand(summaries ? summary(c) : c));
    if (commands == COMMANDS) cl.getCommandSpec().usageMessage().footer(strategiesThenExitStatus(cl));
    // A summary's footer is never shown: only built commands get the limits.
    for (String command : summaries ? List.<String>of() : List.of("run", "validate", "test", "export", "explore")) {
      if (!(cl.getSubcommands().get(command) instanceof CommandLine sub)) continue;
      var usage = sub.getCommandSpec().usageMessage();
      List<String> footer = new ArrayList<>(List.of(usage.footer()));
      if (usage.footerHeading().isEmpty()) footer.add(0, "");
      footer.addAll(limits());
      usage.footer(footer.toArray(String[]::new));
    }
    cl.setUsageHelpWidth(120); // the strategy lines read best unwrapped
    cl.setOut(out);
    cl.setErr(err);
    // -V on every command, not only on the top one.
    cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
    cl.setParameterExceptionHandler(new BadCommandLine());
    // A file-system failure is the user's to fix (a read-only folder, a full disk): one line,
    // exit 2. Any other exception escaping a command is a bug in the runner.
    cl.setExecutionExceptionHandler((ex, line, parsed) -> failed(ex, line.getCommandName(), line.getErr()));
    return cl;
  }

  /**
   * The status of a command that threw {@code ex}. A file-system failure is the user's to fix (a
   * read-only folder, a full disk): one line, exit 2. Any other exception escaping a command is a
   * bug in the runner.
   */
  static int failed(Exception ex, String command, PrintWriter err) {
    IOException io = ex instanceof UncheckedIOException u ? u.getCause() : ex instanceof IOException e ? e : null;
    if (io != null) {
      err.println("aiosim " + command + ": " + FileError.describe(io));
      return ExitCode.INVALID_INPUT.code();
    }
    if (ex instanceof Simulation.RunStopped stopped) { // SPEC 5: an input error found by running
      err.println("aiosim " + command + ": " + stopped.getMessage());
      return ExitCode.INVALID_INPUT.code();
    }
    err.println("aiosim: internal error: " + ex);
    ex.printStackTrace(err);
    return ExitCode.INTERNAL_ERROR.code();
  }

  /** A command as the command list shows it: its name, aliases and summary lines, no options. */
  private static CommandLine summary(Class<?> command) {
    Command a = command.getAnnotation(Command.class);
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(a.name()).aliases(a.aliases());
    spec.usageMessage().header(a.header()).description(a.description()).hidden(a.hidden());
    return new CommandLine(spec);
  }

  /** The limits on a workflow, as README.md states them, with the message a user sees past each. */
  static List<String> limits() {
    Limits l = Limits.DEFAULT;
    String row = "  %-58s %s";
    return List.of(
        "",
        "Limits, each checked before the work it bounds (past one: file:line:col: message, exit 2):",
        row.formatted("a file or standard input: " + l.maxFileBytes() + " bytes", "the file is too large: ..."),
        row.formatted("nesting: YAML " + l.maxYamlDepth() + ", values 100, tasks " + l.maxNesting(), "... nested deeper than N levels"),
        row.formatted("aliases: " + l.maxAliasNodes() + " nodes, " + l.maxAliasBytes() + " bytes of text", "YAML aliases expand to more than ..."),
        row.formatted("tasks after count expansion: " + l.maxTasks(), "tasks: N tasks after count expansion; ..."),
        row.formatted("memory a run needs (estimated): " + WorkflowReader.bytes(l.maxRunBytes()), "tasks: ... would need about X of memory to run"),
        row.formatted("report size, values as often as repeated: " + WorkflowReader.bytes(l.maxReportBytes()), "tasks: the report could reach X"));
  }

  /** The footer: every strategy from the registry, then the exit statuses. */
  private static String[] strategiesThenExitStatus(CommandLine cl) {
    List<String> lines = new ArrayList<>();
    lines.add("Strategies (strategy.kind):");
    Strategies.all().forEach((kind, s) -> lines.add("  %-13s %s".formatted(kind.key(), s.summary())));
    lines.add("");
    lines.addAll(List.of(cl.getCommandSpec().usageMessage().footer()));
    return lines.toArray(String[]::new);
  }

  /** Bare {@code aiosim}: no command is a usage error, so the help goes to standard error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.INVALID_INPUT.code();
  }
}
