package io.aiosim.engine;

/**
 * The loop's notion of time, in integer nanoseconds (SPEC 5). Nothing else in the engine reads
 * wall time (Trio's Clock, asyncio's TestLoop).
 */
public sealed interface Clock {

  /** {@code loop.time()}. */
  long now();

  /**
   * What {@code selector.select(timeout)} does when nothing is ready: wait until the first timer
   * is due. The virtual clock jumps there; the real clock sleeps.
   */
  void waitUntil(long when);

  static Clock of(ClockKind kind) {
    return switch (kind) {
      case VIRTUAL -> new Virtual();
      case REAL -> new Real();
    };
  }

  /** Autojumps to the next timer: hour-long sleeps take no time, runs are reproducible. */
  final class Virtual implements Clock {
    private long now;

    @Override
    public long now() {
      return now;
    }

    @Override
    public void waitUntil(long when) {
      if (when > now) {
        now = when;
      }
    }
  }

  /** Measured time since the loop started; waiting really sleeps. */
  final class Real implements Clock {
    private final long origin = System.nanoTime();

    @Override
    public long now() {
      return System.nanoTime() - origin;
    }

    @Override
    public void waitUntil(long when) {
      long left;
      while ((left = when - now()) > 0) {
        try {
          Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a timer", e);
        }
      }
    }
  }
}
