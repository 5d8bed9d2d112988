package io.aiosim.report;

import io.aiosim.dsl.TerminalText;
import io.aiosim.dsl.Workflow;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A report as a transcript a person reads top to bottom ({@code --format text}): a heading,
 * one line per event ({@code 0.100  hello-0.1   completed  0.1}), then what the strategy step
 * and main did and the warnings. Main's own step events ({@code yield}, {@code returned}, {@code
 * raised}) are shown under the strategy's name, since the step produced them and main may well
 * catch what it raised. Times are aligned to the finest instant of the run; long values are cut
 * with a count of what was left out.
 */
public final class TextView {
  private static final int MAX_TASK_COLUMN = 32;
  /** Characters of an event's detail before it is cut. */
  static final int DETAIL = 100;

  private TextView() {}

  /** {@code w} (may be null) tells what main did after its step. */
  public static void write(RunResult r, Workflow w, PrintWriter out) {
    String strategy = r.strategy().kind().key();
    // Workflow text (names, logs, messages, values) is escaped line by line: TerminalText.
    out.println(TerminalText.escape("# " + r.workflow() + ": " + strategy + ", " + r.clock() + " clock"
        + (r.schedule() == null ? "" : ", schedule " + r.schedule())));
    int decimals = 3;
    int taskWidth = Math.max(4, strategy.length());
    EventLog log = r.events();
    for (int i = 0, n = log.size(); i < n; i++) {
      decimals = Math.max(decimals, decimals(log.timeNs(i)));
      taskWidth = Math.max(taskWidth, Math.min(MAX_TASK_COLUMN, log.taskName(i).length()));
    }
    Map<String, String> causes = new HashMap<>();
    for (TaskReport t : r.tasks()) {
      if (t.state() == TaskReport.State.CANCELLED) {
        causes.put(t.name(), t.cancelledBy() == null ? "by itself" : "by " + t.cancelledBy());
      }
    }
    String format = "%s  %-" + taskWidth + "s  %-9s  %s";
    for (Event e : log) {
      String detail =
          switch (e.kind()) {
            case START -> "";
            case LOG -> ValueText.text(String.valueOf(e.detail()), DETAIL);
            case CANCEL -> "by " + e.detail();
            case FAILED, RAISED -> ValueText.error((ErrorValue) e.detail(), DETAIL);
            case CANCELLED -> causes.getOrDefault(e.task(), "");
            case COMPLETED, YIELD, RETURNED -> ValueText.value(e.detail(), DETAIL);
          };
      boolean step = e.kind() == Event.Kind.YIELD || e.kind() == Event.Kind.RETURNED || e.kind() == Event.Kind.RAISED;
      String task = step && e.task().equals(Lane.MAIN) ? strategy : e.task();
      out.println(TerminalText.escape(String.format(format, time(e.tNs(), decimals), task, e.kind().key(), detail).stripTrailing()));
    }
    int places = decimals;
    out.println(TerminalText.escape(
        "# " + outcome(r, w, ns -> time(ns, places), DETAIL) + "; finished at " + time(r.finishedAtNs(), decimals)));
    for (Warning wn : r.warnings()) {
      out.println(TerminalText.escape(
          "# warning: " + wn.message()
              + (wn.task() == null ? "" : " (" + wn.task() + (wn.error() == null ? "" : ": " + ValueText.error(wn.error(), DETAIL)) + ")")));
    }
  }

  /**
   * What the strategy step and then main did: {@code gather raised ValueError: Error at 0.2;
   * main caught it, slept 1.0 s (after) and returned at 1.2}. Without the workflow, only the
   * step. {@code time} formats an instant.
   */
  public static String outcome(RunResult r, Workflow w, LongFunction<String> time, int budget) {
    Outcome o = r.outcome();
    StringBuilder sb = new StringBuilder(r.strategy().kind().key());
    sb.append(o.returned() ? " returned " + ValueText.value(o.value(), budget) : " raised " + ValueText.error(o.error(), budget));
    sb.append(" at ").append(time.apply(o.atNs()));
    if (!o.returned() && o.error().type().equals("CancelledError")) {
      return sb.append("; main raised it too (CancelledError is not an Exception)").toString();
    }
    if (w == null) {
      return sb.toString();
    }
    if (w.after() == null) {
      return sb.append(o.returned() ? "; main" : "; main caught it and").append(" returned at ").append(time.apply(o.atNs())).toString();
    }
    return sb.append(o.returned() ? "; main" : "; main caught it,").append(" slept ").append(PyNumbers.seconds(w.after().sleepNs()))
        .append(" s (after) and returned at ").append(time.apply(o.atNs() + w.after().sleepNs())).toString();
  }

  /** Decimal places the time needs (at most 9: nanoseconds). */
  private static int decimals(long ns) {
    String s = PyNumbers.seconds(ns);
    return s.length() - s.indexOf('.') - 1;
  }

  static String time(long ns, int decimals) {
    return BigDecimal.valueOf(ns, 9).setScale(decimals, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  /** {@code ValueError: Error}; a group lists its members: {@code ExceptionGroup: msg [A: x, B]}. */
  public static String error(ErrorValue e) {
    return ValueText.error(e, ValueText.WHOLE);
  }

  /** A value as one line of JSON, floats as Python prints them, errors as {@link #error}. */
  public static String value(Object v) {
    return ValueText.value(v, ValueText.WHOLE);
  }
}
