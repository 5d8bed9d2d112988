package io.aiosim.explore;

import io.aiosim.dsl.Workflow;
import io.aiosim.run.Schedule;

/**
 * Which witness of an outcome to show (SPEC 9: "FIFO everywhere except ..."): the schedule that
 * runs the fewest ties in another order than FIFO, then the one whose orders are nearest FIFO
 * (fewest pairs swapped), then the one found first. A search stopped by its budget may not have
 * met the simplest one, so {@link #shrink} looks for a simpler one with the same outcome.
 */
final class Witnesses {
  /** Runs one shrink may spend at most; each is one run of the workflow. */
  static final int SHRINK_RUNS = 200;

  private Witnesses() {}

  /** Whether {@code a} is a simpler witness than {@code b}. */
  static boolean simpler(Schedule a, Schedule b) {
    if (a.deviations() != b.deviations()) {
      return a.deviations() < b.deviations();
    }
    return inversions(a) < inversions(b);
  }

  static long inversions(Schedule s) {
    long n = 0;
    for (int i = 0; i < s.deviations(); i++) {
      n += Permutations.inversions(s.order(i));
    }
    return n;
  }

  /**
   * A witness of the same outcome that is no less simple: drops one tie's choice at a time
   * (that tie runs FIFO), else brings one tie's order a swap nearer FIFO, keeping each change
   * that gives the same outcome, until no single change does or the runs are spent. A change
   * after which the schedule no longer fits the run (the ties it names are not met) is skipped.
   */
  static Schedule shrink(Workflow workflow, Schedule witness, Explorer.Key outcome) {
    return shrink(workflow, witness, outcome, new int[] {SHRINK_RUNS});
  }

  /** As above, spending at most {@code runs[0]} runs, and leaving there what is left. */
  static Schedule shrink(Workflow workflow, Schedule witness, Explorer.Key outcome, int[] runs) {
    Schedule current = witness;
    boolean progress = true;
    while (progress && runs[0] > 0) {
      progress = false;
      for (Schedule candidate : candidates(current)) {
        if (runs[0] <= 0) {
          break;
        }
        runs[0]--;
        if (outcome.equals(Explorer.outcome(workflow, candidate))) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
    return current;
  }

  /** Each schedule one step simpler than {@code s}, fewer deviations first. */
  private static java.util.List<Schedule> candidates(Schedule s) {
    java.util.List<Schedule> out = new java.util.ArrayList<>();
    for (int i = 0; i < s.deviations(); i++) {
      out.add(s.without(i));
    }
    for (int i = 0; i < s.deviations(); i++) {
      int[] order = s.order(i);
      for (int j = 0; j + 1 < order.length; j++) {
        if (order[j] > order[j + 1]) { // undo one adjacent swap: one inversion fewer
          int[] nearer = order.clone();
          nearer[j] = order[j + 1];
          nearer[j + 1] = order[j];
          out.add(s.with(i, nearer));
        }
      }
    }
    return out;
  }
}
