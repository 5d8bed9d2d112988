package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.Coro;
import io.aiosim.engine.Frame;
import io.aiosim.engine.GatheringFuture;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Simulation;
import io.aiosim.engine.Task;
import io.aiosim.engine.TaskGroup;
import java.util.ArrayList;
import java.util.List;

/** {@code await asyncio.gather(*coros, return_exceptions=R)}. */
public record Gather() implements Strategy {

  @Override
  public String summary() {
    return "await asyncio.gather(*coros, return_exceptions=R): first error propagates, siblings keep running";
  }

  @Override
  public Coro step(Simulation sim, StrategySpec spec, List<TaskSpec> tasks, TaskGroup enclosing) {
    Coro body =
        new Frame() {
          private boolean started;

          @Override
          protected Signal advance(Object value, PyException exc) {
            if (exc != null) {
              throw exc;
            }
            if (started) {
              return done(value);
            }
            started = true;
            Task parent = sim.currentParent();
            List<Task> children = new ArrayList<>(tasks.size());
            for (TaskSpec t : tasks) {
              Task child = sim.createTask(t, parent, enclosing);
              child.setLogDestroyPending(false); // gather wraps coroutines: fut._log_destroy_pending = False
              children.add(child);
            }
            return await(new GatheringFuture(sim.loop(), children, spec.returnExceptions()));
          }
        };
    return Strategy.withTimeout(sim, spec, body);
  }
}
