package io.aiosim.run;

import io.aiosim.engine.TieOrder;
import io.aiosim.engine.TimerHandle;
import io.aiosim.report.PyNumbers;
import java.util.List;

/**
 * The loop's {@link TieOrder} for one run: counts the ties as the run meets them and orders each
 * as the schedule says (FIFO where it says nothing). A token that does not fit the run (a tie of
 * another size, or more ties than the run meets) stops the run as an input error.
 */
final class ScheduledTies implements TieOrder {
  private final Schedule schedule;
  private final TieListener listener;
  private TimerHandle[] copy = new TimerHandle[2];
  private int met;
  private int next;

  ScheduledTies(Schedule schedule, TieListener listener) {
    this.schedule = schedule;
    this.listener = listener;
  }

  @Override
  public void order(long when, List<TimerHandle> tie) {
    met++;
    int[] order = null;
    if (next < schedule.deviations() && schedule.tie(next) == met) {
      order = schedule.orderNoCopy(next++);
      if (order.length != tie.size()) {
        throw new Simulation.RunStopped(
            "schedule " + schedule.token() + " does not fit this workflow: tie " + met + " (at "
                + PyNumbers.seconds(when) + " s) has " + tie.size() + " timers, the token orders " + order.length);
      }
    }
    if (listener != null) {
      listener.tie(met, when, tie, order);
    }
    if (order != null) {
      copy = tie.toArray(copy);
      for (int j = 0; j < order.length; j++) {
        tie.set(j, copy[order[j]]);
      }
    }
  }

  /** After the run: every tie the schedule names was met. */
  void checkAllMet() {
    if (next < schedule.deviations()) {
      throw new Simulation.RunStopped(
          "schedule " + schedule.token() + " does not fit this workflow: it orders tie " + schedule.tie(next)
              + ", but the run meets " + (met == 1 ? "only 1 tie" : met == 0 ? "no tie" : "only " + met + " ties"));
    }
  }
}
