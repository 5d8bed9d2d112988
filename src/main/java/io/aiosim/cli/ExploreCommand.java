package io.aiosim.cli;

import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.explore.Exploration;
import io.aiosim.explore.ExplorationWriter;
import io.aiosim.explore.Explorer;
import io.aiosim.golden.WorkflowFiles;
import io.aiosim.run.Simulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aiosim explore FILE|DIR...}: runs each workflow under every order of its ties (SPEC 9)
 * up to a budget, and prints the distinct outcomes with a witness schedule each. Every input is
 * read first; if any is invalid nothing is explored (as {@code run}).
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {
      "Finds outcomes that depend on an order asyncio leaves open.",
      "Runs each workflow under every order of its ties (timers due at one instant) up to a budget, and prints"
          + " each distinct outcome with a schedule token that `run --schedule` and `export --schedule` replay"
          + " (docs/spec.md, section 9)."
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  explored (order-dependent or not, without --strict)",
      "  1  --strict and at least one workflow is order-dependent",
      "  2  invalid input (nothing was explored), or a run stopped for a reason of its input",
      "  3  internal error"
    })
final class ExploreCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Workflow files, or folders searched recursively for *.yaml, *.yml.")
  List<Path> inputs;

  @Option(names = "--budget", paramLabel = "N", description = "Run at most N schedules per workflow (default ${DEFAULT-VALUE}); the verdict says whether that was all of them.")
  int budget = 10_000;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json (one object per workflow).")
  Format format = Format.text;

  @Option(names = "--strict", description = "Exit 1 when a workflow is order-dependent (for CI).")
  boolean strict;

  @Mixin PythonOption pythonOption;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (budget < 1) {
      throw new ParameterException(spec.commandLine(), "--budget must be at least 1, got " + budget);
    }
    WorkflowFiles.Found found = WorkflowFiles.find(inputs);
    List<String> problems = new ArrayList<>(found.problems());
    Map<String, Workflow> workflows = new LinkedHashMap<>();
    for (WorkflowFiles.Source s : found.sources()) {
      WorkflowReader.Loaded loaded = WorkflowReader.read(s.file());
      if (loaded.workflow() == null) {
        problems.addAll(loaded.rendered());
      } else {
        workflows.put(s.file().toString(), loaded.workflow());
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      err.flush();
      return ExitCode.INVALID_INPUT.code();
    }
    ExitCode status = ExitCode.OK;
    boolean first = true;
    for (Map.Entry<String, Workflow> e : workflows.entrySet()) {
      Exploration x;
      try {
        x = Explorer.explore(e.getValue().withPython(pythonOption.python), budget);
      } catch (Simulation.RunStopped stopped) {
        err.println("aiosim explore: " + e.getKey() + ": " + stopped.getMessage());
        err.flush();
        status = ExitCode.INVALID_INPUT;
        continue;
      }
      if (!first && format == Format.text) {
        out.println();
      }
      first = false;
      switch (format) {
        case text -> ExplorationWriter.text(x, e.getKey(), out);
        case json -> ExplorationWriter.json(x, e.getKey(), out);
      }
      if (strict && x.orderDependent() && status == ExitCode.OK) {
        status = ExitCode.ORDER_DEPENDENT;
      }
    }
    out.flush();
    return status.code();
  }
}
