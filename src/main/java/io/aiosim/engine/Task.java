package io.aiosim.engine;

/**
 * Mirrors asyncio/tasks.py Task (3.12): {@code __step}, {@code __wakeup}, {@code cancel()} with
 * {@code _must_cancel} and {@code _num_cancels_requested}, {@code uncancel()} (3.13's clears
 * {@code _must_cancel} at zero: {@link AsyncioVersion#uncancelClearsMustCancel}), {@code __del__}.
 * It keeps nothing for the report: the {@link Observer} hears what happens.
 */
public final class Task extends Future implements DoneCallback, Requester {
  /** The coroutine; dropped when the task ends (nothing resumes it again), which a 1M-task run feels. */
  private Coro coro;
  /**
   * {@code _name}: CPython stores {@code str(name)} at once; the str() is deferred to {@link
   * #name()} here, so that a million tasks named by their specs (dsl.TaskSpec) keep no strings.
   */
  private final Object name;
  private final Object context;
  /** Creation order on this loop (CPython numbers unnamed tasks Task-1, Task-2, ...). */
  private final int number;

  private int numCancelsRequested;
  private boolean mustCancel;
  private Future futWaiter;
  private boolean logDestroyPending = true;
  /** The coroutine has run its first step; a throw() into it before that runs none of its code. */
  private boolean started;

  /** {@code loop.create_task(coro, name=name, context=context)}; see {@link EventLoop#createTask}. */
  Task(EventLoop loop, Coro coro, Object name, Object context, int number) {
    super(loop);
    this.coro = coro;
    this.name = name;
    this.context = context;
    this.number = number;
    loop.callSoonStep(this);
  }

  /** {@code get_name()}. */
  public String name() {
    return name == null ? null : name.toString();
  }

  /**
   * What the creator attached to the task. CPython's tasks carry a {@code contextvars.Context};
   * here the code above the engine uses it to know which workflow task a Task is.
   */
  public Object context() {
    return context;
  }

  /** Creation order on this loop, from 0. */
  public int number() {
    return number;
  }

  @Override
  public String toString() {
    return "<Task " + name() + " " + state + ">";
  }

  @Override
  String pyClassName() {
    return "Task";
  }

  /**
   * {@code Task.cancel()}: request that this task cancel itself. This arranges for a
   * CancelledError to be thrown into the wrapped coroutine on the next cycle through the event
   * loop. The coroutine then has a chance to clean up or even deny the request using
   * try/except/finally. Unlike Future.cancel, this does not guarantee that the task will be
   * cancelled: the exception might be caught and acted upon, delaying cancellation of the task or
   * preventing cancellation completely. This also increases the task's count of cancellation
   * requests.
   */
  @Override
  public boolean cancel(Requester by) {
    logTraceback = false;
    if (isDone()) {
      return false;
    }
    numCancelsRequested++;
    loop.observer().cancelAccepted(this, by);
    if (futWaiter != null && futWaiter.cancel(this)) {
      // Leave futWaiter; it may be a Task that catches and ignores the cancellation, so we may
      // have to cancel it again later.
      return true;
    }
    // It must be the case that __step is already scheduled.
    mustCancel = true;
    return true;
  }

  /** gather() sets this off for the tasks it wraps around coroutines (no pending warning). */
  public void setLogDestroyPending(boolean value) {
    logDestroyPending = value;
  }

  /** {@code cancelling()}: the count of cancellation requests not yet withdrawn. */
  public int cancelling() {
    return numCancelsRequested;
  }

  /**
   * {@code uncancel()}: decrements the count of cancellation requests. This should be called by
   * the party that called cancel() on the task beforehand ({@code by}, for the observer).
   */
  public int uncancel(Requester by) {
    if (numCancelsRequested > 0) {
      numCancelsRequested--;
      if (numCancelsRequested == 0 && loop.version().uncancelClearsMustCancel()) {
        mustCancel = false;
      }
      loop.observer().uncancelled(this, by);
    }
    return numCancelsRequested;
  }

  /** Whether the coroutine ever ran (a task cancelled before its first step never starts). */
  public boolean started() {
    return started;
  }

  /** {@code Task.__del__}: a task collected while pending is logged, then Future.__del__. */
  @Override
  public void collected() {
    if (state == State.PENDING && logDestroyPending) {
      loop.callExceptionHandler("Task was destroyed but it is pending!", this, null);
    }
    super.collected();
  }

  /** {@code Task.__step}. */
  void step(PyException exc) {
    if (isDone()) {
      throw new IllegalStateException("_step(): already done: " + this + ", " + exc);
    }
    if (mustCancel) {
      if (exc == null || !exc.isCancelledError()) {
        exc = makeCancelledError();
      }
      mustCancel = false;
    }
    futWaiter = null;
    loop.enterTask(this);
    try {
      stepRunAndHandleResult(exc);
    } finally {
      loop.leaveTask(this);
    }
  }

  /** {@code Task.__step_run_and_handle_result}. */
  private void stepRunAndHandleResult(PyException exc) {
    Coro.Signal signal;
    try {
      if (!started) {
        if (exc != null) {
          throw exc; // throw() into an unstarted coroutine raises at once and runs none of it
        }
        started = true;
        loop.observer().taskStarted(this);
      }
      signal = coro.resume(exc);
    } catch (PyException raised) {
      coro = null;
      if (raised.isCancelledError()) {
        saveCancelledError(raised); // saved so that it can be chained (passed on) later
        super.cancel(null);
      } else {
        setException(raised);
      }
      loop.observer().taskDone(this);
      return;
    }
    // instanceof, not a pattern switch, on the paths of a plain run: each pattern switch spins
    // a class at its first use, which no start-up cache keeps (cli.DistributionIT checks).
    if (signal instanceof Coro.Return r) {
      coro = null;
      if (mustCancel) {
        // Task is cancelled right before coro stops.
        mustCancel = false;
        super.cancel(null);
      } else {
        setResult(r.value());
      }
      loop.observer().taskDone(this);
    } else if (signal instanceof Coro.Yield) {
      // Bare yield relinquishes control for one event loop iteration.
      loop.callSoonStep(this);
    } else {
      Future f = (Future) signal;
      if (f == this) {
        throw new IllegalStateException("Task cannot await on itself: " + this);
      }
      f.addDoneCallback(this); // the task is its own __wakeup callback: no object per await
      futWaiter = f;
      if (mustCancel && f.cancel(this)) {
        mustCancel = false;
      }
    }
  }

  /** {@code Task.__wakeup}: fetching the result retrieves the awaited task's exception. */
  @Override
  public void onDone(Future future) {
    PyException exc = null;
    try {
      future.result();
    } catch (PyException e) {
      exc = e; // this may also be a cancellation
    }
    step(exc);
  }
}
