package io.aiosim.explore;

import io.aiosim.dsl.Workflow;
import io.aiosim.engine.ClockKind;
import io.aiosim.engine.TimerHandle;
import io.aiosim.explore.Exploration.Found;
import io.aiosim.explore.Exploration.TieChoice;
import io.aiosim.explore.Exploration.Verdict;
import io.aiosim.report.Outcome;
import io.aiosim.report.RunResult;
import io.aiosim.report.TaskReport;
import io.aiosim.run.Schedule;
import io.aiosim.run.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a workflow under every combination of tie orders (SPEC 9), depth first: the first run is
 * FIFO everywhere; each next one keeps the choices of the earlier ties and takes the next order
 * (lexicographic permutation) at the deepest tie that has one left, FIFO after it. Stops when
 * every combination ran ({@code exhaustive}) or at the budget.
 *
 * <p>Each schedule is replayed from the start: the loop's state is an object graph of frames,
 * futures and callbacks that has no cheap copy, while a run of a workflow of a few dozen tasks
 * takes microseconds (BENCHMARKS.md measures the share of time spent re-running shared
 * prefixes). Nothing is pruned: a different order of two timers changes the order of the steps
 * they wake, and nothing here proves those steps independent.
 *
 * {@snippet :
 * Exploration e = Explorer.explore(workflow, 10_000);
 * if (e.orderDependent()) { ... e.outcomes().get(1).witness().token() ... }
 * }
 */
public final class Explorer {
  private static final Simulation.Options OPTIONS = new Simulation.Options(false); // events are no outcome

  private final Workflow workflow;
  /** The choice at each tie on the current branch: a permutation of the tie's positions. */
  private final List<int[]> path = new ArrayList<>();

  private Explorer(Workflow workflow) {
    this.workflow = workflow;
  }

  /** What makes two runs the same outcome (SPEC 9): main's outcome and every task's fate. */
  record Key(Outcome outcome, List<TaskReport> tasks) {
    static Key of(RunResult r) {
      return new Key(r.outcome(), r.tasks());
    }
  }

  /** The schedules that gave one outcome so far. */
  private static final class Tally {
    final Key key;
    int count;
    Schedule witness;

    Tally(Key key, Schedule witness) {
      this.key = key;
      this.witness = witness;
    }
  }

  /**
   * Explores {@code workflow} on the virtual clock, running at most {@code budget} schedules.
   *
   * @throws Simulation.RunStopped when a run cannot go on (its clock would overflow)
   */
  public static Exploration explore(Workflow workflow, int budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget " + budget);
    }
    return new Explorer(workflow).run(budget);
  }

  private Exploration run(int budget) {
    Map<Key, Tally> found = new LinkedHashMap<>();
    int schedules = 0;
    int ties = 0;
    Verdict verdict;
    while (true) {
      Schedule schedule = schedule();
      int known = path.size();
      RunResult r = runOne(schedule);
      ties += path.size() - known;
      schedules++;
      Tally t = found.computeIfAbsent(Key.of(r), k -> new Tally(k, schedule));
      t.count++;
      if (Witnesses.simpler(schedule, t.witness)) {
        t.witness = schedule;
      }
      while (!path.isEmpty() && !Permutations.next(path.getLast())) {
        path.removeLast();
      }
      if (path.isEmpty()) {
        verdict = Verdict.EXHAUSTIVE;
        break;
      }
      if (schedules == budget) {
        verdict = Verdict.BUDGET;
        break;
      }
    }
    List<Tally> tallies = new ArrayList<>(found.values());
    Key fifo = tallies.get(0).key; // the first schedule run is FIFO everywhere
    List<Found> outcomes = new ArrayList<>();
    int shrinkLeft = budget; // shrinking the witnesses costs at most what the search did
    for (Tally t : tallies) {
      Schedule witness = t.witness;
      if (verdict == Verdict.BUDGET && t.key != fifo && shrinkLeft > 0) {
        int[] runs = {Math.min(Witnesses.SHRINK_RUNS, shrinkLeft)};
        int granted = runs[0];
        witness = Witnesses.shrink(workflow, t.witness, t.key, runs);
        shrinkLeft -= granted - runs[0];
      }
      outcomes.add(
          new Found(
              t.count,
              witness,
              t.key.outcome(),
              t.key.tasks(),
              deviations(workflow, witness),
              FateChange.between(fifo.outcome(), fifo.tasks(), t.key.outcome(), t.key.tasks())));
    }
    return new Exploration(workflow.name(), verdict, budget, schedules, ties, outcomes);
  }

  /** The current branch's choices as a schedule (FIFO past its end). */
  private Schedule schedule() {
    int[] ties = new int[path.size()];
    for (int i = 0; i < ties.length; i++) {
      ties[i] = i + 1;
    }
    return Schedule.of(ties, path.toArray(int[][]::new));
  }

  /** One run; the ties it meets past the current branch join it, FIFO. */
  private RunResult runOne(Schedule schedule) {
    return Simulation.run(
        workflow,
        ClockKind.VIRTUAL,
        OPTIONS.withSchedule(schedule),
        (number, when, timers, order) -> {
          if (number > path.size()) {
            path.add(Permutations.identity(timers.size()));
          } else if (path.get(number - 1).length != timers.size()) { // runs are deterministic
            throw new IllegalStateException(
                "tie " + number + " of " + schedule + " has " + timers.size() + " timers, an earlier run had "
                    + path.get(number - 1).length);
          }
        });
  }

  /** The outcome of one run of {@code schedule}, or null when the schedule does not fit. */
  static Key outcome(Workflow workflow, Schedule schedule) {
    try {
      return Key.of(Simulation.run(workflow, ClockKind.VIRTUAL, OPTIONS.withSchedule(schedule)));
    } catch (Simulation.RunStopped e) {
      return null;
    }
  }

  /** The ties {@code schedule} runs in another order than FIFO, replayed to name their timers. */
  static List<TieChoice> deviations(Workflow workflow, Schedule schedule) {
    List<TieChoice> out = new ArrayList<>();
    if (schedule.isDefault()) {
      return out;
    }
    Simulation.run(
        workflow,
        ClockKind.VIRTUAL,
        OPTIONS.withSchedule(schedule),
        (number, when, timers, order) -> {
          if (order != null) {
            out.add(
                new TieChoice(
                    number, when, timers.stream().map(Explorer::describe).toList(), Arrays.stream(order).boxed().toList()));
          }
        });
    return out;
  }

  /** What a timer does, for a person: {@code sleep of slow}, {@code timeout of main}. */
  static String describe(TimerHandle h) {
    String who = h.task() == null ? "the loop" : h.task().name();
    String name = h.callbackName() == null ? "" : h.callbackName();
    return switch (name) {
      case "_set_result_unless_cancelled" -> "sleep of " + who;
      case "Timeout._on_timeout" -> "timeout of " + who;
      case "_release_waiter" -> "wait timeout of " + who;
      case "as_completed.<locals>._on_timeout" -> "as_completed timeout of " + who;
      default -> "timer of " + who;
    };
  }
}
