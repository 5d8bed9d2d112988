package io.aiosim.engine;

/**
 * Mirrors asyncio/tasks.py sleep(): a delay of 0 is a bare yield ({@code __sleep0}); otherwise a
 * future resolved by a timer, whose handle is cancelled in {@code finally}.
 */
final class Sleep extends Frame {
  private final EventLoop loop;
  private final long delay;
  private TimerHandle handle;
  private boolean entered;

  Sleep(EventLoop loop, long delay) {
    this.loop = loop;
    this.delay = delay;
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
      handle = loop.callLater(delay, () -> setResultUnlessCancelled(future));
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

  /** {@code futures._set_result_unless_cancelled}. */
  private static void setResultUnlessCancelled(Future future) {
    if (!future.isCancelled()) {
      future.setResult(null);
    }
  }
}
