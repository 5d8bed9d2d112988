package io.aiosim.report;

import io.aiosim.dsl.TerminalText;
import io.aiosim.dsl.Workflow;
import io.aiosim.report.Lane.Mark;
import io.aiosim.report.Lane.Span;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A report as a Gantt chart for the terminal ({@code --format timeline}): main's row, then one
 * row per task (children indented under their parent) on a time axis scaled to the width. A row
 * shows what the task was doing ({@link Lanes}): sleeping, awaiting other tasks, cleaning up
 * after a cancel, the instants it ran, each accepted cancel, and its end (completed, failed,
 * cancelled, pending), with the result or error beside it. Main's row shows its strategy step,
 * the as_completed yields, the step's end, its {@code after} sleep and its return. Then the
 * outcome, a legend of the marks that appear, and the warnings. {@code ascii} swaps the block
 * characters for plain ones.
 */
public final class TimelineView {
  /** More rows than this are summarised: a chart of 100,000 tasks is not grasped at a glance. */
  static final int MAX_ROWS = 200;

  private static final int MIN_BAR = 20;
  private static final int MAX_LABEL = 24;
  private static final int MAX_DETAIL = 32;

  /** A glyph for each thing a row can show, in the legend's order and with its words. */
  private enum Look {
    RUN("running"),
    SLEEP("sleeping"),
    AWAIT("awaiting tasks"),
    CLEANUP("cleaning up"),
    CANCEL("cancel requested"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    PENDING("pending at exit"),
    YIELD("item yielded"),
    STEP_END("step ends"),
    MAIN_END("main returns"),
    SHUTDOWN("shutdown");

    final String words;

    Look(String words) {
      this.words = words;
    }
  }

  /** The drawing characters: Unicode blocks, or plain ASCII; indexed by {@link Look}. */
  private record Glyphs(String looks, char axis, char tick, char axisStart, char axisEnd, String cut, String dash) {
    char of(Look l) {
      return looks.charAt(l.ordinal());
    }
  }

  private static final Glyphs UNICODE = new Glyphs("█░─▒×✓✗⊘»•▲◆·", '─', '┼', '├', '┤', "…", "—");
  private static final Glyphs ASCII = new Glyphs("#=-%xoX/>*^@.", '-', '+', '|', '|', "~", "-");

  private TimelineView() {}

  /** Draws {@code r} within {@code columns} characters (80 when unknown); {@code w} may be null. */
  public static void write(RunResult r, Workflow w, PrintWriter out, int columns, boolean ascii) {
    Glyphs g = ascii ? ASCII : UNICODE;
    Lanes lanes = Lanes.of(r, w, MAX_ROWS);
    String strategy = r.strategy().kind().key();
    List<String> labels = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (Lane lane : lanes.lanes()) {
      // Workflow text is escaped before it is measured and cut: TerminalText.
      labels.add(lane.isMain() ? Lane.MAIN : "  ".repeat(lane.depth() - 1) + TerminalText.escape(lane.name()));
      details.add(TerminalText.escape(lane.isMain() ? mainDetail(r.outcome(), strategy) : detail(lane.task())));
    }
    int labelWidth = Math.min(MAX_LABEL, labels.stream().mapToInt(String::length).max().orElse(4));
    int detailWidth = Math.min(MAX_DETAIL, details.stream().mapToInt(String::length).max().orElse(0));
    int bar = columns - labelWidth - detailWidth - 4;
    if (bar < MIN_BAR) {
      detailWidth = Math.max(0, detailWidth - (MIN_BAR - bar));
      bar = Math.max(MIN_BAR, columns - labelWidth - detailWidth - 4);
    }
    Scale scale = new Scale(Math.max(1, r.finishedAtNs()), bar);

    out.println(
        TerminalText.escape(r.workflow()) + " " + g.dash() + " " + strategy + ", " + r.clock() + " clock"
            + (r.schedule() == null ? "" : ", schedule " + r.schedule())
            + ", finished at " + PyNumbers.seconds(r.finishedAtNs()) + " s");
    out.println();
    String margin = " ".repeat(labelWidth + 2);
    out.println((margin + scale.labels() + " s").stripTrailing());
    out.println(margin + scale.axis(g));
    Map<Look, Boolean> seen = new EnumMap<>(Look.class);
    for (int i = 0; i < lanes.lanes().size(); i++) {
      String row = row(lanes.lanes().get(i), scale, g, seen);
      out.println(row(labels.get(i), labelWidth, row, details.get(i), detailWidth, g));
    }
    if (lanes.hidden() > 0) {
      out.println(fit("... " + lanes.hidden() + " more tasks not drawn", labelWidth + bar + 2, g));
    }
    out.println();
    out.println(TerminalText.escape("  " + TextView.outcome(r, w, ns -> PyNumbers.seconds(ns) + " s", columns)));
    out.println("  " + legend(seen, g, strategy));
    out.println("  " + counts(r.tasks()));
    for (Warning wn : r.warnings()) {
      out.println(TerminalText.escape(
          "  warning: " + wn.message()
              + (wn.task() == null ? "" : " (" + wn.task() + (wn.error() == null ? "" : ": " + ValueText.error(wn.error(), columns)) + ")")));
    }
  }

  /** The number of columns to draw in: {@code COLUMNS} when it is a sane number, else 80. */
  public static int columns(String env) {
    try {
      int c = Integer.parseInt(env == null ? "" : env.trim());
      return c >= 40 && c <= 1000 ? c : 80;
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  private static String mainDetail(Outcome o, String strategy) {
    return strategy + (o.returned() ? " returned" : " raised " + o.error().type());
  }

  private static String detail(TaskReport t) {
    return switch (t.state()) {
      case COMPLETED -> ValueText.value(t.result(), MAX_DETAIL);
      case FAILED -> ValueText.error(t.error(), MAX_DETAIL);
      case CANCELLED -> t.cancelledBy() == null ? "cancelled itself" : "by " + t.cancelledBy();
      case PENDING -> "pending at exit";
    };
  }

  /** Spans first, then marks over them; at one column the weightier mark wins (an end over a run). */
  private static String row(Lane lane, Scale scale, Glyphs g, Map<Look, Boolean> seen) {
    char[] row = blank(scale.width);
    Look[] looks = new Look[scale.width];
    for (Span s : lane.spans()) {
      Look look =
          switch (s.kind()) {
            case SLEEP -> Look.SLEEP;
            case AWAIT -> Look.AWAIT;
            case CLEANUP -> Look.CLEANUP;
            case SHUTDOWN -> Look.SHUTDOWN;
          };
      for (int c = scale.col(s.fromNs()), to = scale.col(s.toNs()); c < to; c++) {
        looks[c] = look;
      }
    }
    for (Mark m : lane.marks()) {
      Look look =
          switch (m.kind()) {
            case RUN, LOG, SPAWN -> Look.RUN;
            case CANCEL -> Look.CANCEL;
            case YIELD -> Look.YIELD;
            case STEP_RETURNED, STEP_RAISED -> Look.STEP_END;
            case MAIN_RETURNED, MAIN_RAISED -> Look.MAIN_END;
            case COMPLETED -> Look.COMPLETED;
            case FAILED -> Look.FAILED;
            case CANCELLED -> Look.CANCELLED;
            case PENDING -> Look.PENDING;
          };
      int c = scale.col(m.atNs());
      if (looks[c] == null || weight(look) >= weight(looks[c])) {
        looks[c] = look;
      }
    }
    for (int c = 0; c < scale.width; c++) {
      if (looks[c] != null) {
        row[c] = g.of(looks[c]);
        seen.put(looks[c], true);
      }
    }
    return new String(row);
  }

  /** Spans weigh nothing; a task's end outweighs a cancel, which outweighs a run. */
  private static int weight(Look l) {
    return switch (l) {
      case SLEEP, AWAIT, CLEANUP, SHUTDOWN -> 0;
      case RUN -> 1;
      case YIELD -> 2;
      case CANCEL -> 3;
      case MAIN_END -> 4;
      case STEP_END -> 5; // the step's end says more than main's return at the same instant
      case COMPLETED, FAILED, CANCELLED, PENDING -> 6;
    };
  }

  /** Explains only the marks that appear. */
  private static String legend(Map<Look, Boolean> seen, Glyphs g, String strategy) {
    StringBuilder sb = new StringBuilder();
    for (Look l : seen.keySet()) {
      String words = l == Look.STEP_END ? strategy + " " + l.words : l.words;
      sb.append(sb.isEmpty() ? "" : "  ").append(g.of(l)).append(' ').append(words);
    }
    return sb.toString();
  }

  /** {@code 3 tasks: 1 completed, 1 failed, 1 cancelled}. */
  public static String counts(List<TaskReport> tasks) {
    Map<TaskReport.State, Integer> n = new EnumMap<>(TaskReport.State.class);
    for (TaskReport t : tasks) {
      n.merge(t.state(), 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder(tasks.size() + (tasks.size() == 1 ? " task" : " tasks"));
    String sep = ": ";
    for (var e : n.entrySet()) {
      sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().key());
      sep = ", ";
    }
    return sb.toString();
  }

  private static String row(String label, int labelWidth, String bar, String detail, int detailWidth, Glyphs g) {
    String l = fit(label, labelWidth, g);
    String line = l + " ".repeat(labelWidth - l.length() + 2) + bar;
    return detailWidth == 0 ? line.stripTrailing() : (line + "  " + fit(detail, detailWidth, g)).stripTrailing();
  }

  private static String fit(String s, int width, Glyphs g) {
    return s.length() <= width ? s : s.substring(0, Math.max(0, width - g.cut().length())) + g.cut();
  }

  private static char[] blank(int width) {
    char[] c = new char[width];
    java.util.Arrays.fill(c, ' ');
    return c;
  }

  /** Maps times to columns 0..width-1 and draws the axis with round-number ticks. */
  private static final class Scale {
    final long total;
    final int width;
    final long step;

    Scale(long total, int width) {
      this.total = total;
      this.width = width;
      this.step = TimeAxis.step(total, Math.max(1, width / 8));
    }

    int col(long ns) {
      return (int) Math.round((double) Math.min(ns, total) / total * (width - 1));
    }

    String axis(Glyphs g) {
      char[] a = new char[width];
      java.util.Arrays.fill(a, g.axis());
      for (long t = step; t < total; t += step) {
        a[col(t)] = g.tick();
      }
      a[0] = g.axisStart();
      a[width - 1] = g.axisEnd();
      return new String(a);
    }

    String labels() {
      StringBuilder sb = new StringBuilder();
      for (long t = 0; t <= total; t += step) {
        int c = col(t);
        String label = TimeAxis.label(t);
        if (c >= sb.length() + (sb.isEmpty() ? 0 : 1)) {
          sb.append(" ".repeat(c - sb.length())).append(label);
        }
        if (t > Long.MAX_VALUE - step) {
          break;
        }
      }
      return sb.toString();
    }
  }
}
