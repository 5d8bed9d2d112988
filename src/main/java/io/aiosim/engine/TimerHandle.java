package io.aiosim.engine;

/**
 * Mirrors asyncio/events.py TimerHandle, ordered by {@code (when, seq)}: timers due at the same
 * instant become ready in the order they were set (SPEC 5), as on CPython's real clock, and not
 * in heapq's frozen-clock tie order. {@code seq} is given by {@link EventLoop#schedule}.
 */
public abstract class TimerHandle extends Handle {
  final long when;
  long seq;
  /** The next timer due at the same instant, set later: the bucket chain of {@link TimerQueue}. */
  TimerHandle next;
  /** The task running when the timer was set (null outside any task), for {@link #task()}. */
  Task task;

  // The callback lives in the subclasses: a sleep's timer needs only its future (40 bytes with
  // compact object headers, instead of 48).
  TimerHandle(long when) {
    this.when = when;
  }

  public long when() {
    return when;
  }

  /** The task that set the timer: the one sleeping, or guarded by a timeout, or waiting. */
  public Task task() {
    return task;
  }

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

    Call(long when, String callbackName, Runnable callback) {
      super(when);
      this.callbackName = callbackName;
      this.callback = callback;
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

    @Override
    void run() {
      if (!future.isCancelled()) {
        future.setResult(null);
      }
    }
  }
}
