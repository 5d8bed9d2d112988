package io.aiosim.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one scenario against its golden, as gofmt's and insta's golden tests do: run it, check
 * its {@code expect:} block, compare the report with {@code x.golden.json} byte for byte. A
 * missing golden is written as {@code x.golden.json.new} for review (and fails on CI); a
 * mismatch also leaves its {@code .new}, so that {@code --accept} can take it. With
 * {@code update}, goldens are rewritten instead (atomically; an unchanged one is not touched,
 * so a second run is a no-op). Hand-written expectations cannot be updated: they fail either way.
 */
public final class GoldenCheck {
  /** How a check treats goldens. */
  public record Mode(boolean update, boolean ci) {}

  private GoldenCheck() {}

  public static Verdict check(Scenario s, ScenarioRunner runner, Mode mode) {
    long start = System.nanoTime();
    try {
      return check(s, runner, mode, start);
    } catch (IOException e) {
      return new Verdict(
          s, Verdict.Status.FAIL, false, true, false, "cannot read or write a file",
          List.of(e.toString()), System.nanoTime() - start);
    } catch (RuntimeException | StackOverflowError e) {
      // A bug in the runner: report it for this scenario and go on with the others.
      List<String> trace = new ArrayList<>();
      trace.add(e.toString());
      StackTraceElement[] frames = e.getStackTrace();
      for (int i = 0; i < frames.length && i < 8; i++) {
        trace.add("  at " + frames[i]);
      }
      return new Verdict(
          s, Verdict.Status.FAIL, false, true, true, "internal error", trace, System.nanoTime() - start);
    }
  }

  private static Verdict check(Scenario s, ScenarioRunner runner, Mode mode, long start)
      throws IOException {
    RunAttempt attempt = runner.run(s.workflow());
    if (attempt instanceof RunAttempt.Invalid invalid) {
      return new Verdict(
          s, Verdict.Status.FAIL, false, true, false, "invalid workflow", invalid.diagnostics(),
          System.nanoTime() - start);
    }
    RunAttempt.Ran ran = (RunAttempt.Ran) attempt;
    List<String> details = new ArrayList<>();
    if (ran.expect() != null) {
      for (String problem : ExpectCheck.check(ran.expect(), JsonTree.parseOwn(ran.report()))) {
        details.add(problem);
      }
    }
    boolean expectFailed = !details.isEmpty();
    String note;
    Verdict.Status status;
    boolean pending = false;
    if (Files.isRegularFile(s.golden())) {
      String golden = Files.readString(s.golden(), StandardCharsets.UTF_8);
      List<String> diff = GoldenCompare.explain(golden, ran.report());
      if (diff.isEmpty()) {
        status = Verdict.Status.PASS;
        note = null;
      } else if (mode.update()) {
        AtomicWrite.replace(s.golden(), ran.report());
        Files.deleteIfExists(s.pending());
        status = Verdict.Status.PASS;
        note = "golden updated";
      } else {
        AtomicWrite.replace(s.pending(), ran.report());
        details.addAll(diff);
        status = Verdict.Status.FAIL;
        note = "golden differs; the new report is in " + s.pending().getFileName();
      }
    } else if (mode.update()) {
      AtomicWrite.replace(s.golden(), ran.report());
      Files.deleteIfExists(s.pending());
      status = Verdict.Status.NEW;
      note = "wrote " + s.golden().getFileName();
    } else {
      AtomicWrite.replace(s.pending(), ran.report());
      status = Verdict.Status.NEW;
      pending = true;
      note =
          "wrote " + s.pending().getFileName()
              + (mode.ci() ? "; CI requires a golden" : "");
    }
    if (expectFailed) {
      note = note == null ? "expect: failed" : "expect: failed; " + note;
      status = Verdict.Status.FAIL;
    }
    boolean failed = status == Verdict.Status.FAIL || (pending && mode.ci());
    return new Verdict(s, status, pending, failed, false, note, details, System.nanoTime() - start);
  }
}
