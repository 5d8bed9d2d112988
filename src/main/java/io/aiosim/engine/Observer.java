package io.aiosim.engine;

/**
 * What the engine tells whoever records a run. CPython has no such hook (the reference program
 * wraps coroutines and subclasses Task to see the same moments); here it is the one seam between
 * asyncio's core and the report. Every method defaults to nothing, so a run nobody listens to
 * pays one virtual call per moment.
 */
public interface Observer {
  Observer NONE = new Observer() {};

  /** {@code loop.create_task(coro, name=..., context=...)} made {@code task}; it has not run. */
  default void taskCreated(Task task) {}

  /** The task's coroutine is about to run for the first time (a {@code send(None)}). */
  default void taskStarted(Task task) {}

  /** An accepted {@code task.cancel()} (the task was not done), before it is passed on. */
  default void cancelAccepted(Task task, Requester by) {}

  /** {@code task.uncancel()}, called by {@code by} to withdraw the request it made. */
  default void uncancelled(Task task, Requester by) {}

  /** The task is done: its result, exception or cancellation is final. */
  default void taskDone(Task task) {}

  /**
   * {@code loop.call_exception_handler(context)}: what asyncio logs, such as "Task exception was
   * never retrieved" when a failed task is collected.
   *
   * @param future the context's {@code task} or {@code future}, or null
   * @param exception the context's {@code exception}, or null
   */
  default void exceptionHandlerCalled(String message, Future future, PyException exception) {}
}
