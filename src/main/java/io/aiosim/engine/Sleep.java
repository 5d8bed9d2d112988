package io.aiosim.engine;

/**
 * Mirrors asyncio/tasks.py sleep(): a delay of 0 is a bare yield ({@code __sleep0}); otherwise a
 * future resolved by a timer, whose handle is cancelled in {@code finally}.
 */
public final class Sleep extends Frame {
  private final EventLoop loop;
  private final long delay;
  private TimerHandle handle;
  private boolean entered;

  public Sleep(EventLoop loop, long delay) {
    this.loop = loop;
    this.delay = delay;
  }

  /**
   * sleep()'s body up to its await: {@code loop.call_later(delay,
   * futures._set_result_unless_cancelled, future, None)}. The caller awaits {@code future} and
   * cancels the returned handle when resumed ({@code finally: h.cancel()}).
   */
  public static TimerHandle wakeLater(EventLoop loop, long delay, Future future) {
    return loop.schedule(new TimerHandle.SetResultUnlessCancelled(loop.deadline(delay), future));
  }

  @Override
  protected Signal advance(Object value, PyException exc) {
    if (!entered) {
      entered = true;
      if (exc != null) {
        throw exc;
      }
      if (delay <= 0) {
        return yieldNow();
      }
      Future future = loop.createFuture();
      handle = wakeLater(loop, delay, future);
      return await(future);
    }
    if (handle != null) {
      handle.cancel();
    }
    if (exc != null) {
      throw exc;
    }
    return done(null);
  }
}
