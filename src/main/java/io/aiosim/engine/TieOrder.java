package io.aiosim.engine;

import java.util.List;

/**
 * Chooses the order of a tie (SPEC 9): two or more live timers due at one instant that {@code
 * _run_once} moves to the ready queue in one iteration. CPython's heap compares due times only
 * (cpython#122881), so every order of a tie is a legal run; a loop without a TieOrder keeps the
 * reference loop's, the order the timers were set (SPEC 5), and pays nothing for this seam.
 */
@FunctionalInterface
public interface TieOrder {
  /**
   * Reorders {@code tie} in place (it comes in the order its timers were set); they run in the
   * order it is left in. The list is the loop's scratch space: do not keep it.
   *
   * @param when the instant they are all due, in ns
   */
  void order(long when, List<TimerHandle> tie);
}
