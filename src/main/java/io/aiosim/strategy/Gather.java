package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.Coro;
import io.aiosim.engine.Frame;
import io.aiosim.engine.GatheringFuture;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Task;
import java.util.ArrayList;
import java.util.List;

/** {@code await asyncio.gather(*coros, return_exceptions=R)}. */
public record Gather() implements Strategy<StrategySpec.Gather> {

  @Override
  public String summary() {
    return "await asyncio.gather(*coros, return_exceptions=R): first error propagates, siblings keep running";
  }

  @Override
  public Coro step(Scope scope, StrategySpec.Gather spec, List<TaskSpec> tasks) {
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
            List<Task> children = new ArrayList<>(tasks.size());
            for (TaskSpec t : tasks) {
              Task child = scope.createTask(t);
              // gather wraps coroutines in tasks the caller cannot see: no pending warning for them
              child.setLogDestroyPending(false);
              children.add(child);
            }
            return await(new GatheringFuture(scope.loop(), children, spec.returnExceptions()));
          }
        };
    return Strategy.withTimeout(scope, spec, body);
  }
}
