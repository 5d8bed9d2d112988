package io.aiosim.engine;

import io.aiosim.dsl.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Mirrors asyncio/taskgroups.py TaskGroup (3.12.1). CPython keeps its tasks in a set, so the
 * order in which {@code _abort} cancels them is arbitrary; SPEC 2 fixes creation order, the one
 * deterministic choice. As in 3.12.1, the parent's cancel made on a child's failure while
 * {@code __aexit__} waits is never uncancelled (3.13 changed that).
 */
public final class TaskGroup {
  private final Simulation sim;
  private boolean entered;
  private boolean exiting;
  private boolean aborting;
  private Task parentTask;
  private boolean parentCancelRequested;
  private Task.CancelRequest parentRequest;
  private final LinkedHashSet<Task> tasks = new LinkedHashSet<>();
  private List<PyException> errors = new ArrayList<>();
  private Future onCompletedFut;
  private final DoneCallback onTaskDone = f -> onTaskDone((Task) f);

  TaskGroup(Simulation sim) {
    this.sim = sim;
  }

  @Override
  public String toString() {
    StringBuilder info = new StringBuilder("<TaskGroup");
    if (!tasks.isEmpty()) {
      info.append(" tasks=").append(tasks.size());
    }
    if (errors != null && !errors.isEmpty()) {
      info.append(" errors=").append(errors.size());
    }
    if (aborting) {
      info.append(" cancelling");
    } else if (entered) {
      info.append(" entered");
    }
    return info.append('>').toString();
  }

  /** {@code __aenter__}. */
  public void enter() {
    if (entered) {
      throw new IllegalStateException("TaskGroup " + this + " has already been entered");
    }
    parentTask = sim.loop.currentTask();
    if (parentTask == null) {
      throw new IllegalStateException("TaskGroup " + this + " cannot determine the parent task");
    }
    entered = true;
  }

  /** {@code tg.create_task(coro)}; raises CPython's RuntimeError when finished or aborting. */
  public Task createTask(TaskSpec spec, Task parent) {
    if (!entered) {
      throw new IllegalStateException("TaskGroup " + this + " has not been entered");
    }
    if (exiting && tasks.isEmpty()) {
      throw new PyException(PyException.RUNTIME_ERROR, "TaskGroup " + this + " is finished");
    }
    if (aborting) {
      throw new PyException(PyException.RUNTIME_ERROR, "TaskGroup " + this + " is shutting down");
    }
    Task task = sim.createTask(spec, parent, this);
    tasks.add(task);
    task.addDoneCallback(onTaskDone);
    return task;
  }

  /** {@code __aexit__(et, exc, tb)} as a coroutine; {@code exc} is what the body raised or null. */
  public Coro exit(PyException exc) {
    return new Exit(exc);
  }

  private void abort(CancelCause cause) {
    aborting = true;
    for (Task t : tasks) {
      if (!t.isDone()) {
        t.cancel(cause);
      }
    }
  }

  private void onTaskDone(Task task) {
    tasks.remove(task);
    if (onCompletedFut != null && tasks.isEmpty() && !onCompletedFut.isDone()) {
      onCompletedFut.setResult(Boolean.TRUE);
    }
    if (task.isCancelled()) {
      return;
    }
    PyException exc = task.exception();
    if (exc == null) {
      return;
    }
    errors.add(exc);
    if (parentTask.isDone()) {
      // CPython logs "Task ... has errored out but its parent task ... is already completed";
      // the parent waits in __aexit__ until every task is done, so a workflow cannot get here.
      throw new IllegalStateException("TaskGroup child failed after its parent finished");
    }
    if (!aborting && !parentCancelRequested) {
      abort(CancelCause.STRATEGY);
      parentCancelRequested = true;
      if (parentTask.cancel(CancelCause.STRATEGY)) {
        parentRequest = parentTask.lastRequest();
      }
    }
  }

  private final class Exit extends Frame {
    private final PyException et;
    private PyException propagateCancellationError;
    private boolean started;

    Exit(PyException et) {
      this.et = et;
    }

    @Override
    protected Signal advance(Object value, PyException exc) {
      if (!started) {
        started = true;
        if (exc != null) {
          throw exc;
        }
        exiting = true;
        propagateCancellationError = et != null && et.isCancelledError() ? et : null;
        if (parentCancelRequested && parentTask.uncancel(parentRequest) == 0) {
          propagateCancellationError = null;
        }
        if (et != null && !aborting) {
          abort(passedOnCause());
        }
      } else {
        if (exc != null) {
          if (!exc.isCancelledError()) {
            throw exc;
          }
          if (!aborting) {
            propagateCancellationError = exc;
            abort(passedOnCause());
          }
        }
        onCompletedFut = null;
      }
      if (!tasks.isEmpty()) {
        if (onCompletedFut == null) {
          onCompletedFut = sim.loop.createFuture();
        }
        return await(onCompletedFut);
      }
      if (propagateCancellationError != null && errors.isEmpty()) {
        throw propagateCancellationError;
      }
      if (et != null && !et.isCancelledError()) {
        errors.add(et);
      }
      if (!errors.isEmpty()) {
        PyException me = PyException.group("unhandled errors in a TaskGroup", errors);
        errors = null;
        throw me;
      }
      return done(null);
    }

    /** The parent was cancelled from outside: its children inherit that cancel's cause. */
    private CancelCause passedOnCause() {
      Task.CancelRequest r = parentTask.lastRequest();
      return r == null ? CancelCause.PARENT : r.cause().passedOn();
    }
  }
}
