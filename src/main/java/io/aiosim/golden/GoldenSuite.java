package io.aiosim.golden;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aiosim test}: checks many scenarios, one line each ({@code PASS}, {@code FAIL},
 * {@code NEW}) in file order even when they run in parallel, lists goldens whose workflow is
 * gone, and closes with exactly {@code N passed, N failed}.
 */
public final class GoldenSuite {
  /**
   * @param mode how each scenario treats its golden
   * @param jobs how many scenarios run at once (1: one after the other)
   * @param junit where to write JUnit XML, or null
   * @param unreferenced what to do with goldens and {@code .new} files whose workflow is gone
   */
  public record Options(GoldenCheck.Mode mode, int jobs, Path junit, Unreferenced unreferenced) {}

  /** Goldens without a workflow: named (the default), or deleted. Spelt as on the command line. */
  public enum Unreferenced {
    warn,
    delete
  }

  /** The counts of a finished suite. */
  public record Summary(int passed, int failed, int pending, boolean internal, List<Verdict> verdicts) {}

  private GoldenSuite() {}

  public static Summary run(
      List<Path> args,
      List<Scenario> scenarios,
      Options options,
      ScenarioRunner runner,
      PrintWriter out,
      Progress progress)
      throws IOException {
    GoldenCheck.Mode mode = options.mode();
    List<Verdict> verdicts = new ArrayList<>(scenarios.size());
    OrderedBatch.run(
        scenarios,
        options.jobs(),
        s -> {
          Verdict v = GoldenCheck.check(s, runner, mode);
          progress.step(s.workflow().toString());
          return v;
        },
        v -> {
          print(v, out, progress);
          verdicts.add(v);
        });
    progress.clear();
    unreferenced(args, options.unreferenced(), out);
    if (options.junit() != null) {
      JUnitReport.write(options.junit(), verdicts);
    }
    int passed = 0;
    int failed = 0;
    int pending = 0;
    boolean internal = false;
    for (Verdict v : verdicts) {
      passed += v.passed() ? 1 : 0;
      failed += v.failed() ? 1 : 0;
      pending += v.pending() ? 1 : 0;
      internal |= v.internal();
    }
    if (pending > 0) {
      out.println(
          pending + (pending == 1 ? " new golden waits" : " new goldens wait")
              + " for review (*.golden.json.new): check, then run again with --accept");
    }
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    return new Summary(passed, failed, pending, internal, verdicts);
  }

  private static void print(Verdict v, PrintWriter out, Progress progress) {
    progress.clear();
    v.lines().forEach(out::println);
    out.flush();
  }

  /** Goldens and {@code .new} files left behind when a workflow was renamed or deleted. */
  private static void unreferenced(List<Path> args, Unreferenced what, PrintWriter out)
      throws IOException {
    for (Path p : WorkflowFiles.unreferenced(args)) {
      if (what == Unreferenced.delete) {
        Files.deleteIfExists(p);
        out.println("deleted " + p + "  (no workflow beside it)");
      } else {
        out.println("unreferenced " + p + "  (no workflow beside it: delete it, or run with --unreferenced delete)");
      }
    }
  }
}
