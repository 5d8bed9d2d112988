package io.aiosim.strategy;

import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.EventLoop;
import io.aiosim.engine.Task;
import io.aiosim.engine.TaskGroup;

/**
 * What a strategy step may do besides asyncio's own calls: create the workflow's tasks (their
 * bodies are the run layer's business) and hand over what main receives. The run layer
 * implements it for main and for each group task.
 */
public interface Scope {

  EventLoop loop();

  /** {@code asyncio.create_task(...)} for one of the step's tasks. */
  Task createTask(TaskSpec spec);

  /** {@code tg.create_task(...)}: a task of the TaskGroup {@code tg}, where its spawns go too. */
  Task createTask(TaskGroup tg, TaskSpec spec);

  /** An as_completed item as the step receives it (SPEC 6: main's are {@code yield} events). */
  void received(Object item);
}
