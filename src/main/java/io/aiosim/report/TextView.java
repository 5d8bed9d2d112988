package io.aiosim.report;

import io.aiosim.dsl.TerminalText;
import io.aiosim.dsl.Values;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as a transcript a person reads top to bottom ({@code --format text}): a heading,
 * one line per event ({@code 0.100  hello-0.1   completed  0.1}), then main's outcome and
 * the warnings. Times are aligned to the finest instant of the run.
 */
public final class TextView {
  private static final int MAX_TASK_COLUMN = 32;

  private TextView() {}

  public static void write(RunResult r, PrintWriter out) {
    // Workflow text (names, logs, messages, values) is escaped line by line: TerminalText.
    out.println(TerminalText.escape("# " + r.workflow() + ": " + r.strategy().kind().key() + ", " + r.clock() + " clock"));
    int decimals = 3;
    int taskWidth = 4;
    for (Event e : r.events()) {
      decimals = Math.max(decimals, decimals(e.tNs()));
      taskWidth = Math.max(taskWidth, Math.min(MAX_TASK_COLUMN, e.task().length()));
    }
    Map<String, String> causes = new HashMap<>();
    for (TaskReport t : r.tasks()) {
      if (t.state() == TaskReport.State.CANCELLED) {
        causes.put(t.name(), t.cancelledBy() == null ? "by itself" : "by " + t.cancelledBy());
      }
    }
    String format = "%s  %-" + taskWidth + "s  %-9s  %s";
    for (Event e : r.events()) {
      String detail =
          switch (e.kind()) {
            case START -> "";
            case LOG -> String.valueOf(e.detail());
            case CANCEL -> "by " + e.detail();
            case FAILED, RAISED -> error((ErrorValue) e.detail());
            case CANCELLED -> causes.getOrDefault(e.task(), "");
            case COMPLETED, YIELD, RETURNED -> value(e.detail());
          };
      out.println(TerminalText.escape(String.format(format, time(e.tNs(), decimals), e.task(), e.kind().key(), detail).stripTrailing()));
    }
    Outcome o = r.outcome();
    out.println(TerminalText.escape(
        "# main "
            + (o.returned() ? "returned " + value(o.value()) : "raised " + error(o.error()))
            + " at " + time(o.atNs(), decimals).strip()
            + "; finished at " + time(r.finishedAtNs(), decimals).strip()));
    for (Warning w : r.warnings()) {
      out.println(TerminalText.escape(
          "# warning: " + w.message()
              + (w.task() == null ? "" : " (" + w.task() + (w.error() == null ? "" : ": " + error(w.error())) + ")")));
    }
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
    if (e == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(e.type());
    if (e.message() != null && !e.message().isEmpty()) {
      sb.append(": ").append(e.message());
    }
    List<ErrorValue> members = e.exceptions();
    if (members != null) {
      sb.append(" [");
      for (int i = 0; i < members.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(error(members.get(i)));
      }
      sb.append(']');
    }
    return sb.toString();
  }

  /** A value as one line of JSON, floats as Python prints them, errors as {@link #error}. */
  public static String value(Object v) {
    StringBuilder sb = new StringBuilder();
    value(sb, v);
    return sb.toString();
  }

  private static void value(StringBuilder sb, Object v) {
    switch (v) {
      case null -> sb.append("null");
      case String s -> quote(sb, s);
      case Double d -> sb.append(Values.pythonRepr(d));
      case Boolean b -> sb.append(b);
      case Long l -> sb.append(l);
      case Integer i -> sb.append(i);
      case BigInteger b -> sb.append(b);
      case ErrorValue e -> sb.append('<').append(error(e)).append('>');
      case List<?> list -> {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
          sb.append(i > 0 ? ", " : "");
          value(sb, list.get(i));
        }
        sb.append(']');
      }
      case Map<?, ?> map -> {
        sb.append('{');
        String sep = "";
        for (Map.Entry<?, ?> e : map.entrySet()) {
          sb.append(sep);
          quote(sb, String.valueOf(e.getKey()));
          sb.append(": ");
          value(sb, e.getValue());
          sep = ", ";
        }
        sb.append('}');
      }
      default -> throw new IllegalStateException("not a report value: " + v.getClass().getName());
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
