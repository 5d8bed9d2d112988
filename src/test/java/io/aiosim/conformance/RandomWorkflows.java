package io.aiosim.conformance;

import io.aiosim.dsl.After;
import io.aiosim.dsl.ErrorSpec;
import io.aiosim.dsl.GroupSpec;
import io.aiosim.dsl.OnCancel;
import io.aiosim.dsl.Step;
import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.StrategySpec.Kind;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.Workflow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generator of random valid workflows, biased to what breaks an implementation: every
 * strategy and option, nesting up to three groups deep, timeouts, cancellation cleanups that
 * sleep, suppress, raise or spawn, failures (CancelledError included) and many ties (delays are
 * a few multiples of 50 ms, and zero).
 */
final class RandomWorkflows {
  private static final long MS = 1_000_000L;
  private static final long[] DELAYS = {0, 50 * MS, 100 * MS, 100 * MS, 150 * MS, 200 * MS, 300 * MS};
  private static final String[] ERRORS = {"ValueError", "KeyError", "ValueError", "CancelledError", "TimeoutError"};

  private final SplittableRandom random;
  private int names;

  private RandomWorkflows(long seed) {
    random = new SplittableRandom(seed);
  }

  static Workflow generate(long seed) {
    RandomWorkflows g = new RandomWorkflows(seed);
    List<TaskSpec> tasks = g.tasks(0, 1 + g.random.nextInt(4));
    StrategySpec s = g.strategy(tasks);
    return new Workflow("random-" + seed, null, 0, s, tasks, g.chance(0.5) ? g.after() : null, null);
  }

  private List<TaskSpec> tasks(int depth, int n) {
    List<TaskSpec> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tasks.add(task(depth));
    }
    return tasks;
  }

  private TaskSpec task(int depth) {
    String name = "t" + names++;
    TaskBody body;
    double kind = random.nextDouble();
    if (kind < 0.15 && depth < 3) {
      List<TaskSpec> children = tasks(depth + 1, 1 + random.nextInt(3));
      body = new TaskBody.Group(new GroupSpec(strategy(children), children, chance(0.3) ? after() : null));
    } else if (kind < 0.45) {
      body = new TaskBody.Steps(steps(depth, 1 + random.nextInt(4), true), false);
    } else {
      Step end = chance(0.25) ? new Step.Raise(error()) : new Step.Return(name);
      body = new TaskBody.Steps(List.of(new Step.Sleep(delay()), end), true);
    }
    OnCancel onCancel = null;
    if (chance(0.3)) {
      boolean suppress = chance(0.3);
      onCancel = new OnCancel(steps(depth, random.nextInt(3), false), suppress, suppress ? name + "-kept" : null);
    }
    return new TaskSpec(name, body, onCancel);
  }

  private List<Step> steps(int depth, int n, boolean mayEnd) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double k = random.nextDouble();
      if (k < 0.5) {
        steps.add(new Step.Sleep(delay()));
      } else if (k < 0.7) {
        steps.add(new Step.Log("log " + names + "." + i));
      } else if (k < 0.85 && depth < 3) {
        steps.add(new Step.Spawn(task(depth + 1)));
      } else if (k < 0.93) {
        steps.add(new Step.Raise(error()));
        return steps;
      } else if (mayEnd) {
        steps.add(new Step.Return((long) i));
        return steps;
      }
    }
    return steps;
  }

  private StrategySpec strategy(List<TaskSpec> tasks) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    Long timeout = chance(0.35) ? 50 * MS * (1 + random.nextInt(6)) : null;
    List<String> await = null;
    if (kind == Kind.CREATE_TASK && chance(0.5)) {
      List<String> names = new ArrayList<>(tasks.stream().map(TaskSpec::name).toList());
      Collections.shuffle(names, new java.util.Random(random.nextLong()));
      await = names.subList(0, random.nextInt(names.size() + 1));
    }
    return switch (kind) {
      case GATHER -> new StrategySpec.Gather(chance(0.5), timeout);
      case TASKGROUP -> new StrategySpec.TaskGroup(timeout);
      case AS_COMPLETED ->
          new StrategySpec.AsCompleted(
              chance(0.5) ? StrategySpec.OnError.CANCEL_REMAINING : StrategySpec.OnError.CONTINUE, timeout);
      case WAIT ->
          new StrategySpec.Wait(
              StrategySpec.ReturnWhen.values()[random.nextInt(3)], chance(0.5), chance(0.3), timeout);
      case CREATE_TASK -> new StrategySpec.CreateTask(await, timeout);
    };
  }

  private After after() {
    return new After(chance(0.3) ? 0 : delay() + 100 * MS);
  }

  private ErrorSpec error() {
    String type = ERRORS[random.nextInt(ERRORS.length)];
    return new ErrorSpec(type, type.toLowerCase() + " " + names);
  }

  private long delay() {
    return DELAYS[random.nextInt(DELAYS.length)];
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }
}
