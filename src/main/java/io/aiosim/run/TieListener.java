package io.aiosim.run;

import io.aiosim.engine.TimerHandle;
import java.util.List;

/** Hears about every tie a run meets (SPEC 9): what {@code explore} learns from each run. */
@FunctionalInterface
public interface TieListener {
  /**
   * The run met its {@code number}-th tie (from 1).
   *
   * @param when the instant, in ns
   * @param timers the tie's timers in the order they were set; valid during the call only
   * @param order the order the schedule runs them in (positions in {@code timers}), or null for
   *     first in, first out
   */
  void tie(int number, long when, List<TimerHandle> timers, int[] order);
}
