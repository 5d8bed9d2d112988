package io.aiosim.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors asyncio/taskgroups.py TaskGroup (3.12.1, and 3.13.0 where {@link AsyncioVersion} says).
 * CPython keeps its tasks in a set, so the order in which {@code _abort} cancels them is
 * arbitrary; SPEC 2 fixes creation order, the one deterministic choice. In 3.12.1 {@code
 * __aexit__} calls {@code uncancel()} on its parent before it waits for the children, so a
 * parent cancel made on a child's failure during that wait is never withdrawn; 3.13 moved the
 * uncancel after the wait and re-cancels a parent cancelled from outside (gh-116720).
 */
public final class TaskGroup implements Requester {
  private final EventLoop loop;
  private boolean entered;
  private boolean exiting;
  private boolean aborting;
  private Task parentTask;
  private boolean parentCancelRequested;
  /**
   * {@code self._tasks}, a set whose members are the tasks whose done callback has not run yet,
   * kept as every task the group created, in creation order (SPEC 2 fixes that order for
   * {@code _abort}), and the number of those members. {@code _abort} skips done tasks, and a
   * task leaves the set only once done, so going over all of them cancels the same tasks in
   * the same order; and no task needs a hash entry (a million-task group made a million).
   */
  private final ArrayList<Task> created = new ArrayList<>();
  private int members;
  private List<PyException> errors = new ArrayList<>();
  private Future onCompletedFut;
  private final DoneCallback onTaskDone = f -> onTaskDone((Task) f);

  /**
   * Who calls the {@code uncancel()} and {@code cancel()} pair of 3.13's re-cancel: the request
   * it withdraws is made again, by the same requester (the observer pairs the two calls).
   */
  public static final Requester RECANCEL =
      new Requester() {
        @Override
        public String toString() {
          return "TaskGroup.__aexit__ re-cancelling its parent";
        }
      };

  public TaskGroup(EventLoop loop) {
    this.loop = loop;
  }

  @Override
  public String toString() {
    StringBuilder info = new StringBuilder("<TaskGroup");
    if (members > 0) {
      info.append(" tasks=").append(members);
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
    parentTask = loop.currentTask();
    if (parentTask == null) {
      throw new IllegalStateException("TaskGroup " + this + " cannot determine the parent task");
    }
    entered = true;
  }

  /**
   * {@code tg.create_task(coro, name=name, context=context)}; raises CPython's RuntimeError when
   * the group is finished or aborting.
   */
  public Task createTask(Coro coro, Object name, Object context) {
    if (!entered) {
      throw new IllegalStateException("TaskGroup " + this + " has not been entered");
    }
    if (exiting && members == 0) {
      throw new PyException(PyException.RUNTIME_ERROR, "TaskGroup " + this + " is finished");
    }
    if (aborting) {
      throw new PyException(PyException.RUNTIME_ERROR, "TaskGroup " + this + " is shutting down");
    }
    Task task = loop.createTask(coro, name, context);
    created.add(task);
    members++;
    task.addDoneCallback(onTaskDone);
    return task;
  }

  /** {@code __aexit__(et, exc, tb)} as a coroutine; {@code exc} is what the body raised or null. */
  public Coro exit(PyException exc) {
    return new Exit(exc);
  }

  /** {@code _abort()}: {@code by} is the group itself (a child failed) or its parent task (cancelled). */
  private void abort(Requester by) {
    aborting = true;
    for (Task t : created) {
      if (!t.isDone()) {
        t.cancel(by);
      }
    }
  }

  private void onTaskDone(Task task) {
    members--; // self._tasks.discard(task)
    if (onCompletedFut != null && members == 0 && !onCompletedFut.isDone()) {
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
      // Not sure if this case is possible, but we want to handle it anyways.
      loop.callExceptionHandler(
          "Task " + task + " has errored out but its parent task " + parentTask + " is already completed",
          task,
          exc);
      return;
    }
    if (!aborting && !parentCancelRequested) {
      // If parent task *is not* being cancelled, it means that we want to manually cancel it to
      // abort whatever is being run right now in the TaskGroup. But we want to mark parent task as
      // "not cancelled" later in __aexit__. Example situation that we need to handle:
      //
      //    async def foo():
      //        try:
      //            async with TaskGroup() as g:
      //                g.create_task(crash_soon())
      //                await something  # <- this needs to be canceled
      //                                 #    by the TaskGroup, e.g.
      //                                 #    foo() needs to be cancelled
      //        except Exception:
      //            # Ignore any exceptions raised in the TaskGroup
      //            pass
      //        await something_else     # this line has to be called
      //                                 # after TaskGroup is finished.
      abort(this);
      parentCancelRequested = true;
      parentTask.cancel(this);
    }
  }

  /** {@code __aexit__}. */
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
        if (!loop.version().taskGroupUncancelsAfterWaiting()) {
          uncancelParent();
        }
        if (et != null && !aborting) {
          // Our parent task is being cancelled:
          //
          //    async with TaskGroup() as g:
          //        g.create_task(...)
          //        await ...  # <- CancelledError
          //
          // or there's an exception in "async with":
          //
          //    async with TaskGroup() as g:
          //        g.create_task(...)
          //        1 / 0
          abort(parentTask);
        }
      } else {
        // The wait below is a while loop: onCompletedFut can be cancelled several times if our
        // parent task is being cancelled repeatedly (or once, while our own cancellation is
        // already in progress).
        if (exc != null) {
          if (!exc.isCancelledError()) {
            throw exc;
          }
          if (!aborting) {
            // Our parent task is being cancelled:
            //
            //    async def wrapper():
            //        async with TaskGroup() as g:
            //            g.create_task(foo)
            //
            // "wrapper" is being cancelled while "foo" is still running.
            propagateCancellationError = exc;
            abort(parentTask);
          }
        }
        onCompletedFut = null;
      }
      if (members > 0) {
        if (onCompletedFut == null) {
          onCompletedFut = loop.createFuture();
        }
        return await(onCompletedFut);
      }
      if (loop.version().taskGroupUncancelsAfterWaiting()) {
        uncancelParent();
      }
      // Propagate CancelledError if there is one, except if there are other errors: those have
      // priority.
      if (propagateCancellationError != null && errors.isEmpty()) {
        throw propagateCancellationError;
      }
      if (et != null && !et.isCancelledError()) {
        errors.add(et);
      }
      if (!errors.isEmpty()) {
        if (loop.version().taskGroupRecancelsParent() && parentTask.cancelling() > 0) {
          // If the parent task is being cancelled from the outside of the taskgroup, un-cancel
          // and re-cancel the parent task, which will keep the cancel count stable.
          parentTask.uncancel(RECANCEL);
          parentTask.cancel(RECANCEL);
        }
        PyException me = PyException.group("unhandled errors in a TaskGroup", errors);
        errors = null; // exceptions are heavy objects with cycles: don't keep a reference to them
        throw me;
      }
      return done(null);
    }

    /**
     * If this flag is set we *must* call uncancel(); if no cancel requests are left, don't
     * propagate CancelledError.
     */
    private void uncancelParent() {
      if (parentCancelRequested && parentTask.uncancel(TaskGroup.this) == 0) {
        propagateCancellationError = null;
      }
    }
  }
}
