package io.aiosim.view;

import io.aiosim.dsl.TerminalText;
import io.aiosim.dsl.Workflow;
import io.aiosim.report.Lane;
import io.aiosim.report.Lane.Span;
import io.aiosim.report.Lanes;
import io.aiosim.report.RunResult;
import io.aiosim.report.TaskReport;
import io.aiosim.report.ValueText;
import java.io.PrintWriter;

/**
 * A run as a Mermaid gantt chart in a fenced block ({@code --format mermaid}), ready to paste
 * into a GitHub issue or README, where it renders: main's strategy step and {@code after} sleep,
 * then one bar per task from its start to its end (children marked {@code ↳} under their
 * parent), tagged by how it ended ({@code done} completed, {@code crit} failed, {@code active}
 * cancelled), and a bar for each cleanup after a cancel. Times are milliseconds of virtual time
 * ({@code dateFormat x}); at most {@link #TASKS} tasks are drawn.
 */
public final class MermaidView {
  public static final int TASKS = 100;

  private MermaidView() {}

  /** {@code w} may be null: bars then show only what the report says. */
  public static void write(RunResult r, Workflow w, PrintWriter out) {
    out.print(chart(r, w));
  }

  public static String chart(RunResult r, Workflow w) {
    Lanes lanes = Lanes.of(r, w, TASKS);
    long total = r.finishedAtNs();
    StringBuilder out = new StringBuilder("```mermaid\ngantt\n");
    out.append("    title ").append(label(r.workflow() + " - " + r.strategy().kind().key() + ", " + r.clock() + " clock"));
    if (lanes.hidden() > 0) {
      out.append(label(" (first " + ValueText.count(TASKS) + " of " + ValueText.count(r.tasks().size()) + " tasks)"));
    }
    out.append("\n    dateFormat x\n    axisFormat ").append(total < 60_000_000_000L ? "%S.%L s" : "%M:%S").append('\n');
    Lane main = lanes.lanes().getFirst();
    out.append("    section main\n");
    for (Span s : main.spans()) {
      if (s.kind() != Span.Kind.SHUTDOWN) {
        String what = s.kind() == Span.Kind.AWAIT ? s.what() + (r.outcome().returned() ? ", returned" : ", raised " + r.outcome().error().type()) : s.what();
        bar(out, what, r.outcome().returned() || s.kind() != Span.Kind.AWAIT ? "" : "crit, ", s.fromNs(), s.toNs());
      }
    }
    out.append("    section tasks\n");
    for (Lane lane : lanes.lanes().subList(1, lanes.lanes().size())) {
      TaskReport t = lane.task();
      long end = t.finishedAtNs() == null ? total : t.finishedAtNs();
      long start = t.startedAtNs() == null ? end : t.startedAtNs();
      String name = "↳ ".repeat(lane.depth() - 1) + t.name();
      String tag =
          switch (t.state()) {
            case COMPLETED -> "done, ";
            case FAILED -> "crit, ";
            case CANCELLED -> "active, ";
            case PENDING -> "";
          };
      bar(out, name + " " + ending(t), tag, start, end);
      for (Span s : lane.spans()) {
        if (s.kind() == Span.Kind.CLEANUP) {
          bar(out, name + " cleanup after cancel", "active, ", s.fromNs(), s.toNs());
        }
      }
    }
    if (lanes.hidden() > 0) {
      out.append("    %% ").append(ValueText.count(lanes.hidden())).append(" more tasks are not drawn\n");
    }
    return out.append("```\n").toString();
  }

  private static String ending(TaskReport t) {
    return switch (t.state()) {
      case COMPLETED -> "✓ " + ValueText.value(t.result(), 24);
      case FAILED -> "✗ " + t.error().type();
      case CANCELLED -> "⊘ cancelled by " + (t.cancelledBy() == null ? "itself" : t.cancelledBy());
      case PENDING -> "» pending at exit";
    };
  }

  /** A zero-length bar is a milestone: Mermaid draws no bar of no width. */
  private static void bar(StringBuilder out, String name, String tag, long fromNs, long toNs) {
    long from = ms(fromNs);
    long to = ms(toNs);
    out.append("    ").append(label(name)).append(" :").append(to == from ? "milestone, " : tag).append(from).append(", ").append(to).append('\n');
  }

  /** Milliseconds, rounded: {@code dateFormat x} reads whole ones. */
  private static long ms(long ns) {
    return Math.round(ns / 1e6);
  }

  /** Text Mermaid's gantt grammar reads as a name: no {@code :} (it starts the data), {@code #} or {@code ;}. */
  private static String label(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(switch (c) {
        case ':' -> '˸';
        case '#', ';', '\n', '\r', '\t', '`' -> ' ';
        default -> c;
      });
    }
    return TerminalText.escape(sb.toString());
  }
}
