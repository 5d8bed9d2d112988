package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.Coro;
import io.aiosim.engine.Simulation;
import io.aiosim.engine.TaskGroup;
import io.aiosim.engine.Timeout;
import java.util.List;

/**
 * One of asyncio's ways to run tasks concurrently (SPEC 2), as the coroutine that main or a group
 * task awaits: its value is the strategy's value, its exception the strategy's error (SPEC 3).
 */
public sealed interface Strategy permits Gather, TaskGroupStrategy, AsCompleted, Wait, CreateTask {

  /**
   * The strategy step over {@code tasks}. The coroutine must do nothing until first resumed: it
   * creates its tasks when the owning task runs it.
   *
   * @param enclosing the nearest enclosing TaskGroup of the owner (where spawns go), or null
   */
  Coro step(Simulation sim, StrategySpec spec, List<TaskSpec> tasks, TaskGroup enclosing);

  /** One line for {@code --help} and the schema's description. */
  String summary();

  /** {@code async with asyncio.timeout(T): <step>} when the spec has a timeout. */
  static Coro withTimeout(Simulation sim, StrategySpec spec, Coro step) {
    return spec.timeoutNs() == null ? step : new Timeout(sim.loop(), spec.timeoutNs(), step);
  }
}
