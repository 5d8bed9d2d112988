package io.aiosim.cli;

import io.aiosim.Aiosim;
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
      "Runs workflows and compares each report with its golden file (NAME.golden.json beside",
      "NAME.yaml) and with the workflow's expect: block. Prints PASS, FAIL or NEW per workflow,",
      "then exactly 'N passed, N failed'. A missing golden is written as NAME.golden.json.new",
      "for review (a failure when the CI environment variable is set)."
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  every workflow passed",
      "  1  test failures (or, on CI, a missing golden)",
      "  2  invalid command line (a path that does not exist, a folder without workflows)",
      "  3  internal error (a bug in aiosim)"
    })
final class TestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Workflow files or folders (searched recursively).")
  List<Path> paths;

  @Option(names = "--update", description = "Rewrite goldens that differ or are missing (atomically; unchanged ones are not touched).")
  boolean update;

  @Option(names = "--accept", description = "First turn the pending NAME.golden.json.new files into goldens.")
  boolean accept;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE.")
  Path junit;

  @Option(names = "--jobs", paramLabel = "N", description = "Check N workflows at once (default 1); the output order stays the file order.")
  int jobs = 1;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (jobs < 1) {
      err.println("aiosim test: --jobs: expected a number of at least 1, got " + jobs);
      return ExitCode.INVALID_INPUT.code();
    }
    WorkflowFiles.Found found = WorkflowFiles.find(paths);
    if (!found.problems().isEmpty()) {
      found.problems().forEach(p -> err.println("aiosim test: " + p));
      err.flush();
      return ExitCode.INVALID_INPUT.code();
    }
    List<Scenario> scenarios = found.sources().stream().map(s -> new Scenario(s.file())).toList();
    String ci = System.getenv("CI");
    GoldenSuite.Options options =
        new GoldenSuite.Options(update, accept, ci != null && !ci.isEmpty(), jobs, junit);
    GoldenSuite.Summary summary =
        GoldenSuite.run(
            paths, scenarios, options, Aiosim.scenarioRunner(), out,
            Progress.forTerminal(err, scenarios.size()));
    if (summary.internal()) {
      return ExitCode.INTERNAL_ERROR.code();
    }
    return summary.failed() > 0 ? ExitCode.TEST_FAILURES.code() : ExitCode.OK.code();
  }
}
