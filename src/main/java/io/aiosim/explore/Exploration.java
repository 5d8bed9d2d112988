package io.aiosim.explore;

import io.aiosim.report.Outcome;
import io.aiosim.report.TaskReport;
import io.aiosim.run.Schedule;
import java.util.List;

/**
 * What exploring a workflow found (SPEC 9): whether every schedule ran, how many did, how many
 * ties they met, and each distinct outcome, the default schedule's first.
 *
 * @param schedules the schedules run (each a whole run of the workflow)
 * @param ties the distinct ties met: a tie reached again through the same earlier choices counts once
 * @param outcomes the default (FIFO) schedule's outcome first, then the others in the order found
 */
public record Exploration(String workflow, Verdict verdict, int budget, int schedules, int ties, List<Found> outcomes) {

  /** {@code exhaustive}: every combination of tie orders ran; {@code budget}: it stopped there. */
  public enum Verdict {
    EXHAUSTIVE,
    BUDGET;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether two explored schedules ended differently. */
  public boolean orderDependent() {
    return outcomes.size() > 1;
  }

  /**
   * One distinct outcome: the report's {@code outcome} and its tasks' fates (state, result or
   * error, cancelled_by, started_at, finished_at), how many schedules gave it, and a witness.
   *
   * @param witness a schedule that gives it, with the fewest ties not run FIFO
   * @param deviations the witness's ties not run FIFO: where this outcome parts from the default
   * @param changes the tasks (and main's outcome) whose fate differs from the default outcome's
   */
  public record Found(
      int count,
      Schedule witness,
      Outcome outcome,
      List<TaskReport> tasks,
      List<TieChoice> deviations,
      List<FateChange> changes) {}

  /**
   * A tie the witness runs in another order than FIFO.
   *
   * @param tie its number in the run, from 1
   * @param timers what each timer does, in the order they were set (FIFO)
   * @param order positions in {@code timers}, in the order they ran
   */
  public record TieChoice(int tie, long whenNs, List<String> timers, List<Integer> order) {
    /** The timers in the order they ran. */
    public List<String> ran() {
      return order.stream().map(timers::get).toList();
    }
  }
}
