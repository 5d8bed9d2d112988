package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.Coro;
import io.aiosim.engine.Frame;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tasks = [asyncio.create_task(...) ...]}, then {@code await t} for each name in {@code
 * await}, one by one; the first awaited error propagates. Awaiting a finished task does not
 * suspend.
 */
public record CreateTask() implements Strategy<StrategySpec.CreateTask> {

  @Override
  public String summary() {
    return "asyncio.create_task(...) for each, then await the named tasks one by one ([] = fire and forget)";
  }

  @Override
  public Coro step(Scope scope, StrategySpec.CreateTask spec, List<TaskSpec> tasks) {
    Coro body =
        new Frame() {
          private List<Task> awaited;
          private List<Object> results;
          private int next;

          @Override
          protected Signal advance(Object value, PyException exc) {
            if (exc != null) {
              throw exc;
            }
            if (awaited == null) {
              Map<String, Task> byName = new HashMap<>();
              List<Task> created = new ArrayList<>(tasks.size());
              for (TaskSpec t : tasks) {
                Task task = scope.createTask(t);
                created.add(task);
                byName.put(t.name(), task);
              }
              if (spec.await() == null) {
                awaited = created;
              } else {
                awaited = new ArrayList<>(spec.await().size());
                for (String name : spec.await()) {
                  Task t = byName.get(name);
                  if (t == null) {
                    throw new IllegalStateException("await names an unknown task: " + name);
                  }
                  awaited.add(t);
                }
              }
              results = new ArrayList<>(awaited.size());
            } else {
              results.add(value);
            }
            if (next < awaited.size()) {
              return await(awaited.get(next++));
            }
            return done(results);
          }
        };
    return Strategy.withTimeout(scope, spec, body);
  }
}
