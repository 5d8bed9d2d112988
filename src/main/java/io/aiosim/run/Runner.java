package io.aiosim.run;

import io.aiosim.engine.Coro;
import io.aiosim.engine.EventLoop;
import io.aiosim.engine.GatheringFuture;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Requester;
import io.aiosim.engine.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code asyncio.run(main())}: mirrors asyncio/runners.py Runner.run and close (3.12), then what
 * the interpreter's exit does (every task collected, so {@code __del__} logs what nobody
 * retrieved).
 */
final class Runner {
  /** asyncio.run's own cancel() calls on what is left at shutdown. */
  private static final Requester SHUTDOWN =
      new Requester() {
        @Override
        public String toString() {
          return "asyncio.run shutdown";
        }
      };

  /** The tasks asyncio.run makes itself: main, then shutdown_asyncgens and shutdown_default_executor. */
  static final int OWN_TASKS = 3;

  private Runner() {}

  static void run(EventLoop loop, Recorder recorder, Coro main) {
    Task task = loop.createTask(main, "main", Recorder.MAIN_CONTEXT);
    loop.runUntilComplete(task);
    // Runner.close(): _cancel_all_tasks, then shutdown_asyncgens() and
    // shutdown_default_executor(), each a coroutine run to completion on the loop.
    recorder.shutdownBegins();
    cancelAllTasks(loop);
    loop.runUntilComplete(loop.createTask(Runner::returnAtOnce, "shutdown_asyncgens", null));
    loop.runUntilComplete(loop.createTask(Runner::returnAtOnce, "shutdown_default_executor", null));
    for (Task t : loop.tasks()) {
      t.collected();
    }
  }

  /**
   * runners._cancel_all_tasks: CPython walks {@code tasks.all_tasks()}, a set; SPEC 2 fixes
   * creation order.
   */
  private static void cancelAllTasks(EventLoop loop) {
    List<Task> toCancel = new ArrayList<>();
    for (Task t : loop.tasks()) {
      if (!t.isDone()) {
        toCancel.add(t);
      }
    }
    if (toCancel.isEmpty()) {
      return;
    }
    for (Task t : toCancel) {
      t.cancel(SHUTDOWN);
    }
    loop.runUntilComplete(new GatheringFuture(loop, toCancel, true));
    for (Task t : toCancel) {
      if (t.isCancelled()) {
        continue;
      }
      PyException exc = t.exception();
      if (exc != null) {
        loop.callExceptionHandler("unhandled exception during asyncio.run() shutdown", t, exc);
      }
    }
  }

  /** A coroutine that returns at once: shutdown_asyncgens() with no async generators, and so on. */
  private static Coro.Signal returnAtOnce(PyException exc) {
    if (exc != null) {
      throw exc;
    }
    return Coro.Return.NONE;
  }
}
