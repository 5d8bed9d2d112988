package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.Coro;
import io.aiosim.engine.Frame;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Task;
import io.aiosim.engine.TaskGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code async with asyncio.TaskGroup() as tg: tg.create_task(...)} for each task in order; the
 * value is {@code [t.result() for t in tasks]} (spawned tasks are not in it).
 */
public record TaskGroupStrategy() implements Strategy<StrategySpec.TaskGroup> {

  @Override
  public String summary() {
    return "async with asyncio.TaskGroup(): the first error cancels the rest; errors raise as an ExceptionGroup";
  }

  @Override
  public Coro step(Scope scope, StrategySpec.TaskGroup spec, List<TaskSpec> tasks) {
    Coro body =
        new Frame() {
          private List<Task> created;

          @Override
          protected Signal advance(Object value, PyException exc) {
            if (exc != null) {
              throw exc;
            }
            if (created == null) {
              TaskGroup tg = new TaskGroup(scope.loop());
              tg.enter();
              created = new ArrayList<>(tasks.size());
              for (TaskSpec t : tasks) {
                created.add(scope.createTask(tg, t));
              }
              return await(tg.exit(null));
            }
            List<Object> results = new ArrayList<>(created.size());
            for (Task t : created) {
              results.add(t.result());
            }
            return done(results);
          }
        };
    return Strategy.withTimeout(scope, spec, body);
  }
}
