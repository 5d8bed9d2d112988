package io.aiosim.engine;

/**
 * Mirrors asyncio/events.py TimerHandle, ordered by {@code (when, seq)}: timers due at the same
 * instant become ready in the order they were set (SPEC 5), as on CPython's real clock, and not
 * in heapq's frozen-clock tie order.
 */
public final class TimerHandle extends Handle implements Comparable<TimerHandle> {
  final long when;
  final long seq;
  private final Runnable callback;

  TimerHandle(long when, long seq, Runnable callback) {
    this.when = when;
    this.seq = seq;
    this.callback = callback;
  }

  public long when() {
    return when;
  }

  @Override
  void run() {
    callback.run();
  }

  @Override
  public int compareTo(TimerHandle o) {
    int c = Long.compare(when, o.when);
    return c != 0 ? c : Long.compare(seq, o.seq);
  }
}
