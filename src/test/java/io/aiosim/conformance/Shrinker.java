package io.aiosim.conformance;

import io.aiosim.dsl.GroupSpec;
import io.aiosim.dsl.OnCancel;
import io.aiosim.dsl.Step;
import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing workflow: drops tasks, steps, cleanups, afters and timeouts one at a time,
 * keeping each change while the failure persists, until no single change keeps it (or the budget
 * of tries is spent).
 */
final class Shrinker {
  private Shrinker() {}

  static Workflow shrink(Workflow failing, Predicate<Workflow> stillFails, int budget) {
    Workflow current = failing;
    boolean progress = true;
    while (progress && budget > 0) {
      progress = false;
      for (Workflow candidate : variants(current)) {
        if (budget-- <= 0) {
          break;
        }
        if (stillFails.test(candidate)) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
    return current;
  }

  /** Every workflow one edit smaller than {@code wf}, the largest cuts first. */
  static List<Workflow> variants(Workflow wf) {
    List<Workflow> out = new ArrayList<>();
    for (Level level : levels(wf.strategy(), wf.tasks())) {
      out.add(new Workflow(wf.name(), wf.description(), wf.seed(), level.strategy, level.tasks, wf.after(), wf.expect()));
    }
    if (wf.after() != null) {
      out.add(new Workflow(wf.name(), wf.description(), wf.seed(), wf.strategy(), wf.tasks(), null, wf.expect()));
    }
    return out;
  }

  private record Level(StrategySpec strategy, List<TaskSpec> tasks) {}

  /** Variants of one strategy level: a task removed, the timeout removed, or a task shrunk. */
  private static List<Level> levels(StrategySpec s, List<TaskSpec> tasks) {
    List<Level> out = new ArrayList<>();
    for (int i = 0; tasks.size() > 1 && i < tasks.size(); i++) {
      List<TaskSpec> fewer = new ArrayList<>(tasks);
      TaskSpec removed = fewer.remove(i);
      out.add(new Level(withoutAwait(s, removed.name()), fewer));
    }
    if (s.timeoutNs() != null) {
      out.add(new Level(withTimeout(s, null), tasks));
    }
    for (int i = 0; i < tasks.size(); i++) {
      for (TaskSpec smaller : variants(tasks.get(i))) {
        List<TaskSpec> copy = new ArrayList<>(tasks);
        copy.set(i, smaller);
        out.add(new Level(s, copy));
      }
    }
    return out;
  }

  private static List<TaskSpec> variants(TaskSpec t) {
    List<TaskSpec> out = new ArrayList<>();
    OnCancel oc = t.onCancel();
    if (oc != null) {
      out.add(new TaskSpec(t.name(), t.body(), null));
      for (List<Step> steps : variants(oc.steps())) {
        out.add(new TaskSpec(t.name(), t.body(), new OnCancel(steps, oc.suppress(), oc.result())));
      }
    }
    switch (t.body()) {
      case TaskBody.Steps s -> {
        for (List<Step> steps : variants(s.steps())) {
          if (!steps.isEmpty()) { // a task body keeps at least one step
            out.add(new TaskSpec(t.name(), new TaskBody.Steps(steps, false), oc));
          }
        }
      }
      case TaskBody.Group g -> {
        GroupSpec gs = g.group();
        if (gs.after() != null) {
          out.add(new TaskSpec(t.name(), new TaskBody.Group(new GroupSpec(gs.strategy(), gs.tasks(), null)), oc));
        }
        for (Level level : levels(gs.strategy(), gs.tasks())) {
          out.add(new TaskSpec(t.name(), new TaskBody.Group(new GroupSpec(level.strategy, level.tasks, gs.after())), oc));
        }
      }
    }
    return out;
  }

  private static List<List<Step>> variants(List<Step> steps) {
    List<List<Step>> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      List<Step> fewer = new ArrayList<>(steps);
      fewer.remove(i);
      out.add(fewer);
    }
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof Step.Spawn spawn) {
        for (TaskSpec smaller : variants(spawn.task())) {
          List<Step> copy = new ArrayList<>(steps);
          copy.set(i, new Step.Spawn(smaller));
          out.add(copy);
        }
      }
    }
    return out;
  }

  private static StrategySpec withoutAwait(StrategySpec s, String name) {
    if (s instanceof StrategySpec.CreateTask c && c.await() != null) {
      return new StrategySpec.CreateTask(c.await().stream().filter(n -> !n.equals(name)).toList(), c.timeoutNs());
    }
    return s;
  }

  private static StrategySpec withTimeout(StrategySpec s, Long timeoutNs) {
    return s.withTimeout(timeoutNs);
  }
}
