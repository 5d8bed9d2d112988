package io.aiosim.engine;

/**
 * Mirrors asyncio/timeouts.py Timeout (3.12) as {@code async with asyncio.timeout(delay): await
 * inner}. On expiry it cancels the task running it; on exit it {@code uncancel()}s and turns the
 * CancelledError into TimeoutError only if no other cancel is outstanding.
 */
public final class Timeout extends Frame {
  // CREATED -> ENTERED -> EXPIRING -> EXPIRED, or ENTERED -> EXITED
  enum State {
    CREATED,
    ENTERED,
    EXPIRING,
    EXPIRED,
    EXITED
  }

  private final EventLoop loop;
  private final long delay;
  private final Coro inner;
  private State state = State.CREATED;
  private Task task;
  private int cancelling;
  private TimerHandle timeoutHandler;
  private Task.CancelRequest request;

  public Timeout(EventLoop loop, long delay, Coro inner) {
    this.loop = loop;
    this.delay = delay;
    this.inner = inner;
  }

  @Override
  protected Signal advance(Object value, PyException exc) {
    if (state == State.CREATED) { // __aenter__
      if (exc != null) {
        throw exc;
      }
      task = loop.currentTask();
      if (task == null) {
        throw new IllegalStateException("Timeout should be used inside a task");
      }
      state = State.ENTERED;
      cancelling = task.cancelling();
      timeoutHandler = loop.callAt(loop.time() + delay, this::onTimeout);
      return await(inner);
    }
    // __aexit__
    if (timeoutHandler != null) {
      timeoutHandler.cancel();
      timeoutHandler = null;
    }
    if (state == State.EXPIRING) {
      state = State.EXPIRED;
      if (task.uncancel(request) <= cancelling && exc != null && exc.isCancelledError()) {
        throw new PyException(PyException.TIMEOUT_ERROR, "");
      }
    } else if (state == State.ENTERED) {
      state = State.EXITED;
    }
    if (exc != null) {
      throw exc;
    }
    return done(value);
  }

  private void onTimeout() {
    if (state != State.ENTERED) {
      throw new IllegalStateException("timeout fired in state " + state);
    }
    if (task.cancel(CancelCause.TIMEOUT)) {
      request = task.lastRequest();
    }
    state = State.EXPIRING;
    timeoutHandler = null;
  }
}
