package io.aiosim.engine;

/**
 * Mirrors asyncio/events.py TimerHandle, ordered by {@code (when, seq)}: timers due at the same
 * instant become ready in the order they were set (SPEC 5), as on CPython's real clock, and not
 * in heapq's frozen-clock tie order. {@code seq} is given by {@link EventLoop#schedule}.
 */
public abstract class TimerHandle extends Handle {
  final long when;
  /**
   * Given by {@link EventLoop#schedule}, and compared as {@code a.seq - b.seq < 0}: an int that
   * wraps, which orders correctly while the timers due at one instant were set less than 2^31
   * timers apart. A run sets at most one timer for each sleep step and timeout it reads, and the
   * reader's limits (dsl.Limits: a run estimated at 1.2 GB, 40 bytes a step) keep those to tens
   * of millions. A long made a sleep's timer 40 bytes, not 32.
   */
  int seq;
  /** The next timer due at the same instant, set later: the bucket chain of {@link TimerQueue}. */
  TimerHandle next;

  // The callback lives in the subclasses: a sleep's timer needs only its future (32 bytes with
  // compact object headers, instead of 48).
  TimerHandle(long when) {
    this.when = when;
  }

  public long when() {
    return when;
  }

  /** Whether this timer comes before {@code other} due at the same instant: it was set first. */
  final boolean setBefore(TimerHandle other) {
    return seq - other.seq < 0;
  }

  /**
   * The task that set the timer (null outside any task): the one sleeping, or guarded by a
   * timeout, or waiting.
   */
  public abstract Task task();

  /**
   * The callback's name in CPython ({@code _set_result_unless_cancelled} for a sleep, {@code
   * Timeout._on_timeout}, {@code _release_waiter} for {@code wait}'s timeout, {@code
   * as_completed.<locals>._on_timeout}), or null when the caller gave none.
   */
  public abstract String callbackName();

  /** {@code call_at(when, callback)} with any callback. */
  static final class Call extends TimerHandle {
    private final String callbackName;
    private final Runnable callback;
    private final Task task;

    Call(long when, String callbackName, Runnable callback, Task task) {
      super(when);
      this.callbackName = callbackName;
      this.callback = callback;
      this.task = task;
    }

    @Override
    public Task task() {
      return task;
    }

    @Override
    public String callbackName() {
      return callbackName;
    }

    @Override
    void run() {
      callback.run();
    }
  }

  /**
   * {@code call_at(when, futures._set_result_unless_cancelled, fut, None)}, the timer of {@code
   * asyncio.sleep}: carries its future instead of a closure, one object per sleep.
   */
  static final class SetResultUnlessCancelled extends TimerHandle {
    private final Future future;

    SetResultUnlessCancelled(long when, Future future) {
      super(when);
      this.future = future;
    }

    @Override
    public String callbackName() {
      return "_set_result_unless_cancelled";
    }

    /**
     * The task awaiting the future, which is the one that slept: sleep() awaits its future as
     * soon as it sets the timer, and cancels the timer when it stops waiting. Found so rather
     * than kept, for a million sleeping tasks' 4 bytes each that would round the timer up to
     * 40 bytes.
     */
    @Override
    public Task task() {
      return future.firstCallback() instanceof Task t ? t : null;
    }

    @Override
    void run() {
      if (!future.isCancelled()) {
        future.setResult(null);
      }
    }
  }
}
