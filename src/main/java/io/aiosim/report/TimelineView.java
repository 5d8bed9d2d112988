package io.aiosim.report;

import io.aiosim.dsl.TerminalText;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as a Gantt chart for the terminal ({@code --format timeline}): one row per task, a
 * bar from {@code started_at} to {@code finished_at} on a time axis scaled to the width, its end
 * marked completed, failed or cancelled, the result or error beside it, then main's row (its
 * step's end), a legend and the warnings. Spawned and group children are indented under their
 * parent's name. {@code ascii} swaps the block characters for plain ones.
 */
public final class TimelineView {
  /** More rows than this are summarised: a chart of 100,000 tasks is not grasped at a glance. */
  static final int MAX_ROWS = 200;

  private static final int MIN_BAR = 20;
  private static final int MAX_LABEL = 24;
  private static final int MAX_DETAIL = 32;

  /** The drawing characters: Unicode blocks, or plain ASCII. */
  private record Glyphs(char bar, char completed, char failed, char cancelled, char pending,
      char mainBar, char mainEnd, char axis, char tick, char axisStart, char axisEnd, String cut, String dash) {}

  private static final Glyphs UNICODE =
      new Glyphs('█', '✓', '✗', '⊘', '░', '─', '▲', '─', '┼', '├', '┤', "…", "—");
  private static final Glyphs ASCII =
      new Glyphs('=', 'o', 'X', '/', '~', '-', '^', '-', '+', '|', '|', "~", "-");

  private TimelineView() {}

  /** Draws {@code r} within {@code columns} characters (80 when unknown). */
  public static void write(RunResult r, PrintWriter out, int columns, boolean ascii) {
    Glyphs g = ascii ? ASCII : UNICODE;
    List<TaskReport> tasks = treeOrder(r.tasks());
    int shown = Math.min(tasks.size(), MAX_ROWS);
    Map<String, String> parents = new HashMap<>();
    for (TaskReport t : tasks) {
      parents.put(t.name(), t.parent());
    }
    List<String> labels = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      TaskReport t = tasks.get(i);
      // Workflow text is escaped before it is measured and cut: TerminalText.
      labels.add("  ".repeat(depth(t.name(), parents)) + TerminalText.escape(t.name()));
      details.add(TerminalText.escape(detail(t)));
    }
    Outcome o = r.outcome();
    labels.add("main");
    details.add(o.returned() ? "returned" : "raised " + TerminalText.escape(o.error().type()));

    int labelWidth = Math.min(MAX_LABEL, labels.stream().mapToInt(String::length).max().orElse(4));
    int detailWidth = Math.min(MAX_DETAIL, details.stream().mapToInt(String::length).max().orElse(0));
    int bar = columns - labelWidth - detailWidth - 4;
    if (bar < MIN_BAR) {
      detailWidth = Math.max(0, detailWidth - (MIN_BAR - bar));
      bar = Math.max(MIN_BAR, columns - labelWidth - detailWidth - 4);
    }
    long total = Math.max(1, r.finishedAtNs());
    Scale scale = new Scale(total, bar);

    out.println(
        TerminalText.escape(r.workflow()) + " " + g.dash() + " " + r.strategy().kind().key() + ", " + r.clock()
            + " clock, finished at " + PyNumbers.seconds(r.finishedAtNs()) + " s");
    out.println();
    String margin = " ".repeat(labelWidth + 2);
    out.println((margin + scale.labels() + " s").stripTrailing());
    out.println(margin + scale.axis(g));
    for (int i = 0; i < shown; i++) {
      TaskReport t = tasks.get(i);
      out.println(row(labels.get(i), labelWidth, taskBar(t, scale, g), details.get(i), detailWidth, g));
    }
    if (tasks.size() > shown) {
      out.println(fit("... " + (tasks.size() - shown) + " more tasks not drawn", labelWidth + bar + 2, g));
    }
    char[] main = blank(bar);
    int end = scale.col(o.atNs());
    for (int c = 0; c < end; c++) {
      main[c] = g.mainBar();
    }
    main[end] = g.mainEnd();
    out.println(row("main", labelWidth, new String(main), details.getLast(), detailWidth, g));
    out.println();
    out.println(TerminalText.escape(
        "  main "
            + (o.returned() ? "returned " + TextView.value(o.value()) : "raised " + TextView.error(o.error()))
            + " at " + PyNumbers.seconds(o.atNs()) + " s"));
    out.println("  " + legend(tasks, g));
    out.println("  " + counts(tasks));
    for (Warning w : r.warnings()) {
      out.println(TerminalText.escape(
          "  warning: " + w.message()
              + (w.task() == null ? "" : " (" + w.task() + (w.error() == null ? "" : ": " + TextView.error(w.error())) + ")")));
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

  /** Each task followed by its children (spawned or group members), creation order within. */
  private static List<TaskReport> treeOrder(List<TaskReport> tasks) {
    Map<String, List<TaskReport>> children = new HashMap<>();
    List<TaskReport> roots = new ArrayList<>();
    Map<String, TaskReport> byName = new HashMap<>();
    for (TaskReport t : tasks) {
      byName.put(t.name(), t);
    }
    for (TaskReport t : tasks) {
      if (t.parent() == null || !byName.containsKey(t.parent())) {
        roots.add(t);
      } else {
        children.computeIfAbsent(t.parent(), k -> new ArrayList<>()).add(t);
      }
    }
    List<TaskReport> out = new ArrayList<>(tasks.size());
    java.util.ArrayDeque<TaskReport> stack = new java.util.ArrayDeque<>();
    for (TaskReport root : roots) {
      stack.push(root);
      while (!stack.isEmpty()) {
        TaskReport t = stack.pop();
        out.add(t);
        List<TaskReport> kids = children.getOrDefault(t.name(), List.of());
        for (int i = kids.size() - 1; i >= 0; i--) {
          stack.push(kids.get(i));
        }
      }
    }
    return out;
  }

  private static int depth(String name, Map<String, String> parents) {
    int d = 0;
    for (String p = parents.get(name); p != null && d < 50; p = parents.get(p)) {
      d++;
    }
    return d;
  }

  private static String detail(TaskReport t) {
    return switch (t.state()) {
      case COMPLETED -> TextView.value(t.result());
      case FAILED -> TextView.error(t.error());
      case CANCELLED -> t.cancelledBy() == null ? "cancelled itself" : "by " + t.cancelledBy();
      case PENDING -> "pending at exit";
    };
  }

  private static String taskBar(TaskReport t, Scale scale, Glyphs g) {
    char[] row = blank(scale.width);
    int from = t.startedAtNs() == null ? -1 : scale.col(t.startedAtNs());
    if (t.finishedAtNs() == null) {
      for (int c = Math.max(0, from); c < scale.width; c++) {
        row[c] = g.pending();
      }
      return new String(row);
    }
    int to = scale.col(t.finishedAtNs());
    for (int c = Math.max(0, from); c < to; c++) {
      row[c] = g.bar();
    }
    row[to] =
        switch (t.state()) {
          case COMPLETED -> g.completed();
          case FAILED -> g.failed();
          case CANCELLED -> g.cancelled();
          case PENDING -> g.pending();
        };
    return new String(row);
  }

  /** Explains only the marks that appear. */
  private static String legend(List<TaskReport> tasks, Glyphs g) {
    StringBuilder sb = new StringBuilder().append(g.bar()).append(" running");
    for (TaskReport.State s : TaskReport.State.values()) {
      if (tasks.stream().anyMatch(t -> t.state() == s)) {
        char mark =
            switch (s) {
              case COMPLETED -> g.completed();
              case FAILED -> g.failed();
              case CANCELLED -> g.cancelled();
              case PENDING -> g.pending();
            };
        sb.append("  ").append(mark).append(' ').append(s.key());
      }
    }
    return sb.append("  ").append(g.mainEnd()).append(" main's step ends").toString();
  }

  private static String counts(List<TaskReport> tasks) {
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
      this.step = niceStep(total, Math.max(1, width / 8));
    }

    int col(long ns) {
      return (int) Math.round((double) ns / total * (width - 1));
    }

    /** The smallest 1, 2 or 5 times a power of ten that cuts {@code total} into at most {@code n} parts. */
    static long niceStep(long total, int n) {
      long p = 1;
      while (true) {
        for (long m : new long[] {1, 2, 5}) {
          if (p * m * n >= total) {
            return p * m;
          }
        }
        if (p > Long.MAX_VALUE / 100) {
          return total;
        }
        p *= 10;
      }
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
        String label = BigDecimal.valueOf(t, 9).stripTrailingZeros().toPlainString();
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
