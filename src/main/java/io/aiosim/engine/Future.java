package io.aiosim.engine;

import java.util.ArrayList;

/**
 * Mirrors asyncio/futures.py Future (3.12). Done callbacks always go through the ready queue
 * ({@code __schedule_callbacks} uses {@code call_soon}); that hop is what orders events at one
 * instant the way CPython does. No cancel message is ever passed in a workflow, so {@code
 * cancel(msg)} takes, instead, who is cancelling ({@link Requester}); a plain future ignores it.
 */
public non-sealed class Future implements Coro.Signal {
  // PENDING -> CANCELLED | FINISHED
  enum State {
    PENDING,
    CANCELLED,
    FINISHED
  }

  final EventLoop loop;
  State state = State.PENDING;
  private Object result;
  boolean logTraceback;
  // Most futures have exactly one callback (the awaiting task's wakeup): keep it unboxed.
  private DoneCallback callback0;
  /**
   * {@code _exception}, the saved CancelledError and the callbacks past the first: most futures
   * (a sleep's, a task that returns) never set them, so they live apart and cost a million
   * sleeping tasks nothing (with compact object headers a Future is then 32 bytes and a Task 56,
   * against 48 and 72).
   * CPython's {@code _cancel_message} has no field: a workflow never passes a cancel message.
   */
  private Uncommon uncommon;

  private static final class Uncommon {
    PyException exception;
    PyException cancelledExc;
    ArrayList<DoneCallback> moreCallbacks;
  }

  private Uncommon uncommon() {
    if (uncommon == null) {
      uncommon = new Uncommon();
    }
    return uncommon;
  }

  public Future(EventLoop loop) {
    this.loop = loop;
  }

  public boolean isDone() {
    return state != State.PENDING;
  }

  public boolean isCancelled() {
    return state == State.CANCELLED;
  }

  /** {@code Future.cancel()}; {@code by} only matters to a Task or a gather passing it on. */
  public boolean cancel(Requester by) {
    logTraceback = false;
    if (state != State.PENDING) {
      return false;
    }
    state = State.CANCELLED;
    scheduleCallbacks();
    return true;
  }

  public void setResult(Object value) {
    if (state != State.PENDING) {
      throw new IllegalStateException("InvalidStateError: " + state);
    }
    result = value;
    state = State.FINISHED;
    scheduleCallbacks();
  }

  public void setException(PyException exc) {
    if (state != State.PENDING) {
      throw new IllegalStateException("InvalidStateError: " + state);
    }
    uncommon().exception = exc;
    state = State.FINISHED;
    scheduleCallbacks();
    logTraceback = true;
  }

  /** {@code _make_cancelled_error}: the saved CancelledError once, then fresh ones. */
  PyException makeCancelledError() {
    if (uncommon != null && uncommon.cancelledExc != null) {
      PyException exc = uncommon.cancelledExc;
      uncommon.cancelledExc = null;
      return exc;
    }
    return PyException.cancelledError(null);
  }

  /** {@code fut._cancelled_exc = exc}: the CancelledError a task raised, kept to be chained. */
  void saveCancelledError(PyException exc) {
    uncommon().cancelledExc = exc;
  }

  /** {@code result()}: the value, or throws the exception (and marks it retrieved). */
  public Object result() {
    if (state == State.CANCELLED) {
      throw makeCancelledError();
    }
    if (state != State.FINISHED) {
      throw new IllegalStateException("InvalidStateError: Result is not ready.");
    }
    logTraceback = false;
    PyException exception = peekException();
    if (exception != null) {
      throw exception;
    }
    return result;
  }

  /** {@code exception()}: the exception or null (marks it retrieved); throws if cancelled. */
  public PyException exception() {
    if (state == State.CANCELLED) {
      throw makeCancelledError();
    }
    if (state != State.FINISHED) {
      throw new IllegalStateException("InvalidStateError: Exception is not set.");
    }
    logTraceback = false;
    return peekException();
  }

  /** The exception without retrieving it ({@code fut._exception}), for observers. */
  public PyException peekException() {
    return uncommon == null ? null : uncommon.exception;
  }

  /** The result without retrieving anything ({@code fut._result}), for observers. */
  public Object peekResult() {
    return result;
  }

  /** {@code self.__class__.__name__}, as asyncio's messages spell it. */
  String pyClassName() {
    return "Future";
  }

  /**
   * {@code Future.__del__}: what the garbage collector's finalizer logs. Called once per task when
   * the run is over, as at interpreter exit.
   */
  public void collected() {
    if (logTraceback) {
      loop.callExceptionHandler(pyClassName() + " exception was never retrieved", this, peekException());
    }
  }

  /** The callback added first while it is still registered, or null (TimerHandle.task). */
  DoneCallback firstCallback() {
    if (callback0 != null) return callback0;
    ArrayList<DoneCallback> more = moreCallbacks();
    return more == null || more.isEmpty() ? null : more.get(0);
  }

  public void addDoneCallback(DoneCallback fn) {
    if (state != State.PENDING) {
      loop.callSoon(fn, this);
    } else if (callback0 == null && moreCallbacks() == null) {
      callback0 = fn;
    } else {
      Uncommon u = uncommon();
      if (u.moreCallbacks == null) {
        u.moreCallbacks = new ArrayList<>(4);
        u.moreCallbacks.add(callback0);
        callback0 = null;
      }
      u.moreCallbacks.add(fn);
    }
  }

  /** Removes every registration of {@code fn}; returns how many. */
  public int removeDoneCallback(DoneCallback fn) {
    if (callback0 != null) {
      if (callback0 == fn) {
        callback0 = null;
        return 1;
      }
      return 0;
    }
    ArrayList<DoneCallback> moreCallbacks = moreCallbacks();
    if (moreCallbacks == null) {
      return 0;
    }
    int before = moreCallbacks.size();
    moreCallbacks.removeIf(cb -> cb == fn);
    return before - moreCallbacks.size();
  }

  private ArrayList<DoneCallback> moreCallbacks() {
    return uncommon == null ? null : uncommon.moreCallbacks;
  }

  private void scheduleCallbacks() {
    if (callback0 != null) {
      DoneCallback cb = callback0;
      callback0 = null;
      loop.callSoon(cb, this);
    } else {
      ArrayList<DoneCallback> cbs = moreCallbacks();
      if (cbs != null) {
        uncommon.moreCallbacks = null;
        for (DoneCallback cb : cbs) {
          loop.callSoon(cb, this);
        }
      }
    }
  }
}
