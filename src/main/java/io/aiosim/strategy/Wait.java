package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.Coro;
import io.aiosim.engine.Frame;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Task;
import io.aiosim.engine.Waiting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code done, pending = await asyncio.wait(tasks, timeout=T, return_when=W)}; then, as options,
 * {@code for t in pending: t.cancel()} and {@code for t in done: t.exception()} (skipping the
 * cancelled ones, whose exception() would raise). The value names both sets in creation order.
 */
public record Wait() implements Strategy<StrategySpec.Wait> {

  @Override
  public String summary() {
    return "done, pending = await asyncio.wait(tasks, timeout=T, return_when=W): never cancels by itself";
  }

  @Override
  public Coro step(Scope scope, StrategySpec.Wait spec, List<TaskSpec> tasks) {
    return new Frame() {
      private boolean waiting;

      @Override
      protected Signal advance(Object value, PyException exc) {
        if (exc != null) {
          throw exc;
        }
        if (!waiting) {
          waiting = true;
          List<Task> created = new ArrayList<>(tasks.size());
          for (TaskSpec t : tasks) {
            created.add(scope.createTask(t));
          }
          return await(new Waiting(scope.loop(), created, spec.timeoutNs(), returnWhen(spec.returnWhen())));
        }
        Waiting.Result r = (Waiting.Result) value;
        if (spec.cancelPending()) {
          for (Task t : r.pending()) {
            t.cancel(DECISION);
          }
        }
        if (spec.retrieve()) {
          for (Task t : r.done()) {
            if (!t.isCancelled()) {
              t.exception();
            }
          }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("done", names(r.done()));
        result.put("pending", names(r.pending()));
        return done(result);
      }
    };
  }

  private static List<Object> names(List<Task> tasks) {
    List<Object> names = new ArrayList<>(tasks.size());
    for (Task t : tasks) {
      names.add(t.name());
    }
    return names;
  }

  private static Waiting.ReturnWhen returnWhen(StrategySpec.ReturnWhen w) {
    return switch (w) {
      case ALL_COMPLETED -> Waiting.ReturnWhen.ALL_COMPLETED;
      case FIRST_COMPLETED -> Waiting.ReturnWhen.FIRST_COMPLETED;
      case FIRST_EXCEPTION -> Waiting.ReturnWhen.FIRST_EXCEPTION;
    };
  }
}
