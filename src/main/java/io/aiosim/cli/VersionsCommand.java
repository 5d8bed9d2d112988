package io.aiosim.cli;

import io.aiosim.Aiosim;
import io.aiosim.dsl.PythonVersion;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.golden.GoldenCompare;
import io.aiosim.golden.Progress;
import io.aiosim.golden.WorkflowFiles;
import io.aiosim.run.Simulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aiosim versions}: runs each workflow under every Python version (SPEC 8) and says, per
 * workflow, {@code same}, or how the other versions' reports differ from its own version's, by
 * JSON path, with the two event timelines side by side (the golden diff's explanation). For CI:
 * exit 1 when any workflow behaves differently.
 */
@Command(
    name = "versions",
    mixinStandardHelpOptions = true,
    description = {
      "Runs each workflow under each Python version's asyncio and shows where they behave differently.",
      "Per workflow: 'same', or each difference from the workflow's own version by JSON path, and both event",
      "timelines side by side. The python key, which names the version, is not a difference."
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  every workflow behaves the same under every version",
      "  1  at least one workflow behaves differently",
      "  2  invalid input (nothing was run)",
      "  3  internal error"
    })
final class VersionsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Workflow files or folders (searched recursively).")
  List<Path> paths;

  @Option(
      names = "--python",
      paramLabel = "VERSION",
      converter = PythonVersionConverter.class,
      description = "A version to compare (repeatable; default: every supported one, 3.11, 3.12 and 3.13).")
  List<PythonVersion> pythons;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<PythonVersion> versions = pythons == null ? List.of(PythonVersion.values()) : distinctSorted(pythons);
    if (versions.size() < 2) {
      err.println("aiosim versions: --python: name two versions or more to compare, got " + versions.get(0));
      return ExitCode.INVALID_INPUT.code();
    }
    WorkflowFiles.Found found = WorkflowFiles.find(paths);
    List<String> problems = new ArrayList<>(found.problems());
    List<Path> files = new ArrayList<>();
    List<Workflow> workflows = new ArrayList<>();
    for (WorkflowFiles.Source s : found.sources()) {
      WorkflowReader.Loaded loaded = WorkflowReader.read(s.file());
      if (loaded.workflow() == null) {
        problems.addAll(loaded.rendered());
      } else {
        files.add(s.file());
        workflows.add(loaded.workflow());
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      err.flush();
      return ExitCode.INVALID_INPUT.code();
    }
    Progress progress = Progress.forTerminal(err, files.size());
    int differ = 0;
    for (int i = 0; i < files.size(); i++) {
      List<String> lines;
      try {
        lines = compare(workflows.get(i), versions);
      } catch (Simulation.RunStopped e) {
        throw e.in(files.get(i).toString()); // the input's fault: exit 2 (Main)
      }
      progress.clear();
      out.println(String.format("%-6s  %s", lines.isEmpty() ? "same" : "differ", files.get(i)));
      lines.forEach(l -> out.println(("      " + l).stripTrailing()));
      out.flush();
      progress.step(files.get(i).toString());
      differ += lines.isEmpty() ? 0 : 1;
    }
    progress.clear();
    out.println(
        files.size() + (files.size() == 1 ? " workflow: " : " workflows: ") + (files.size() - differ) + " same, "
            + differ + " differ across Python " + PythonVersion.list(versions));
    out.flush();
    return differ > 0 ? ExitCode.VERSIONS_DIFFER.code() : ExitCode.OK.code();
  }

  /**
   * How the other versions differ from the workflow's own version (or the first one compared,
   * when its own is not among them), versions that print the same report told once; empty when
   * every version gives the same report.
   */
  static List<String> compare(Workflow wf, List<PythonVersion> versions) {
    PythonVersion base = versions.contains(wf.pythonOr(null)) ? wf.pythonOr(null) : versions.get(0);
    String baseReport = Aiosim.toJson(Aiosim.run(wf, base));
    Map<String, List<PythonVersion>> byReport = new LinkedHashMap<>();
    for (PythonVersion v : versions) {
      if (v != base) {
        String report = GoldenCompare.asPython(Aiosim.toJson(Aiosim.run(wf, v)), base.key());
        byReport.computeIfAbsent(report, r -> new ArrayList<>()).add(v);
      }
    }
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, List<PythonVersion>> e : byReport.entrySet()) {
      String others = PythonVersion.list(e.getValue());
      List<String> diff = GoldenCompare.versions(baseReport, e.getKey(), base.key(), others);
      if (!diff.isEmpty()) {
        lines.add("python " + others + (e.getValue().size() == 1 ? " differs" : " differ") + " from " + base + ":");
        diff.forEach(l -> lines.add("  " + l));
      }
    }
    return lines;
  }

  private static List<PythonVersion> distinctSorted(List<PythonVersion> named) {
    return Arrays.stream(PythonVersion.values()).filter(named::contains).toList();
  }
}
