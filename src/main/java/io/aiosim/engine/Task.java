package io.aiosim.engine;

import io.aiosim.report.Event;
import java.util.ArrayList;

/**
 * Mirrors asyncio/tasks.py Task (3.12): {@code __step}, {@code __wakeup}, {@code cancel()} with
 * {@code _must_cancel} and {@code _num_cancels_requested}, {@code uncancel()}. Also keeps what the
 * report needs: start and end times and the outstanding cancel requests (SPEC 6 cancelled_by).
 */
public final class Task extends Future implements DoneCallback {
  /** A task that the report does not list: main, or asyncio.run's own shutdown helpers. */
  static final int UNREPORTED = -2;

  private final Simulation sim;
  /** The body; dropped when the task ends (nothing resumes it again), which a 1M-task run feels. */
  private Coro coro;
  final String name;
  final Task parent;
  /** The nearest enclosing TaskGroup, where {@code spawn} goes (SPEC 1.3); may be null. */
  final TaskGroup taskGroup;
  /** Creation index in the report, {@link io.aiosim.report.EventLog#MAIN}, or UNREPORTED. */
  final int index;

  private int numCancelsRequested;
  private boolean mustCancel;
  private Future futWaiter;
  private boolean logDestroyPending = true;

  private boolean started;
  long startedAt = -1;
  long finishedAt = -1;
  /** Outstanding accepted cancel() requests, oldest first; null until the first one. */
  private ArrayList<CancelRequest> requests;
  private CancelRequest lastRequest;

  /** One accepted {@code cancel()}, withdrawn by the {@code uncancel()} that answers it. */
  public record CancelRequest(CancelCause cause) {}

  Task(Simulation sim, Coro coro, String name, Task parent, TaskGroup taskGroup, int index) {
    super(sim.loop);
    this.sim = sim;
    this.coro = coro;
    this.name = name;
    this.parent = parent;
    this.taskGroup = taskGroup;
    this.index = index;
    loop.callSoon(new StepHandle(this, null));
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "<Task " + name + " " + state + ">";
  }

  /** {@code Task.cancel()}: asks the coroutine to raise CancelledError at its next step. */
  @Override
  public boolean cancel(CancelCause cause) {
    logTraceback = false;
    if (isDone()) {
      return false;
    }
    numCancelsRequested++;
    // Recorded before the cancel is passed on, so a parent's request precedes its children's.
    sim.recordCancel(this, cause);
    lastRequest = new CancelRequest(cause);
    if (requests == null) {
      requests = new ArrayList<>(2);
    }
    requests.add(lastRequest);
    if (futWaiter != null && futWaiter.cancel(cause.passedOn())) {
      return true;
    }
    mustCancel = true;
    return true;
  }

  /** gather() sets this off for the tasks it wraps around coroutines (no pending warning). */
  public void setLogDestroyPending(boolean value) {
    logDestroyPending = value;
  }

  boolean logDestroyPending() {
    return logDestroyPending;
  }

  /** The request made by the most recent accepted {@link #cancel}, or null. */
  CancelRequest lastRequest() {
    return lastRequest;
  }

  public int cancelling() {
    return numCancelsRequested;
  }

  /** {@code uncancel()}, withdrawing {@code answered} (the request its caller made). */
  public int uncancel(CancelRequest answered) {
    if (numCancelsRequested > 0) {
      numCancelsRequested--;
      if (requests != null && !requests.remove(answered) && !requests.isEmpty()) {
        requests.remove(requests.size() - 1);
      }
    }
    return numCancelsRequested;
  }

  /** The earliest outstanding cancel request's cause, or null (SPEC 6). */
  CancelCause cancelledBy() {
    return requests == null || requests.isEmpty() ? null : requests.get(0).cause();
  }

  boolean started() {
    return started;
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

  private void stepRunAndHandleResult(PyException exc) {
    Coro.Signal signal;
    try {
      if (!started) {
        if (exc != null) {
          throw exc; // throw() into an unstarted coroutine raises at once and runs none of it
        }
        started = true;
        startedAt = loop.time();
        sim.record(this, Event.Kind.START, null);
      }
      signal = coro.resume(exc);
    } catch (PyException raised) {
      coro = null;
      finishedAt = loop.time();
      if (raised.isCancelledError()) {
        cancelledExc = raised;
        sim.record(this, Event.Kind.CANCELLED, null);
        super.cancel(null);
      } else {
        sim.record(this, Event.Kind.FAILED, raised.toErrorValue());
        setException(raised);
      }
      return;
    }
    switch (signal) {
      case Coro.Return r -> {
        coro = null;
        finishedAt = loop.time();
        if (mustCancel) {
          mustCancel = false;
          sim.record(this, Event.Kind.CANCELLED, null);
          super.cancel(null);
        } else {
          sim.record(this, Event.Kind.COMPLETED, r.value());
          setResult(r.value());
        }
      }
      case Coro.Yield y -> loop.callSoon(new StepHandle(this, null));
      case Future f -> {
        if (f == this) {
          throw new IllegalStateException("Task cannot await on itself: " + this);
        }
        f.addDoneCallback(this); // the task is its own __wakeup callback: no object per await
        futWaiter = f;
        if (mustCancel && f.cancel(lastRequest.cause().passedOn())) {
          mustCancel = false;
        }
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
      exc = e;
    }
    step(exc);
  }

  /** The task's step in the ready queue. */
  private static final class StepHandle extends Handle {
    private final Task task;
    private final PyException exc;

    StepHandle(Task task, PyException exc) {
      this.task = task;
      this.exc = exc;
    }

    @Override
    void run() {
      task.step(exc);
    }
  }
}
