package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.StrategySpec.Kind;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.Coro;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The registry: every strategy, built once; the run dispatches through it, --help lists it. */
public final class Strategies {
  private static final Gather GATHER = new Gather();
  private static final TaskGroupStrategy TASKGROUP = new TaskGroupStrategy();
  private static final AsCompleted AS_COMPLETED = new AsCompleted();
  private static final Wait WAIT = new Wait();
  private static final CreateTask CREATE_TASK = new CreateTask();
  private static final Map<Kind, Strategy<?>> BY_KIND;

  static {
    EnumMap<Kind, Strategy<?>> m = new EnumMap<>(Kind.class);
    m.put(Kind.GATHER, GATHER);
    m.put(Kind.TASKGROUP, TASKGROUP);
    m.put(Kind.AS_COMPLETED, AS_COMPLETED);
    m.put(Kind.WAIT, WAIT);
    m.put(Kind.CREATE_TASK, CREATE_TASK);
    BY_KIND = Collections.unmodifiableMap(m);
  }

  private Strategies() {}

  /**
   * The step of {@code spec} over {@code tasks}: a switch the compiler checks is exhaustive. On
   * the kind, not a pattern switch over the spec, which would spin a class at its first use that
   * no start-up cache keeps (engine.Task.stepRunAndHandleResult; DistributionIT checks).
   */
  public static Coro step(Scope scope, StrategySpec spec, List<TaskSpec> tasks) {
    return switch (spec.kind()) {
      case GATHER -> GATHER.step(scope, (StrategySpec.Gather) spec, tasks);
      case TASKGROUP -> TASKGROUP.step(scope, (StrategySpec.TaskGroup) spec, tasks);
      case AS_COMPLETED -> AS_COMPLETED.step(scope, (StrategySpec.AsCompleted) spec, tasks);
      case WAIT -> WAIT.step(scope, (StrategySpec.Wait) spec, tasks);
      case CREATE_TASK -> CREATE_TASK.step(scope, (StrategySpec.CreateTask) spec, tasks);
    };
  }

  /** Every kind with its strategy, in declaration order. */
  public static Map<Kind, Strategy<?>> all() {
    return BY_KIND;
  }
}
