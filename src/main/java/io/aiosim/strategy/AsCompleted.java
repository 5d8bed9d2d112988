package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.AsCompletedIterator;
import io.aiosim.engine.Coro;
import io.aiosim.engine.Frame;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tasks created first, in order, then {@code for f in asyncio.as_completed(tasks, timeout=T):}
 * {@code await f}, each outcome an item {@code {"task", "result"|"error"}}. A CancelledError is not
 * an Exception: it propagates (SPEC 2). With {@code on_error: cancel_remaining}, the first error
 * item cancels every task in creation order, finished or not, and ends the loop.
 */
public record AsCompleted() implements Strategy<StrategySpec.AsCompleted> {

  @Override
  public String summary() {
    return "for f in asyncio.as_completed(tasks, timeout=T): await f (errors are items; never cancels by itself)";
  }

  @Override
  public Coro step(Scope scope, StrategySpec.AsCompleted spec, List<TaskSpec> tasks) {
    return new Frame() {
      private List<Task> created;
      private AsCompletedIterator fs;
      private AsCompletedIterator.WaitForOne f;
      private final List<Object> items = new ArrayList<>();

      @Override
      protected Signal advance(Object value, PyException exc) {
        if (created == null) {
          if (exc != null) {
            throw exc;
          }
          created = new ArrayList<>(tasks.size());
          for (TaskSpec t : tasks) {
            created.add(scope.createTask(t));
          }
          fs = new AsCompletedIterator(scope.loop(), created, spec.timeoutNs());
        } else {
          // `await f` ended: an item, unless it raised CancelledError (not an Exception)
          if (exc != null && exc.isCancelledError()) {
            throw exc;
          }
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("task", f.task() == null ? null : f.task().name());
          item.put(exc == null ? "result" : "error", exc == null ? value : exc);
          scope.received(item);
          items.add(item);
          if (exc != null && spec.onError() == StrategySpec.OnError.CANCEL_REMAINING) {
            for (Task t : created) {
              t.cancel(DECISION);
            }
            return done(items);
          }
        }
        if (fs.hasNext()) {
          f = fs.next();
          return await(f);
        }
        return done(items);
      }
    };
  }
}
