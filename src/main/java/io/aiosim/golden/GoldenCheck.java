package io.aiosim.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one scenario against its golden, as gofmt's and insta's golden tests do: run it, check
 * its {@code expect:} block, compare the report with {@code x.golden.json} (byte for byte, CRLF
 * read as LF). A missing golden is written as {@code x.golden.json.new} for review (and fails on
 * CI); a mismatch also leaves its {@code .new}, so that {@code --accept} can take it. A passing
 * scenario's leftover {@code .new} is removed, so that nothing can later accept it over a good
 * golden. With {@code update}, goldens are rewritten instead (atomically; an unchanged one is
 * not touched, so a second run is a no-op). Hand-written expectations cannot be updated: they
 * fail either way.
 */
public final class GoldenCheck {
  /**
   * How a check treats goldens.
   *
   * @param update rewrite a golden that differs or is missing
   * @param accept promote a pending {@code .new} to golden when the golden fails now and the
   *     {@code .new} is exactly today's report
   * @param check write nothing at all; a missing golden fails
   * @param ci a missing golden fails (its {@code .new} is still written unless {@code check})
   */
  public record Mode(boolean update, boolean accept, boolean check, boolean ci) {
    public Mode {
      if (check && (update || accept)) {
        throw new IllegalArgumentException("check writes nothing: it excludes update and accept");
      }
    }

    /** The default: leave {@code .new} files for review. */
    public static Mode review(boolean ci) {
      return new Mode(false, false, false, ci);
    }
  }

  private GoldenCheck() {}

  public static Verdict check(Scenario s, ScenarioRunner runner, Mode mode) {
    long start = System.nanoTime();
    try {
      return check(s, runner, mode, start);
    } catch (IOException e) {
      return new Verdict(
          s, Verdict.Status.FAIL, false, true, false, "cannot read or write a file",
          List.of(FileError.describe(e)), System.nanoTime() - start);
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

  /** What the golden comparison decided, before the {@code expect:} block has its say. */
  private record Outcome(Verdict.Status status, boolean pending, String note, List<String> diff) {}

  private static Verdict check(Scenario s, ScenarioRunner runner, Mode mode, long start)
      throws IOException {
    RunAttempt attempt = runner.run(s.workflow(), s.python());
    if (attempt instanceof RunAttempt.Invalid invalid) {
      return new Verdict(
          s, Verdict.Status.FAIL, false, true, false, "invalid workflow", invalid.diagnostics(),
          System.nanoTime() - start);
    }
    RunAttempt.Ran ran = (RunAttempt.Ran) attempt;
    Scenario target = s;
    if (s.python() != null && s.python().equals(ran.ownPython())) {
      // The workflow pins this version itself: its golden is x.golden.json.
      if (Files.isRegularFile(s.golden())) {
        return new Verdict(
            s, Verdict.Status.FAIL, false, true, false,
            s.golden().getFileName() + " duplicates " + s.own().golden().getFileName()
                + ", the golden of the workflow's own python " + s.python() + ": delete one",
            List.of(), System.nanoTime() - start);
      }
      target = s.own();
    }
    List<String> details = new ArrayList<>();
    if (ran.expect() != null) {
      details.addAll(ExpectCheck.check(ran.expect(), JsonTree.parseOwn(ran.report())));
    }
    boolean expectFailed = !details.isEmpty();
    Outcome o = compare(target, ran.report(), mode);
    details.addAll(o.diff());
    Verdict.Status status = o.status();
    String note = o.note();
    if (expectFailed) {
      note = note == null ? "expect: failed" : "expect: failed; " + note;
      status = Verdict.Status.FAIL;
    }
    boolean failed = status == Verdict.Status.FAIL || (o.pending() && mode.ci());
    return new Verdict(s, status, o.pending(), failed, false, note, details, System.nanoTime() - start);
  }

  /**
   * Compares with the scenario's golden. Another version than the workflow's own, without a
   * golden of its own, must equal the workflow's golden but for the {@code python} key: only
   * the versions that behave differently need one.
   */
  private static Outcome compare(Scenario s, String report, Mode mode) throws IOException {
    Path golden = s.golden();
    Path pending = s.pending();
    String pendingName = pending.getFileName().toString();
    boolean hasGolden = Files.isRegularFile(golden);
    String expected = hasGolden ? read(golden) : null;
    String sameAs = null; // the workflow's own golden, standing in for this version's
    if (!hasGolden && s.python() != null && Files.isRegularFile(s.own().golden())) {
      expected = GoldenCompare.asPython(read(s.own().golden()), s.python());
      sameAs = s.own().golden().getFileName().toString();
    }
    List<String> diff = expected != null ? GoldenCompare.explain(expected, report) : List.of();
    if (expected != null && diff.isEmpty()) {
      String as = sameAs == null ? null : "same as " + sameAs;
      if (!Files.isRegularFile(pending)) {
        return new Outcome(Verdict.Status.PASS, false, as, List.of());
      }
      String prefix = as == null ? "" : as + "; ";
      if (mode.check()) {
        return new Outcome(
            Verdict.Status.PASS, false, prefix + "stale " + pendingName + " left: --check writes nothing", List.of());
      }
      Files.deleteIfExists(pending);
      return new Outcome(
          Verdict.Status.PASS, false, prefix + "removed stale " + pendingName + ": the golden matches", List.of());
    }
    if (mode.update()) {
      AtomicWrite.replace(golden, report);
      Files.deleteIfExists(pending);
      return hasGolden
          ? new Outcome(Verdict.Status.PASS, false, "golden updated", List.of())
          : new Outcome(Verdict.Status.NEW, false, "wrote " + golden.getFileName(), List.of());
    }
    String refused = null;
    if (mode.accept() && Files.isRegularFile(pending)) {
      if (GoldenCompare.same(read(pending), report)) {
        AtomicWrite.move(pending, golden);
        String what =
            hasGolden
                ? "accepted " + pendingName + ": replaced " + golden.getFileName()
                : "accepted " + pendingName + " as " + golden.getFileName();
        return new Outcome(Verdict.Status.PASS, false, what, List.of());
      }
      // Accepting it would install a golden that fails at once: review today's report instead.
      refused = "not accepted: " + pendingName + " is not today's report";
    }
    String differs =
        sameAs == null ? "golden differs" : "python " + s.python() + " differs from " + sameAs;
    if (mode.check()) {
      return expected != null
          ? new Outcome(Verdict.Status.FAIL, false, differs, diff)
          : new Outcome(
              Verdict.Status.FAIL, false, "no " + golden.getFileName() + " (--check writes nothing)", List.of());
    }
    AtomicWrite.replace(pending, report);
    String prefix = refused == null ? "" : refused + "; ";
    if (expected != null) {
      return new Outcome(
          Verdict.Status.FAIL, false, prefix + differs + "; the new report is in " + pendingName, diff);
    }
    return new Outcome(
        Verdict.Status.NEW, true,
        prefix + "wrote " + pendingName + (mode.ci() ? "; CI requires a golden" : ""), List.of());
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
