package io.aiosim.dsl;

import java.util.List;

/** A group task's body: a nested strategy over its own tasks, then an optional after. */
public record GroupSpec(StrategySpec strategy, List<TaskSpec> tasks, After after) {
  public GroupSpec {
    tasks = List.copyOf(tasks);
  }
}
