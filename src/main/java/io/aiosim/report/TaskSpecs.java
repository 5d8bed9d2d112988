package io.aiosim.report;

import io.aiosim.dsl.GroupSpec;
import io.aiosim.dsl.Step;
import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow's tasks by name (names are unique in a file, spawned ones included), each with its
 * owner: the task whose strategy or TaskGroup holds it, which is who cancels it for {@code
 * strategy} and passes a cancel on to it ({@code parent}). Declared tasks belong to the task
 * whose strategy runs them (main or a group task); a spawned task joins the spawner's nearest
 * enclosing TaskGroup, as the engine's {@code spawn} does, or belongs to its spawner when there
 * is none (a background task that only shutdown cancels).
 */
final class TaskSpecs {
  /** A task's spec and owner ({@link Lane#MAIN} for main). */
  record Entry(TaskSpec spec, String owner) {}

  private final Map<String, Entry> byName = new HashMap<>();

  private TaskSpecs() {}

  /** An index of {@code w}'s tasks; empty when {@code w} is null. */
  static TaskSpecs of(Workflow w) {
    TaskSpecs specs = new TaskSpecs();
    if (w != null) {
      specs.tasks(w.tasks(), Lane.MAIN, isTaskGroup(w.strategy()) ? Lane.MAIN : null);
    }
    return specs;
  }

  Entry get(String name) {
    return byName.get(name);
  }

  /** The owner of {@code name}, or {@code fallback} when the workflow does not say. */
  String owner(String name, String fallback) {
    Entry e = byName.get(name);
    return e == null ? fallback : e.owner();
  }

  static boolean isTaskGroup(StrategySpec s) {
    return s.kind() == StrategySpec.Kind.TASKGROUP;
  }

  /** {@code taskGroup}: the owner of the TaskGroup these tasks run in, or null. */
  private void tasks(List<TaskSpec> tasks, String owner, String taskGroup) {
    for (TaskSpec t : tasks) {
      byName.put(t.name(), new Entry(t, owner));
      switch (t.body()) {
        case TaskBody.Steps s -> spawns(s.steps(), t.name(), taskGroup);
        case TaskBody.Group g -> {
          GroupSpec group = g.group();
          tasks(group.tasks(), t.name(), isTaskGroup(group.strategy()) ? t.name() : taskGroup);
        }
      }
      if (t.onCancel() != null) {
        spawns(t.onCancel().steps(), t.name(), taskGroup);
      }
    }
  }

  private void spawns(List<Step> steps, String spawner, String taskGroup) {
    for (Step step : steps) {
      if (step instanceof Step.Spawn s) {
        tasks(List.of(s.task()), taskGroup != null ? taskGroup : spawner, taskGroup);
      }
    }
  }
}
