package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.StrategySpec.ReturnWhen;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.CancelCause;
import io.aiosim.engine.Coro;
import io.aiosim.engine.DoneCallback;
import io.aiosim.engine.Frame;
import io.aiosim.engine.Future;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Simulation;
import io.aiosim.engine.Task;
import io.aiosim.engine.TaskGroup;
import io.aiosim.engine.TimerHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code done, pending = await asyncio.wait(tasks, timeout=T, return_when=W)}, then optionally
 * cancel the pending ones in creation order. Mirrors tasks.py _wait (3.12): it never cancels by
 * itself, and FIRST_EXCEPTION's {@code f.exception()} runs only while the counter is above zero.
 */
public record Wait() implements Strategy {

  @Override
  public String summary() {
    return "done, pending = await asyncio.wait(tasks, timeout=T, return_when=W): never cancels by itself";
  }

  @Override
  public Coro step(Simulation sim, StrategySpec spec, List<TaskSpec> tasks, TaskGroup enclosing) {
    return new Step(sim, spec, tasks, enclosing);
  }

  private static final class Step extends Frame {
    private final Simulation sim;
    private final StrategySpec spec;
    private final List<TaskSpec> specs;
    private final TaskGroup enclosing;
    private List<Task> created;
    private Future waiter;
    private TimerHandle timeoutHandle;
    private int counter;
    private final DoneCallback onCompletion = this::onCompletion;

    Step(Simulation sim, StrategySpec spec, List<TaskSpec> specs, TaskGroup enclosing) {
      this.sim = sim;
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
        Task parent = sim.currentParent();
        created = new ArrayList<>(specs.size());
        for (TaskSpec t : specs) {
          created.add(sim.createTask(t, parent, enclosing));
        }
        waiter = sim.loop().createFuture();
        if (spec.timeoutNs() != null) {
          timeoutHandle = sim.loop().callLater(spec.timeoutNs(), this::releaseWaiter);
        }
        counter = created.size();
        for (Task t : created) {
          t.addDoneCallback(onCompletion);
        }
        return await(waiter);
      }
      // finally: cancel the timeout and unhook from every task
      if (timeoutHandle != null) {
        timeoutHandle.cancel();
      }
      for (Task t : created) {
        t.removeDoneCallback(onCompletion);
      }
      if (exc != null) {
        throw exc;
      }
      List<Object> done = new ArrayList<>();
      List<Object> pending = new ArrayList<>();
      List<Task> pendingTasks = new ArrayList<>();
      for (Task t : created) {
        if (t.isDone()) {
          done.add(t.name());
        } else {
          pending.add(t.name());
          pendingTasks.add(t);
        }
      }
      if (spec.cancelPending()) {
        for (Task t : pendingTasks) {
          t.cancel(CancelCause.STRATEGY);
        }
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("done", done);
      result.put("pending", pending);
      return done(result);
    }

    private void releaseWaiter() {
      if (!waiter.isDone()) {
        waiter.setResult(null);
      }
    }

    private void onCompletion(Future f) {
      counter--;
      if (counter <= 0
          || spec.returnWhen() == ReturnWhen.FIRST_COMPLETED
          || (spec.returnWhen() == ReturnWhen.FIRST_EXCEPTION
              && !f.isCancelled()
              && f.exception() != null)) {
        if (timeoutHandle != null) {
          timeoutHandle.cancel();
        }
        if (!waiter.isDone()) {
          waiter.setResult(null);
        }
      }
    }
  }
}
