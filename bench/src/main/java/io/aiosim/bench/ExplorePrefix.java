package io.aiosim.bench;

import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.engine.ClockKind;
import io.aiosim.explore.Permutations;
import io.aiosim.run.Schedule;
import io.aiosim.run.Simulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What sharing prefixes could save explore (SPEC 9): explore replays every schedule from the
 * start, so the part of each run before the tie where it first parts from the previous schedule
 * is work done before. This walks the same depth-first order as Explorer and, for each schedule,
 * times the whole run and the run cut at that tie (the listener throws there); the ratio of the
 * sums is the most that sharing prefixes could save. CPU time of this thread, after warm-up
 * rounds. Usage: {@code java -cp target/benchmarks.jar io.aiosim.bench.ExplorePrefix FILE.yaml [rounds]}
 */
public final class ExplorePrefix {
  private ExplorePrefix() {}

  /** Thrown from the tie listener to end a run at the tie where it branches. */
  private static final class Cut extends RuntimeException {
    Cut() {
      super(null, null, false, false);
    }
  }

  public static void main(String[] args) {
    Workflow wf = WorkflowReader.read(Path.of(args[0])).workflow();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    System.out.println("round  schedules  whole_cpu_s  prefix_cpu_s  prefix_share");
    for (int round = 0; round < rounds + 3; round++) {
      long whole = 0;
      long prefix = 0;
      int schedules = 0;
      List<int[]> path = new ArrayList<>();
      int branch = 0; // the tie (from 1) where this schedule first parts from the previous one; 0: none
      while (true) {
        Schedule s = schedule(path);
        long c0 = mx.getCurrentThreadCpuTime();
        Simulation.run(wf, ClockKind.VIRTUAL, new Simulation.Options(false, s), (n, when, timers, order) -> {
          if (n > path.size()) {
            path.add(Permutations.identity(timers.size()));
          }
        });
        long c1 = mx.getCurrentThreadCpuTime();
        if (branch > 0) {
          int cutAt = branch;
          try {
            Simulation.run(wf, ClockKind.VIRTUAL, new Simulation.Options(false, s), (n, when, timers, order) -> {
              if (n == cutAt) {
                throw new Cut();
              }
            });
          } catch (Cut expected) {
            // the prefix ran
          }
        }
        long c2 = mx.getCurrentThreadCpuTime();
        whole += c1 - c0;
        prefix += c2 - c1;
        schedules++;
        while (!path.isEmpty() && !Permutations.next(path.getLast())) {
          path.removeLast();
        }
        if (path.isEmpty() || schedules == 10_000) {
          break;
        }
        branch = path.size();
      }
      System.out.printf(
          "%5s  %9d  %11.3f  %12.3f  %11.1f%%%n",
          round < 3 ? "warm" : String.valueOf(round - 2), schedules, whole / 1e9, prefix / 1e9, 100.0 * prefix / whole);
    }
  }

  private static Schedule schedule(List<int[]> path) {
    int[] ties = new int[path.size()];
    Arrays.setAll(ties, i -> i + 1);
    return Schedule.of(ties, path.toArray(int[][]::new));
  }
}
