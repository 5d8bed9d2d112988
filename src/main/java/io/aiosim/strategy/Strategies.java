package io.aiosim.strategy;

import io.aiosim.dsl.StrategySpec.Kind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The registry: every strategy kind, built once; used by the engine, the schema and --help. */
public final class Strategies {
  private static final Map<Kind, Strategy> BY_KIND;

  static {
    EnumMap<Kind, Strategy> m = new EnumMap<>(Kind.class);
    m.put(Kind.GATHER, new Gather());
    m.put(Kind.TASKGROUP, new TaskGroupStrategy());
    m.put(Kind.AS_COMPLETED, new AsCompleted());
    m.put(Kind.WAIT, new Wait());
    m.put(Kind.CREATE_TASK, new CreateTask());
    if (m.size() != Kind.values().length) {
      throw new IllegalStateException("a strategy kind has no implementation");
    }
    BY_KIND = Collections.unmodifiableMap(m);
  }

  private Strategies() {}

  public static Strategy of(Kind kind) {
    Strategy s = BY_KIND.get(kind);
    if (s == null) {
      throw new IllegalStateException("no strategy for " + kind);
    }
    return s;
  }

  /** Every kind with its strategy, in declaration order. */
  public static Map<Kind, Strategy> all() {
    return BY_KIND;
  }
}
