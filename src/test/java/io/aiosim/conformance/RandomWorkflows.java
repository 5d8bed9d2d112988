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
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded generator of random valid workflows, biased to what breaks an implementation: every
 * strategy and option; groups nested up to four deep with a timeout at any level; timeouts drawn
 * from the same few instants as the delays (so a deadline often ties with a sleep), and timeouts
 * that round to 0 ns; fire-and-forget tasks and groups still running when main returns, so that
 * shutdown's cancel reaches nested groups; cancellation cleanups that sleep, suppress, return,
 * raise or spawn; failures (CancelledError included) and many ties; steps after return/raise;
 * delays of 0 ns and of months; and values whose bytes are easy to get wrong (subnormal floats,
 * control characters, non-ASCII, big integers, keys that look like other types).
 */
final class RandomWorkflows {
  private static final long MS = 1_000_000L;
  private static final long[] DELAYS = {0, 50 * MS, 100 * MS, 100 * MS, 150 * MS, 200 * MS, 300 * MS};
  /** Rare durations: 1 ns, a day, about a month (they cannot add up to the clock's limit). */
  private static final long[] ODD_DELAYS = {1, 86_400_000L * MS, 2_600_000_000L * MS};
  private static final String[] ERRORS = {
    "ValueError", "KeyError", "ValueError", "CancelledError", "TimeoutError", "RuntimeError"
  };
  private static final String[] ODD_ERRORS = {
    "KeyboardInterrupt", "SystemExit", "ExceptionGroup", "BaseException", "Ünïcode", "名前", "class", "_x1"
  };
  private static final String[] ODD_STRINGS = {
    "", "é", "日本", "\u007f", "\u0000", "\u001b[31m", "tab\there", "line\nbreak", "\u0085", "\u2028",
    "\ufeff", "😀", "quote\"back\\slash", "{i}", "null", "true", "1.5"
  };
  private static final double[] ODD_FLOATS = {
    5e-324, 1e-323, 5e-323, 1e-322, 2.2250738585072014e-308, 1.7976931348623157e308, -0.0, 0.1, 1e16,
    1e-5, 12345678.0, 0.30000000000000004, 9007199254740993.0, -2.5e-310
  };

  private final SplittableRandom random;
  private int names;

  private RandomWorkflows(long seed) {
    random = new SplittableRandom(seed);
  }

  static Workflow generate(long seed) {
    RandomWorkflows g = new RandomWorkflows(seed);
    List<TaskSpec> tasks = g.tasks(0, 1 + g.random.nextInt(5));
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
    if (kind < (depth < 2 ? 0.22 : 0.12) && depth < 4) {
      List<TaskSpec> children = tasks(depth + 1, 1 + random.nextInt(3));
      body = new TaskBody.Group(new GroupSpec(strategy(children), children, chance(0.3) ? after() : null));
    } else if (kind < 0.5) {
      body = new TaskBody.Steps(steps(depth, 1 + random.nextInt(4)), false);
    } else {
      Step end = chance(0.25) ? new Step.Raise(error()) : new Step.Return(value(name));
      body = new TaskBody.Steps(List.of(new Step.Sleep(delay()), end), true);
    }
    OnCancel onCancel = null;
    if (chance(0.3)) {
      boolean suppress = chance(0.3);
      onCancel = new OnCancel(steps(depth, random.nextInt(3)), suppress, suppress ? value(name + "-kept") : null);
    }
    return new TaskSpec(name, body, onCancel);
  }

  /** Steps; after a return or raise, more steps follow now and then (they never run). */
  private List<Step> steps(int depth, int n) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double k = random.nextDouble();
      if (k < 0.5) {
        steps.add(new Step.Sleep(delay()));
      } else if (k < 0.68) {
        steps.add(new Step.Log(chance(0.2) ? oddString() : "log " + names + "." + i));
      } else if (k < 0.83 && depth < 4) {
        steps.add(new Step.Spawn(task(depth + 1)));
      } else if (k < 0.92) {
        steps.add(new Step.Raise(error()));
        if (!chance(0.15)) {
          return steps;
        }
      } else {
        steps.add(new Step.Return(value((long) i)));
        if (!chance(0.15)) {
          return steps;
        }
      }
    }
    return steps;
  }

  private StrategySpec strategy(List<TaskSpec> tasks) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    Long timeout = chance(0.4) ? (chance(0.08) ? 0L : DELAYS[1 + random.nextInt(DELAYS.length - 1)] + (chance(0.5) ? 0 : 50 * MS)) : null;
    return switch (kind) {
      case GATHER -> new StrategySpec.Gather(chance(0.5), timeout);
      case TASKGROUP -> new StrategySpec.TaskGroup(timeout);
      case AS_COMPLETED ->
          new StrategySpec.AsCompleted(
              chance(0.5) ? StrategySpec.OnError.CANCEL_REMAINING : StrategySpec.OnError.CONTINUE, timeout);
      case WAIT ->
          new StrategySpec.Wait(
              StrategySpec.ReturnWhen.values()[random.nextInt(3)], chance(0.5), chance(0.4), timeout);
      case CREATE_TASK -> new StrategySpec.CreateTask(await(tasks), timeout);
    };
  }

  /** create_task's await: all (null), none (fire and forget), or a shuffled subset. */
  private List<String> await(List<TaskSpec> tasks) {
    double k = random.nextDouble();
    if (k < 0.4) {
      return null;
    }
    if (k < 0.6) {
      return List.of();
    }
    List<String> names = new ArrayList<>(tasks.stream().map(TaskSpec::name).toList());
    Collections.shuffle(names, new java.util.Random(random.nextLong()));
    return names.subList(0, random.nextInt(names.size() + 1));
  }

  private After after() {
    return new After(chance(0.3) ? 0 : delay() + 100 * MS);
  }

  private ErrorSpec error() {
    String type = chance(0.12) ? ODD_ERRORS[random.nextInt(ODD_ERRORS.length)] : ERRORS[random.nextInt(ERRORS.length)];
    String message = chance(0.15) ? oddString() : type.toLowerCase() + " " + names;
    return new ErrorSpec(type, message);
  }

  /** Usually {@code usual}; sometimes a value whose bytes are easy to get wrong. */
  private Object value(Object usual) {
    return chance(0.2) ? oddValue(0) : usual;
  }

  private Object oddValue(int depth) {
    return switch (random.nextInt(depth < 2 ? 8 : 6)) {
      case 0 -> ODD_FLOATS[random.nextInt(ODD_FLOATS.length)];
      case 1 -> oddString();
      case 2 -> BigInteger.ONE.shiftLeft(60 + random.nextInt(80)).negate().add(BigInteger.valueOf(random.nextInt(1000)));
      case 3 -> chance(0.5) ? Long.MAX_VALUE : Long.MIN_VALUE;
      case 4 -> chance(0.5);
      case 5 -> null;
      case 6 -> {
        List<Object> list = new ArrayList<>();
        for (int k = random.nextInt(4); k > 0; k--) {
          list.add(oddValue(depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = random.nextInt(4); k > 0; k--) {
          map.put(oddString(), oddValue(depth + 1));
        }
        yield map;
      }
    };
  }

  private String oddString() {
    return ODD_STRINGS[random.nextInt(ODD_STRINGS.length)];
  }

  private long delay() {
    return chance(0.03) ? ODD_DELAYS[random.nextInt(ODD_DELAYS.length)] : DELAYS[random.nextInt(DELAYS.length)];
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }
}
