package io.aiosim.view;

import io.aiosim.dsl.TerminalText;
import io.aiosim.dsl.Workflow;
import io.aiosim.report.Lane;
import io.aiosim.report.Lane.Mark;
import io.aiosim.report.Lane.Span;
import io.aiosim.report.Lanes;
import io.aiosim.report.PyNumbers;
import io.aiosim.report.RunResult;
import io.aiosim.report.TaskReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A run as Chrome Trace Event JSON ({@code --format trace}) for ui.perfetto.dev and
 * chrome://tracing. Each lane is a track: a thread ({@code tid}) named by {@code M} metadata,
 * whose slices are nestable async events ({@code b}/{@code e}, one {@code id} per track, so a
 * track's slices nest): the task's lifetime, and inside it what it awaited (a sleep, its strategy
 * step, its cleanup). Instants ({@code n}) mark logs, cancel requests, yields and ends.
 * Spawns and cancels are flows ({@code bind_id} with {@code flow_out} on an instant on the
 * requester's track and {@code flow_in} on one on the target's: {@code created}, or the cancel
 * request), which Perfetto draws as arrows between async slices.
 * {@code ts} is in microseconds of virtual time; events are in time order, one per line.
 */
public final class TraceView {
  private static final String CAT = "aiosim";
  private static final JsonStringEncoder JSON = JsonStringEncoder.getInstance();

  /** One trace event, placed by time, then by {@code order} at one instant. */
  private record Item(long ts, int order, int seq, String json) {}

  private final List<Item> items = new ArrayList<>();
  private final RunResult r;

  private TraceView(RunResult r) {
    this.r = r;
  }

  /** {@code w} may be null: the tracks then show only what the report says. */
  public static void write(RunResult r, Workflow w, PrintWriter out) {
    out.print(trace(r, w));
  }

  public static String trace(RunResult r, Workflow w) {
    return new TraceView(r).build(Lanes.of(r, w, Integer.MAX_VALUE));
  }

  private String build(Lanes lanes) {
    List<Lane> ls = lanes.lanes();
    StringBuilder out = new StringBuilder(256 + ls.size() * 400);
    out.append("{\"displayTimeUnit\": \"ms\", \"otherData\": {\"workflow\": ").append(quote(r.workflow()))
        .append(", \"strategy\": ").append(quote(r.strategy().kind().key())).append(", \"clock\": ").append(quote(r.clock()))
        .append(", \"python\": ").append(quote(r.python())).append("},\n\"traceEvents\": [\n");
    out.append("{\"ph\": \"M\", \"name\": \"process_name\", \"pid\": 1, \"tid\": 1, \"args\": {\"name\": ")
        .append(quote(r.workflow() + " (" + r.strategy().kind().key() + ")")).append("}}");
    for (int i = 0; i < ls.size(); i++) {
      String name = ls.get(i).name();
      out.append(",\n{\"ph\": \"M\", \"name\": \"thread_name\", \"pid\": 1, \"tid\": ").append(i + 1)
          .append(", \"args\": {\"name\": ").append(quote(name)).append("}}")
          .append(",\n{\"ph\": \"M\", \"name\": \"thread_sort_index\", \"pid\": 1, \"tid\": ").append(i + 1)
          .append(", \"args\": {\"sort_index\": ").append(i).append("}}");
    }
    List<Lanes.Arrow> arrows = lanes.arrows();
    int[] spawnFlow = new int[ls.size()];
    List<List<Integer>> cancelFlows = new ArrayList<>();
    for (int i = 0; i < ls.size(); i++) {
      cancelFlows.add(new ArrayList<>());
    }
    for (int k = 0; k < arrows.size(); k++) {
      Lanes.Arrow a = arrows.get(k);
      if (a.kind() == Lanes.Arrow.Kind.SPAWN) {
        spawnFlow[a.to()] = k + 1;
      } else {
        cancelFlows.get(a.to()).add(k + 1);
      }
      if (a.from() != a.to()) {
        String what = a.kind() == Lanes.Arrow.Kind.SPAWN
            ? "create " + ls.get(a.to()).name()
            : "cancel " + ls.get(a.to()).name() + " (" + a.cause() + ")";
        // before the target's end of the flow at the same instant: Perfetto drops a flow it reads
        // ending before it starts
        add(a.atNs(), -1, event("n", what, a.from(), a.atNs(), null) + ", \"bind_id\": " + (k + 1) + ", \"flow_out\": true}");
      }
    }
    for (int i = 0; i < ls.size(); i++) {
      lane(ls.get(i), i, arrows, spawnFlow[i], cancelFlows.get(i));
    }
    items.sort(Comparator.comparingLong(Item::ts).thenComparingInt(Item::order).thenComparingInt(Item::seq));
    for (Item item : items) {
      out.append(",\n").append(item.json());
    }
    return out.append("\n]}\n").toString();
  }

  /** The lane's lifetime slice around its spans and instants; flows end on the target's events. */
  private void lane(Lane lane, int index, List<Lanes.Arrow> arrows, int spawnFlow, List<Integer> cancelFlows) {
    TaskReport t = lane.task();
    long start = t == null ? 0 : t.startedAtNs() != null ? t.startedAtNs() : t.finishedAtNs() != null ? t.finishedAtNs() : r.finishedAtNs();
    long end = t == null || t.finishedAtNs() == null ? r.finishedAtNs() : t.finishedAtNs();
    add(start, -2, event("b", lane.name(), index, start, lifeArgs(lane)) + "}"); // first on its track at its instant
    if (spawnFlow > 0) {
      add(start, 1, event("n", "created", index, start, null) + ", \"bind_id\": " + spawnFlow + ", \"flow_in\": true}");
    }
    for (Span s : lane.spans()) {
      String name = spanName(s);
      String args = "{\"what\": " + quote(s.what()) + "}";
      add(s.fromNs(), 2, event("b", name, index, s.fromNs(), args) + "}");
      add(s.toNs(), 0, event("e", name, index, s.toNs(), null) + "}");
    }
    int next = 0; // the lane's incoming cancel arrows, in time order, match its cancel marks
    for (Mark m : lane.marks()) {
      if (m.kind() == Mark.Kind.RUN) {
        continue; // a run is where a slice ends or begins: an instant would only double the file
      }
      StringBuilder e = new StringBuilder(event("n", markName(m), index, m.atNs(), "{\"detail\": " + quote(m.what()) + "}"));
      if (m.kind() == Mark.Kind.CANCEL) {
        for (int k = next; k < cancelFlows.size(); k++) {
          Lanes.Arrow a = arrows.get(cancelFlows.get(k) - 1);
          if (a.atNs() == m.atNs() && a.cause().equals(m.what())) {
            if (a.from() != a.to()) {
              e.append(", \"bind_id\": ").append(cancelFlows.get(k)).append(", \"flow_in\": true");
            }
            next = k + 1;
            break;
          }
        }
      }
      add(m.atNs(), 1, e + "}");
    }
    add(end, 3, event("e", lane.name(), index, end, null) + "}");
  }

  private String lifeArgs(Lane lane) {
    TaskReport t = lane.task();
    if (t == null) {
      return "{\"strategy\": " + quote(r.strategy().kind().key()) + "}";
    }
    return "{\"state\": " + quote(t.state().key()) + (t.parent() == null ? "" : ", \"parent\": " + quote(t.parent())) + "}";
  }

  private static String spanName(Span s) {
    return switch (s.kind()) {
      case SLEEP -> s.what().startsWith("after") ? "after" : "sleep";
      case AWAIT -> s.what();
      case CLEANUP -> "cleanup";
      case SHUTDOWN -> "shutdown";
    };
  }

  private String markName(Mark m) {
    return switch (m.kind()) {
      case RUN -> "run";
      case LOG -> "log";
      case SPAWN -> "spawn";
      case CANCEL -> "cancel requested (" + m.what() + ")";
      case YIELD -> "yield";
      case STEP_RETURNED -> r.strategy().kind().key() + " returned";
      case STEP_RAISED -> r.strategy().kind().key() + " raised";
      case MAIN_RETURNED -> "main returns";
      case MAIN_RAISED -> "main raises";
      case COMPLETED -> "completed";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
      case PENDING -> "pending at exit";
    };
  }

  private void add(long ts, int order, String json) {
    items.add(new Item(ts, order, items.size(), json));
  }

  /** An event without its closing brace, so flow fields can follow. */
  private static String event(String ph, String name, int lane, long ns, String args) {
    return "{\"ph\": \"" + ph + "\", \"cat\": \"" + CAT + "\", \"name\": " + quote(name) + ", \"id\": \"0x"
        + Integer.toHexString(lane + 1) + "\", \"pid\": 1, \"tid\": " + (lane + 1) + ", \"ts\": " + micros(ns)
        + (args == null ? "" : ", \"args\": " + args);
  }

  /** Nanoseconds as microseconds, exact: {@code 100000}, {@code 0.001}. */
  static String micros(long ns) {
    String s = PyNumbers.seconds(ns); // seconds with up to 9 decimals: shift the point by 6
    int dot = s.indexOf('.');
    String digits = s.substring(0, dot) + (s.substring(dot + 1) + "000000000").substring(0, 9);
    String whole = digits.substring(0, digits.length() - 3).replaceFirst("^(-?)0+(?=\\d)", "$1");
    String frac = digits.substring(digits.length() - 3).replaceFirst("0+$", "");
    return frac.isEmpty() ? whole : whole + "." + frac;
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    JSON.quoteAsString(s, sb);
    // Jackson escapes C0 controls only; TerminalText's escapes (C1, bidi overrides) are JSON's too.
    return TerminalText.escape(sb.append('"').toString());
  }
}
