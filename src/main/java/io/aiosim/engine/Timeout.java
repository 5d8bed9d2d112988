package io.aiosim.engine;

/**
 * Mirrors asyncio/timeouts.py Timeout (3.12) as {@code async with asyncio.timeout(delay): await
 * inner}. On expiry it cancels the task running it; on exit it {@code uncancel()}s and turns the
 * CancelledError into TimeoutError only if no other cancel request arrived meanwhile. 3.13's
 * (gh-96037) also slips a TimeoutError into another exception's {@code __context__}, which no
 * report shows, so there is no version switch here.
 */
public final class Timeout extends Frame implements Requester {
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
  private Handle timeoutHandler;

  /** {@code asyncio.timeout(delay)} around {@code inner}; the deadline is taken on entry. */
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
      reschedule(loop.deadline(delay));
      return await(inner);
    }
    // __aexit__
    if (timeoutHandler != null) {
      timeoutHandler.cancel();
      timeoutHandler = null;
    }
    if (state == State.EXPIRING) {
      state = State.EXPIRED;
      if (task.uncancel(this) <= cancelling && exc != null && exc.isCancelledError()) {
        // Since there are no new cancel requests, we're handling this.
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

  /**
   * {@code reschedule(when)}: a deadline already due is not a timer but a {@code call_soon}, so
   * {@code timeout(0)} cancels ahead of anything the guarded step schedules after entering.
   */
  private void reschedule(long when) {
    if (when <= loop.time()) {
      timeoutHandler = loop.callSoon(this::onTimeout);
    } else {
      timeoutHandler = loop.callAt(when, "Timeout._on_timeout", this::onTimeout);
    }
  }

  private void onTimeout() {
    if (state != State.ENTERED) {
      throw new IllegalStateException("timeout fired in state " + state);
    }
    task.cancel(this);
    state = State.EXPIRING;
    timeoutHandler = null; // drop the reference early
  }
}
