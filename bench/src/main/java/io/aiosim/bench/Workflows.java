package io.aiosim.bench;

import io.aiosim.dsl.GroupSpec;
import io.aiosim.dsl.SplitMix64;
import io.aiosim.dsl.Step;
import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.Values;
import io.aiosim.dsl.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark scenarios as models, without YAML: the "N tasks each sleeping a random
 * delay then returning", with the delays drawn as SPEC 4 draws {@code uniform: [0, 10]}.
 */
public final class Workflows {
  private Workflows() {}

  /** How the delays are spread. */
  public enum Delays {
    /** {@code uniform: [0.0, 10.0]}: (almost) every timer at its own instant. */
    UNIFORM,
    /** Every task sleeps 1.0: all timers share one instant (the bucketed case). */
    EQUAL
  }

  /** N shorthand tasks {@code t-i: {delay, result: i}} under one strategy. */
  static Workflow flat(StrategySpec.Kind kind, int n, Delays delays) {
    SplitMix64 rng = new SplitMix64(1);
    return new Workflow(
        "bench-" + kind.key() + "-" + n, null, 1, defaults(kind), tasks("t-", n, delays, rng), null, null);
  }

  /**
   * {@code groups} group tasks under gather, each a taskgroup over {@code n / groups} shorthand
   * tasks: the nested case (a group task's body runs a strategy, SPEC 1.2).
   */
  static Workflow nested(int n, int groups, Delays delays) {
    SplitMix64 rng = new SplitMix64(1);
    List<TaskSpec> top = new ArrayList<>(groups);
    int per = n / groups;
    for (int g = 0; g < groups; g++) {
      GroupSpec body =
          new GroupSpec(
              defaults(StrategySpec.Kind.TASKGROUP), tasks("g" + g + "-t-", per, delays, rng), null);
      top.add(new TaskSpec("g" + g, new TaskBody.Group(body), null));
    }
    return new Workflow(
        "bench-nested-" + n, null, 1, defaults(StrategySpec.Kind.GATHER), top, null, null);
  }

  /** A strategy of {@code kind} with every option at its default. */
  private static StrategySpec defaults(StrategySpec.Kind kind) {
    return switch (kind) {
      case GATHER -> new StrategySpec.Gather(false, null);
      case TASKGROUP -> new StrategySpec.TaskGroup(null);
      case AS_COMPLETED -> new StrategySpec.AsCompleted(StrategySpec.OnError.CONTINUE, null);
      case WAIT -> new StrategySpec.Wait(StrategySpec.ReturnWhen.ALL_COMPLETED, false, false, null);
      case CREATE_TASK -> new StrategySpec.CreateTask(null, null);
    };
  }

  private static List<TaskSpec> tasks(String prefix, int n, Delays delays, SplitMix64 rng) {
    List<TaskSpec> tasks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double d = delays == Delays.EQUAL ? 1.0 : rng.uniform(0.0, 10.0);
      List<Step> steps = List.of(new Step.Sleep(Values.secondsToNs(d)), new Step.Return((long) i));
      tasks.add(new TaskSpec(prefix + i, new TaskBody.Steps(steps, true), null));
    }
    return tasks;
  }
}
