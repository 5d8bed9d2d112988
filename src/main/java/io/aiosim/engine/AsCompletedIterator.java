package io.aiosim.engine;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Mirrors asyncio/tasks.py as_completed() (3.12): finished tasks go through an asyncio.Queue
 * ({@code done}) whose getter future wakes the consumer, and a timeout queues one None per task
 * still to come, each read as a TimeoutError ({@code _wait_for_one}). CPython iterates a set of
 * tasks here; the order does not show, since every task has its own callback list. 3.13 made it
 * the class {@code _AsCompletedIterator} (gh-77714) with the same callbacks, queue and timer, set
 * up at the same moment for a {@code for} loop: no version switch.
 */
public final class AsCompletedIterator {
  /** The None that {@code _on_timeout} queues for each remaining task. */
  private static final Object TIMED_OUT = new Object();

  private final EventLoop loop;
  private final LinkedHashSet<Task> todo;
  private final DoneCallback onCompletion = f -> onCompletion((Task) f);
  private final Queue done;
  private TimerHandle timeoutHandle;
  private int remaining;

  /** {@code as_completed(fs, timeout=timeout)}; timeout in ns or null. */
  public AsCompletedIterator(EventLoop loop, List<Task> fs, Long timeout) {
    this.loop = loop;
    this.done = new Queue(loop);
    this.todo = new LinkedHashSet<>(fs);
    for (Task f : todo) {
      f.addDoneCallback(onCompletion);
    }
    if (!todo.isEmpty() && timeout != null) {
      timeoutHandle = loop.callLater(timeout, "as_completed.<locals>._on_timeout", this::onTimeout);
    }
    remaining = todo.size();
  }

  /** Whether the generator still yields ({@code for _ in range(len(todo))}). */
  public boolean hasNext() {
    return remaining > 0;
  }

  /**
   * The next {@code _wait_for_one()} coroutine: its value is the next finished task's result, or
   * it raises that task's exception, or TimeoutError. {@link WaitForOne#task()} tells which task
   * it read (CPython hands over only the result).
   */
  public WaitForOne next() {
    if (remaining <= 0) {
      throw new IllegalStateException("as_completed is exhausted");
    }
    remaining--;
    return new WaitForOne();
  }

  private void onTimeout() {
    for (Task f : todo) {
      f.removeDoneCallback(onCompletion);
      done.putNowait(TIMED_OUT); // a dummy value for _wait_for_one()
    }
    todo.clear();
  }

  private void onCompletion(Task f) {
    if (todo.isEmpty()) {
      return; // _on_timeout() was here first
    }
    todo.remove(f);
    done.putNowait(f);
    if (todo.isEmpty() && timeoutHandle != null) {
      timeoutHandle.cancel();
    }
  }

  /** {@code async def _wait_for_one(): f = await done.get(); ...; return f.result()}. */
  public final class WaitForOne extends Frame {
    private boolean getting;
    private Task task;

    /** The task whose result this coroutine returned or raised; null for a timeout item. */
    public Task task() {
      return task;
    }

    @Override
    protected Signal advance(Object value, PyException exc) {
      if (!getting) {
        getting = true;
        if (exc != null) {
          throw exc;
        }
        return await(done.get());
      }
      if (exc != null) {
        throw exc;
      }
      if (value == TIMED_OUT) {
        throw new PyException(PyException.TIMEOUT_ERROR, "");
      }
      task = (Task) value;
      return done(task.result()); // may raise the task's exception
    }
  }

  /** The part of asyncio.Queue (queues.py, unbounded) that as_completed uses. */
  private static final class Queue {
    private final EventLoop loop;
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final ArrayDeque<Future> getters = new ArrayDeque<>();

    Queue(EventLoop loop) {
      this.loop = loop;
    }

    /** {@code put_nowait}: append, then wake the first getter still waiting. */
    void putNowait(Object item) {
      items.addLast(item);
      wakeupNext();
    }

    private void wakeupNext() {
      while (!getters.isEmpty()) {
        Future waiter = getters.pollFirst();
        if (!waiter.isDone()) {
          waiter.setResult(null);
          break;
        }
      }
    }

    /** {@code async def get()}. */
    Coro get() {
      return new Frame() {
        private Future getter;

        @Override
        protected Signal advance(Object value, PyException exc) {
          if (getter != null) { // resumed from `await getter`
            Future g = getter;
            getter = null;
            if (exc != null) {
              g.cancel(null); // just in case getter is not done yet
              getters.remove(g);
              // Re-wake the next getter if the cancelled one had been woken for an item.
              if (!items.isEmpty() && !g.isCancelled()) {
                wakeupNext();
              }
              throw exc;
            }
          } else if (exc != null) {
            throw exc;
          }
          if (items.isEmpty()) {
            getter = loop.createFuture();
            getters.addLast(getter);
            return await(getter);
          }
          return done(items.pollFirst());
        }
      };
    }
  }
}
