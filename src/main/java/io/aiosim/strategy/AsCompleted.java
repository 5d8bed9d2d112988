package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.CancelCause;
import io.aiosim.engine.Coro;
import io.aiosim.engine.DoneCallback;
import io.aiosim.engine.EventLoop;
import io.aiosim.engine.Frame;
import io.aiosim.engine.Future;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Simulation;
import io.aiosim.engine.Task;
import io.aiosim.engine.TaskGroup;
import io.aiosim.engine.TimerHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Tasks created first, in order, then {@code for f in asyncio.as_completed(tasks, timeout=T):
 * await f}. Mirrors tasks.py as_completed (3.12): finished tasks go through an asyncio.Queue
 * whose getter future wakes main, and a timeout queues one TimeoutError per remaining task.
 */
public record AsCompleted() implements Strategy {

  @Override
  public String summary() {
    return "for f in asyncio.as_completed(tasks, timeout=T): await f (errors are items; never cancels by itself)";
  }

  @Override
  public Coro step(Simulation sim, StrategySpec spec, List<TaskSpec> tasks, TaskGroup enclosing) {
    return new Step(sim, spec, tasks, enclosing);
  }

  private static final class Step extends Frame {
    /** The None that {@code _on_timeout} queues for each remaining task. */
    private static final Object TIMED_OUT = new Object();

    private final Simulation sim;
    private final EventLoop loop;
    private final StrategySpec spec;
    private final List<TaskSpec> specs;
    private final TaskGroup enclosing;
    private List<Task> created;
    private final LinkedHashSet<Task> todo = new LinkedHashSet<>();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final ArrayDeque<Future> getters = new ArrayDeque<>();
    private final List<Object> items = new ArrayList<>();
    private final DoneCallback onCompletion = f -> onCompletion((Task) f);
    private TimerHandle timeoutHandle;
    private int remaining;
    private Future getter;

    Step(Simulation sim, StrategySpec spec, List<TaskSpec> specs, TaskGroup enclosing) {
      this.sim = sim;
      this.loop = sim.loop();
      this.spec = spec;
      this.specs = specs;
      this.enclosing = enclosing;
    }

    @Override
    protected Signal advance(Object value, PyException exc) {
      if (created == null) {
        if (exc != null) {
          throw exc;
        }
        start();
      } else if (getter != null) { // resumed from `await getter` inside Queue.get()
        Future g = getter;
        getter = null;
        if (exc != null) {
          g.cancel(null);
          getters.remove(g);
          if (!queue.isEmpty() && !g.isCancelled()) {
            wakeupNext();
          }
          throw exc;
        }
      } else if (exc != null) {
        throw exc;
      }
      while (remaining > 0) {
        if (queue.isEmpty()) { // Queue.get(): wait for an item
          getter = loop.createFuture();
          getters.addLast(getter);
          return await(getter);
        }
        remaining--;
        Object f = queue.pollFirst();
        Map<String, Object> item = new LinkedHashMap<>();
        PyException error;
        if (f == TIMED_OUT) {
          error = new PyException(PyException.TIMEOUT_ERROR, "");
          item.put("task", null);
        } else {
          Task t = (Task) f;
          item.put("task", t.name());
          try {
            item.put("result", t.result());
            error = null;
          } catch (PyException e) {
            if (e.isCancelledError()) {
              throw e; // not an Exception: main's except does not catch it (SPEC 2)
            }
            error = e;
          }
        }
        if (error != null) {
          item.put("error", error.toErrorValue());
        }
        sim.recordYield(item);
        items.add(item);
        if (error != null && spec.onError() == StrategySpec.OnError.CANCEL_REMAINING) {
          for (Task t : created) {
            t.cancel(CancelCause.STRATEGY);
          }
          break;
        }
      }
      return done(items);
    }

    private void start() {
      Task parent = sim.currentParent();
      created = new ArrayList<>(specs.size());
      for (TaskSpec t : specs) {
        created.add(sim.createTask(t, parent, enclosing));
      }
      todo.addAll(created);
      for (Task t : todo) {
        t.addDoneCallback(onCompletion);
      }
      if (!todo.isEmpty() && spec.timeoutNs() != null) {
        timeoutHandle = loop.callLater(spec.timeoutNs(), this::onTimeout);
      }
      remaining = todo.size();
    }

    private void onTimeout() {
      for (Task t : todo) {
        t.removeDoneCallback(onCompletion);
        putNowait(TIMED_OUT);
      }
      todo.clear();
    }

    private void onCompletion(Task f) {
      if (todo.isEmpty()) {
        return; // _on_timeout() was here first
      }
      todo.remove(f);
      putNowait(f);
      if (todo.isEmpty() && timeoutHandle != null) {
        timeoutHandle.cancel();
      }
    }

    /** Queue.put_nowait: append, then wake the first getter still waiting. */
    private void putNowait(Object item) {
      queue.addLast(item);
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
  }
}
