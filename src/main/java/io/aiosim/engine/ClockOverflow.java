package io.aiosim.engine;

/**
 * A timer would be due past the last instant the clock can hold (2^63 - 1 ns, about 292 years).
 * CPython's float clock would lose precision long before; SPEC 5 makes this an input error that
 * stops the run, never a silent wrap-around.
 */
public final class ClockOverflow extends RuntimeException {
  private final long now;
  private final long delay;

  ClockOverflow(long now, long delay) {
    super("the clock would pass 2^63 - 1 ns: a delay of " + delay + " ns at " + now + " ns", null, false, false);
    this.now = now;
    this.delay = delay;
  }

  /** The loop's time when the timer was set, in ns. */
  public long now() {
    return now;
  }

  /** The delay that overflows, in ns. */
  public long delay() {
    return delay;
  }
}
