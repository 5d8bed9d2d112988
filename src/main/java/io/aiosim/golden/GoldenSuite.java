package io.aiosim.golden;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code aiosim test}: checks many scenarios, one line each ({@code PASS}, {@code FAIL},
 * {@code NEW}) in file order even when they run in parallel, lists stale {@code .new} files,
 * and closes with exactly {@code N passed, N failed}.
 */
public final class GoldenSuite {
  /**
   * @param accept turn pending {@code .new} files into goldens before checking
   * @param jobs how many scenarios run at once (1: one after the other)
   * @param junit where to write JUnit XML, or null
   */
  public record Options(boolean update, boolean accept, boolean ci, int jobs, Path junit) {}

  /** The counts of a finished suite. */
  public record Summary(int passed, int failed, int pending, boolean internal, List<Verdict> verdicts) {}

  private static final String INDENT = "      ";

  private GoldenSuite() {}

  public static Summary run(
      List<Path> args,
      List<Scenario> scenarios,
      Options options,
      ScenarioRunner runner,
      PrintWriter out,
      Progress progress)
      throws IOException {
    if (options.accept()) {
      accept(args, out);
    }
    GoldenCheck.Mode mode = new GoldenCheck.Mode(options.update(), options.ci());
    List<Verdict> verdicts = new ArrayList<>(scenarios.size());
    int jobs = Math.max(1, Math.min(options.jobs(), scenarios.size()));
    if (jobs == 1) {
      for (Scenario s : scenarios) {
        Verdict v = GoldenCheck.check(s, runner, mode);
        progress.step(s.workflow().toString());
        print(v, out, progress);
        verdicts.add(v);
      }
    } else {
      try (ExecutorService pool = Executors.newFixedThreadPool(jobs)) {
        List<Future<Verdict>> futures = new ArrayList<>(scenarios.size());
        for (Scenario s : scenarios) {
          futures.add(
              pool.submit(
                  () -> {
                    Verdict v = GoldenCheck.check(s, runner, mode);
                    progress.step(s.workflow().toString());
                    return v;
                  }));
        }
        for (Future<Verdict> f : futures) {
          Verdict v = result(f);
          print(v, out, progress);
          verdicts.add(v);
        }
      }
    }
    progress.clear();
    listStale(args, verdicts, out);
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

  private static Verdict result(Future<Verdict> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking scenarios", e);
    } catch (ExecutionException e) {
      // GoldenCheck turns every failure into a Verdict; anything else is a bug here.
      throw new IllegalStateException(e.getCause());
    }
  }

  /** {@code --accept}: each pending file with a workflow beside it becomes that workflow's golden. */
  private static void accept(List<Path> args, PrintWriter out) throws IOException {
    for (Path pending : WorkflowFiles.pending(args)) {
      Scenario s = Scenario.ofPending(pending);
      if (s != null) {
        AtomicWrite.move(pending, s.golden());
        out.println("accepted " + s.golden());
      }
    }
  }

  private static void print(Verdict v, PrintWriter out, Progress progress) {
    progress.clear();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-4s  %s", v.status(), v.scenario().workflow()));
    if (v.note() != null) {
      sb.append("  (").append(v.note()).append(')');
    }
    out.println(sb);
    for (String detail : v.details()) {
      for (String line : detail.split("\n", -1)) {
        out.println((INDENT + line).stripTrailing());
      }
    }
    out.flush();
  }

  /** A {@code .new} that nobody will accept: no workflow beside it, or its golden now matches. */
  private static void listStale(List<Path> args, List<Verdict> verdicts, PrintWriter out) {
    Set<Path> matching = new HashSet<>();
    for (Verdict v : verdicts) {
      if (v.status() == Verdict.Status.PASS) {
        matching.add(v.scenario().pending().toAbsolutePath().normalize());
      }
    }
    for (Path p : WorkflowFiles.pending(args)) {
      if (!Files.exists(p)) {
        continue;
      }
      if (Scenario.ofPending(p) == null) {
        out.println("stale " + p + "  (no workflow beside it: delete it)");
      } else if (matching.contains(p.toAbsolutePath().normalize())) {
        out.println("stale " + p + "  (its golden matches: delete it)");
      }
    }
  }
}
