package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.Coro;
import io.aiosim.engine.Requester;
import io.aiosim.engine.Timeout;
import java.util.List;

/**
 * One of asyncio's ways to run tasks concurrently (SPEC 2), as the coroutine that main or a group
 * task awaits: its value is the strategy's value, its exception the strategy's error (SPEC 3).
 * Values are Python's: exceptions in them are {@link io.aiosim.engine.PyException}s.
 *
 * @param <S> the strategy's own options
 */
public sealed interface Strategy<S extends StrategySpec>
    permits Gather, TaskGroupStrategy, AsCompleted, Wait, CreateTask {

  /** Who makes a strategy's own {@code cancel()} calls (as_completed cancel_remaining, wait cancel_pending). */
  Requester DECISION = new Requester() {
    @Override
    public String toString() {
      return "the strategy's own cancel()";
    }
  };

  /**
   * The strategy step over {@code tasks}. The coroutine must do nothing until first resumed: it
   * creates its tasks when the owning task runs it.
   */
  Coro step(Scope scope, S spec, List<TaskSpec> tasks);

  /** One line for {@code --help} and the schema's description. */
  String summary();

  /** {@code async with asyncio.timeout(T): <step>} when the spec has a timeout. */
  static Coro withTimeout(Scope scope, StrategySpec spec, Coro step) {
    return spec.timeoutNs() == null ? step : new Timeout(scope.loop(), spec.timeoutNs(), step);
  }
}
