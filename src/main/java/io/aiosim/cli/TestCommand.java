package io.aiosim.cli;

import io.aiosim.Aiosim;
import io.aiosim.dsl.PythonVersion;
import io.aiosim.golden.ContinuousIntegration;
import io.aiosim.golden.GoldenCheck;
import io.aiosim.golden.GoldenSuite;
import io.aiosim.golden.Progress;
import io.aiosim.golden.Scenario;
import io.aiosim.golden.WorkflowFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aiosim test}: golden-file regression tests (gofmt's and insta's flow). Each workflow's
 * report is compared byte for byte with {@code NAME.golden.json} beside it, and checked against
 * its {@code expect:} block; an invalid workflow counts as failed and the others still run.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Compares each workflow's report with its golden file and its expect: block.",
      "The golden of NAME.yaml is NAME.golden.json beside it, compared byte for byte (CRLF read as LF).",
      "Prints PASS, FAIL or NEW per workflow, then exactly 'N passed, N failed'.",
      "A missing or differing golden leaves today's report in NAME.golden.json.new for review (--accept takes it);",
      "a passing workflow's leftover .new is removed. On CI (the CI environment variable set to anything but",
      "empty, 0 or false) a missing golden fails. Workflows and reports: docs/spec.md.",
      "NAME.golden.json is the report of the workflow's own Python version (its python: key, else 3.12). Another",
      "version's report must equal it but for the python key, unless it has a golden of its own, NAME.3.13.golden.json;",
      "each such golden is checked too. --python checks the named versions only."
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  every workflow passed",
      "  1  test failures (or, on CI or with --check, a missing golden)",
      "  2  invalid command line, or a file or folder that cannot be read or written",
      "  3  internal error (a bug in aiosim)"
    })
final class TestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Workflow files or folders (searched recursively).")
  List<Path> paths;

  @Option(names = "--update", description = "Rewrite goldens that differ or are missing (atomically; unchanged ones are not touched).")
  boolean update;

  @Option(
      names = "--accept",
      description =
          "Turn each reviewed NAME.golden.json.new into the golden, where the golden fails now and the .new is"
              + " exactly today's report; prints each replacement.")
  boolean accept;

  @Option(names = "--check", description = "Compare only, for CI: write no golden and no .new file; a missing golden fails.")
  boolean check;

  @Option(
      names = "--unreferenced",
      paramLabel = "WHAT",
      description =
          "Goldens and .new files under a folder argument whose workflow is gone: warn (default) names them,"
              + " delete removes them.")
  GoldenSuite.Unreferenced unreferenced = GoldenSuite.Unreferenced.warn;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE.")
  Path junit;

  @Option(names = "--jobs", paramLabel = "N", description = "Check N workflows at once (default 1); the output order stays the file order.")
  int jobs = 1;

  @Option(
      names = "--python",
      paramLabel = "VERSION",
      converter = PythonVersionConverter.class,
      description =
          "Check each workflow under this Python version (repeatable: 3.11, 3.12, 3.13) instead of its own version and"
              + " the versions with a golden of their own.")
  List<PythonVersion> pythons;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (jobs < 1) {
      err.println("aiosim test: --jobs: expected a number of at least 1, got " + jobs);
      return ExitCode.INVALID_INPUT.code();
    }
    if (check && (update || accept || unreferenced == GoldenSuite.Unreferenced.delete)) {
      err.println("aiosim test: --check writes nothing: it cannot go with --update, --accept or --unreferenced delete");
      return ExitCode.INVALID_INPUT.code();
    }
    if (update && accept) {
      err.println("aiosim test: --update rewrites every golden that fails: --accept has nothing left to do");
      return ExitCode.INVALID_INPUT.code();
    }
    WorkflowFiles.Found found = WorkflowFiles.find(paths);
    if (!found.problems().isEmpty()) {
      found.problems().forEach(p -> err.println("aiosim test: " + p));
      err.flush();
      return ExitCode.INVALID_INPUT.code();
    }
    String junitProblem = OutputPaths.fileProblem(junit);
    if (junitProblem != null) {
      err.println("aiosim test: --junit " + junitProblem);
      return ExitCode.INVALID_INPUT.code();
    }
    List<Path> workflows = found.sources().stream().map(WorkflowFiles.Source::file).toList();
    List<Scenario> scenarios = scenarios(workflows, err);
    GoldenCheck.Mode mode = new GoldenCheck.Mode(update, accept, check, ContinuousIntegration.detected());
    GoldenSuite.Summary summary =
        GoldenSuite.run(
            paths, scenarios, new GoldenSuite.Options(mode, jobs, junit, unreferenced),
            Aiosim.scenarioRunner(), out, Progress.forTerminal(err, scenarios.size()));
    if (summary.internal()) {
      return ExitCode.INTERNAL_ERROR.code();
    }
    return summary.failed() > 0 ? ExitCode.TEST_FAILURES.code() : ExitCode.OK.code();
  }

  /**
   * The checks: each workflow under each {@code --python} version; else under its own version,
   * and each version with a golden of its own beside it ({@code NAME.3.13.golden.json}), warning
   * about goldens of versions aiosim does not model.
   */
  private List<Scenario> scenarios(List<Path> workflows, PrintWriter err) {
    if (pythons != null) {
      List<PythonVersion> named = pythons.stream().distinct().toList();
      return workflows.stream().flatMap(w -> named.stream().map(v -> new Scenario(w, v.key()))).toList();
    }
    for (Path dir : workflows.stream().map(Scenario::folder).distinct().toList()) {
      Scenario.versionGoldens(dir).forEach((workflow, versions) -> versions.stream()
          .filter(v -> PythonVersion.parse(v).isEmpty())
          .forEach(v -> err.println(
              "aiosim test: " + new Scenario(dir.resolve(workflow), v).golden() + " is not checked: no Python " + v
                  + " here (supported: " + PythonVersion.supported() + ")")));
    }
    return Aiosim.scenarios(workflows);
  }
}
