package io.aiosim.explore;

import io.aiosim.explore.Exploration.Found;
import io.aiosim.explore.Exploration.TieChoice;
import io.aiosim.report.Outcome;
import io.aiosim.report.PyNumbers;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.TaskReport;
import io.aiosim.report.TextView;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * An exploration as {@code aiosim explore} prints it: JSON ({@code --format json}, in the
 * report's conventions: Python's escapes and numbers, one outcome a line) or text for a person.
 */
public final class ExplorationWriter {
  private ExplorationWriter() {}

  /**
   * {@code {"workflow", "file", "verdict", "budget", "schedules", "ties", "order_dependent",
   * "outcomes": [{"count", "schedule", "outcome", "tasks", "changed", "off_fifo"}]}}, the default
   * schedule's outcome first; {@code changed} names main (its outcome) and the tasks whose fate
   * differs from the default, {@code off_fifo} the witness's ties not run FIFO.
   */
  public static void json(Exploration e, String file, PrintWriter out) {
    ReportWriter.writeDocument(
        out,
        true,
        g -> {
          g.writeStartObject();
          g.writeStringProperty("workflow", e.workflow());
          g.writeStringProperty("file", file);
          g.writeStringProperty("verdict", e.verdict().key());
          g.writeNumberProperty("budget", e.budget());
          g.writeNumberProperty("schedules", e.schedules());
          g.writeNumberProperty("ties", e.ties());
          g.writeBooleanProperty("order_dependent", e.orderDependent());
          g.writeName("outcomes");
          g.writeStartArray();
          for (Found f : e.outcomes()) {
            found(g, f);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
    out.flush();
  }

  private static void found(JsonGenerator g, Found f) {
    g.writeStartObject();
    g.writeNumberProperty("count", f.count());
    g.writeStringProperty("schedule", f.witness().token());
    g.writeName("outcome");
    ReportWriter.writeOutcome(g, f.outcome());
    g.writeName("tasks");
    g.writeStartArray();
    for (TaskReport t : f.tasks()) {
      ReportWriter.writeTask(g, t);
    }
    g.writeEndArray();
    g.writeName("changed");
    g.writeStartArray();
    for (FateChange c : f.changes()) {
      g.writeString(c.task());
    }
    g.writeEndArray();
    g.writeName("off_fifo");
    g.writeStartArray();
    for (TieChoice t : f.deviations()) {
      g.writeStartObject();
      g.writeNumberProperty("tie", t.tie());
      g.writeName("at");
      ReportWriter.writeTime(g, t.whenNs());
      g.writeName("timers");
      strings(g, t.timers());
      g.writeName("ran");
      strings(g, t.ran());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, List<String> items) {
    g.writeStartArray();
    for (String s : items) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  /** For a person: the verdict, then each outcome with its count, witness and what differs. */
  public static void text(Exploration e, String file, PrintWriter out) {
    String scope =
        "(" + e.verdict().key() + ": " + plural(e.schedules(), "schedule") + ", " + plural(e.ties(), "tie") + ")";
    if (!e.orderDependent()) {
      Found only = e.outcomes().get(0);
      String what =
          e.verdict() == Exploration.Verdict.EXHAUSTIVE
              ? "order-robust"
              : "no order dependence found before the budget (--budget " + e.budget() + ")";
      out.println(file + ": " + what + " " + scope);
      out.println("  one outcome: main " + outcome(only.outcome()));
      out.flush();
      return;
    }
    out.println(file + ": order-dependent, " + e.outcomes().size() + " outcomes " + scope);
    for (int i = 0; i < e.outcomes().size(); i++) {
      Found f = e.outcomes().get(i);
      String count = plural(f.count(), "schedule");
      if (i == 0) {
        out.println("  outcome 1, the default (FIFO at every tie, " + f.witness().token() + "): " + count);
        out.println("    main " + outcome(f.outcome()));
        continue;
      }
      out.println("  outcome " + (i + 1) + ": " + count + ", e.g. --schedule " + f.witness().token());
      for (FateChange c : f.changes()) {
        boolean times = !(c.before() instanceof TaskReport x && c.after() instanceof TaskReport y)
            || !java.util.Objects.equals(x.startedAtNs(), y.startedAtNs())
            || !java.util.Objects.equals(x.finishedAtNs(), y.finishedAtNs());
        out.println("    " + c.task() + ": " + fate(c.before(), times) + "  ->  " + fate(c.after(), times));
      }
      for (TieChoice t : f.deviations()) {
        out.println(
            "    at tie " + t.tie() + " (" + PyNumbers.seconds(t.whenNs()) + " s): ran " + String.join(", ", t.ran())
                + "; FIFO runs " + String.join(", ", t.timers()));
      }
    }
    out.flush();
  }

  /** A side of a change; a task's times only where they changed, so that the change stands out. */
  private static String fate(Object o, boolean times) {
    return switch (o) {
      case null -> "not created";
      case Outcome x -> outcome(x);
      case TaskReport t -> task(t, times);
      default -> throw new IllegalStateException("not a fate: " + o);
    };
  }

  private static String outcome(Outcome o) {
    return (o.returned() ? "returned " + TextView.value(o.value()) : "raised " + TextView.error(o.error()))
        + " at " + PyNumbers.seconds(o.atNs()) + " s";
  }

  private static String task(TaskReport t, boolean times) {
    String state =
        switch (t.state()) {
          case COMPLETED -> "completed " + TextView.value(t.result());
          case FAILED -> "failed " + TextView.error(t.error());
          case CANCELLED -> "cancelled " + (t.cancelledBy() == null ? "by itself" : "by " + t.cancelledBy());
          case PENDING -> "pending";
        };
    if (!times) {
      return state;
    }
    String started = t.startedAtNs() == null ? "never started" : "started " + PyNumbers.seconds(t.startedAtNs()) + " s";
    String finished = t.finishedAtNs() == null ? "never finished" : "ended " + PyNumbers.seconds(t.finishedAtNs()) + " s";
    return state + " (" + started + ", " + finished + ")";
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
