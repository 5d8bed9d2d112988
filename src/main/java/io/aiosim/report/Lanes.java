package io.aiosim.report;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.Workflow;
import io.aiosim.report.Lane.Mark;
import io.aiosim.report.Lane.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as lanes, what every picture draws: main's lane first, then one per task in tree order
 * (each task under the task that created it, creation order among siblings), at most {@code
 * limit} of them, and the arrows between them: who created each task, and who asked each cancel
 * (the strategy's owner, the task passing a cancel on, the timeout's task, or {@code asyncio.run}
 * at shutdown, drawn from main's lane). Built from the report and, when given, the workflow,
 * which tells what each task awaited between its events.
 *
 * @param lanes main's lane, then the drawn tasks' lanes
 * @param hidden how many tasks are beyond the limit and not drawn
 * @param arrows between drawn lanes, in time order
 */
public record Lanes(List<Lane> lanes, int hidden, List<Arrow> arrows) {

  /**
   * An arrow from lane {@code from} to lane {@code to} at an instant; {@code from == to} for a
   * cancel a task asked of itself (its own timeout, its TaskGroup waking it).
   *
   * @param cause the cancel's cause ({@code strategy}, {@code timeout}, {@code parent}, {@code
   *     shutdown}), null for a spawn
   */
  public record Arrow(Kind kind, String cause, int from, int to, long atNs) {
    public enum Kind {
      SPAWN,
      CANCEL
    }
  }

  /** What main's strategy step is, for labels: {@code gather of 3 tasks, timeout 0.5 s}. */
  public static String step(StrategySpec s, int tasks) {
    return s.kind().key() + " of " + ValueText.count(tasks) + (tasks == 1 ? " task" : " tasks")
        + (s.timeoutNs() == null ? "" : ", timeout " + PyNumbers.seconds(s.timeoutNs()) + " s");
  }

  /** {@code w} may be null: the lanes then show only what the report says. */
  public static Lanes of(RunResult r, Workflow w, int limit) {
    List<TaskReport> order = treeOrder(r.tasks());
    int shown = Math.min(limit, order.size());
    Map<String, Integer> laneOf = new HashMap<>();
    laneOf.put(Lane.MAIN, 0);
    for (int i = 0; i < shown; i++) {
      laneOf.put(order.get(i).name(), i + 1);
    }
    int[][] events = eventsByLane(r.events(), laneOf, shown + 1);
    TaskSpecs specs = TaskSpecs.of(w);
    Map<String, Integer> depth = new HashMap<>();
    List<Lane> lanes = new ArrayList<>(shown + 1);
    lanes.add(mainLane(r, w, events[0]));
    for (int i = 0; i < shown; i++) {
      TaskReport t = order.get(i);
      int d = t.parent() == null ? 1 : depth.getOrDefault(t.parent(), 0) + 1;
      depth.put(t.name(), d);
      TaskSpecs.Entry e = specs.get(t.name());
      lanes.add(TaskStory.lane(t, e == null ? null : e.spec(), d, r.events(), events[i + 1], r.finishedAtNs()));
    }
    List<Arrow> arrows = new ArrayList<>();
    for (int i = 1; i < lanes.size(); i++) {
      TaskReport t = lanes.get(i).task();
      Integer from = laneOf.get(t.parent() == null ? Lane.MAIN : t.parent());
      if (from != null) {
        arrows.add(new Arrow(Arrow.Kind.SPAWN, null, from, i, createdAt(t, r.events(), events[i])));
      }
    }
    Requesters requesters = new Requesters(r, specs);
    for (int i = 0; i < lanes.size(); i++) {
      Lane lane = lanes.get(i);
      for (Mark m : lane.marks()) {
        if (m.kind() == Mark.Kind.CANCEL) {
          Integer from = laneOf.get(requesters.of(lane, m.what(), m.atNs()));
          if (from != null) {
            arrows.add(new Arrow(Arrow.Kind.CANCEL, m.what(), from, i, m.atNs()));
          }
        }
      }
    }
    arrows.sort(java.util.Comparator.comparingLong(Arrow::atNs));
    return new Lanes(lanes, order.size() - shown, arrows);
  }

  /** When the task was created: its start (the same instant, in virtual time), else its first event. */
  private static long createdAt(TaskReport t, EventLog log, int[] events) {
    if (t.startedAtNs() != null) {
      return t.startedAtNs();
    }
    if (events.length > 0) {
      return log.timeNs(events[0]);
    }
    return t.finishedAtNs() != null ? t.finishedAtNs() : 0;
  }

  private static Lane mainLane(RunResult r, Workflow w, int[] events) {
    Outcome o = r.outcome();
    EventLog log = r.events();
    List<Span> spans = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    int tasks = w == null ? r.tasks().size() : w.tasks().size();
    spans.add(new Span(Span.Kind.AWAIT, 0, o.atNs(), step(r.strategy(), tasks)));
    marks.add(new Mark(Mark.Kind.RUN, 0, "starts"));
    for (int i : events) {
      switch (log.kind(i)) {
        case CANCEL -> marks.add(new Mark(Mark.Kind.CANCEL, log.timeNs(i), String.valueOf(log.detail(i))));
        case YIELD -> marks.add(new Mark(Mark.Kind.YIELD, log.timeNs(i), ValueText.value(log.detail(i), TaskStory.DETAIL)));
        default -> {}
      }
    }
    long returns = o.atNs();
    if (o.returned()) {
      marks.add(new Mark(Mark.Kind.STEP_RETURNED, o.atNs(), ValueText.value(o.value(), TaskStory.DETAIL)));
    } else {
      marks.add(new Mark(Mark.Kind.STEP_RAISED, o.atNs(), ValueText.error(o.error(), TaskStory.DETAIL)));
    }
    if (!o.returned() && o.error().type().equals("CancelledError")) {
      marks.add(new Mark(Mark.Kind.MAIN_RAISED, returns, "CancelledError is not an Exception: main does not catch it"));
    } else {
      if (w != null && w.after() != null) {
        returns = o.atNs() + w.after().sleepNs();
        spans.add(new Span(Span.Kind.SLEEP, o.atNs(), returns, "after: asyncio.sleep(" + PyNumbers.seconds(w.after().sleepNs()) + ")"));
      }
      marks.add(new Mark(Mark.Kind.MAIN_RETURNED, returns, o.returned() ? "returns" : "caught it, returns"));
    }
    spans.add(new Span(Span.Kind.SHUTDOWN, returns, r.finishedAtNs(), "asyncio.run cancels what is left and waits for it"));
    spans.removeIf(s -> s.toNs() <= s.fromNs());
    marks.sort(java.util.Comparator.comparingLong(Mark::atNs));
    return new Lane(Lane.MAIN, 0, null, spans, marks);
  }

  /** Each task followed by its children (spawned or group members), creation order within. */
  public static List<TaskReport> treeOrder(List<TaskReport> tasks) {
    Map<String, List<TaskReport>> children = new HashMap<>();
    Map<String, TaskReport> byName = new HashMap<>();
    for (TaskReport t : tasks) {
      byName.put(t.name(), t);
    }
    List<TaskReport> roots = new ArrayList<>();
    for (TaskReport t : tasks) {
      if (t.parent() == null || !byName.containsKey(t.parent())) {
        roots.add(t);
      } else {
        children.computeIfAbsent(t.parent(), k -> new ArrayList<>()).add(t);
      }
    }
    List<TaskReport> out = new ArrayList<>(tasks.size());
    ArrayDeque<TaskReport> stack = new ArrayDeque<>();
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

  /** The indices of each drawn lane's events, in order; events of tasks not drawn are skipped. */
  private static int[][] eventsByLane(EventLog log, Map<String, Integer> laneOf, int lanes) {
    int n = log.size();
    int[] laneOfEvent = new int[n];
    int[] counts = new int[lanes];
    for (int i = 0; i < n; i++) {
      Integer lane = laneOf.get(log.taskName(i));
      laneOfEvent[i] = lane == null ? -1 : lane;
      if (lane != null) {
        counts[lane]++;
      }
    }
    int[][] out = new int[lanes][];
    for (int l = 0; l < lanes; l++) {
      out[l] = new int[counts[l]];
      counts[l] = 0;
    }
    for (int i = 0; i < n; i++) {
      int l = laneOfEvent[i];
      if (l >= 0) {
        out[l][counts[l]++] = i;
      }
    }
    return out;
  }

  /** Who asked a cancel, by its cause (SPEC 6): the lane an arrow starts from. */
  private static final class Requesters {
    private final TaskSpecs specs;
    private Map<String, List<Long>> failuresByParent;
    private final List<TaskReport> tasks;

    Requesters(RunResult r, TaskSpecs specs) {
      this.specs = specs;
      this.tasks = r.tasks();
    }

    String of(Lane lane, String cause, long at) {
      if (lane.isMain() || cause.equals("shutdown")) {
        return Lane.MAIN;
      }
      TaskReport t = lane.task();
      String owner = specs.owner(t.name(), t.parent() == null ? Lane.MAIN : t.parent());
      TaskSpecs.Entry e = specs.get(t.name());
      if (e == null || !(e.spec().body() instanceof TaskBody.Group g)) {
        return owner;
      }
      StrategySpec s = g.group().strategy();
      boolean self =
          switch (cause) {
            case "timeout" -> s.timeoutNs() != null && t.startedAtNs() != null && t.startedAtNs() + s.timeoutNs() == at;
            case "strategy" -> TaskSpecs.isTaskGroup(s) && failures().getOrDefault(t.name(), List.of()).contains(at);
            default -> false;
          };
      return self ? t.name() : owner;
    }

    /** When each task's children failed: a TaskGroup wakes its owner with a cancel then. */
    private Map<String, List<Long>> failures() {
      if (failuresByParent == null) {
        failuresByParent = new HashMap<>();
        for (TaskReport t : tasks) {
          if (t.state() == TaskReport.State.FAILED && t.parent() != null) {
            failuresByParent.computeIfAbsent(t.parent(), k -> new ArrayList<>()).add(t.finishedAtNs());
          }
        }
      }
      return failuresByParent;
    }
  }
}
