package io.aiosim.engine;

/**
 * Mirrors asyncio/events.py Handle: one callback in the ready queue. Subclasses carry their
 * arguments instead of a closure, so a scheduled task step or done callback costs one object.
 */
public abstract class Handle {
  boolean cancelled;

  /** {@code Handle.cancel()}: the loop skips it (timers are deleted lazily, as asyncio does). */
  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** {@code Handle._run()}. */
  abstract void run();

  /** A plain callback ({@code call_soon(callback)}). */
  static final class Callback extends Handle {
    private final Runnable callback;

    Callback(Runnable callback) {
      this.callback = callback;
    }

    @Override
    void run() {
      callback.run();
    }
  }
}
