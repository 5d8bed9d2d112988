package io.aiosim.dsl;

import io.aiosim.dsl.StrategySpec.Kind;
import io.aiosim.dsl.StrategySpec.OnError;
import io.aiosim.dsl.StrategySpec.ReturnWhen;
import io.aiosim.dsl.YamlNode.Entry;
import io.aiosim.dsl.YamlNode.Mapping;
import io.aiosim.dsl.YamlNode.Scalar;
import io.aiosim.dsl.YamlNode.Seq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A strategy with its options (SPEC 2) together with the tasks it runs over. */
final class StrategyReader {
  /** Each kind's own options; {@code timeout} belongs to all of them. */
  static final Map<String, List<String>> OPTIONS = options();

  static final List<String> KINDS = Arrays.stream(Kind.values()).map(Kind::key).toList();
  static final List<String> KEYS =
      List.of("kind", "timeout", "return_exceptions", "on_error", "return_when", "cancel_pending", "retrieve", "await");

  /** A strategy and its tasks: the step of main or of a group task. */
  record StepSpec(StrategySpec strategy, List<TaskSpec> tasks) {}

  private final ReadContext cx;
  private final TaskReader tasks;

  StrategyReader(ReadContext cx, TaskReader tasks) {
    this.cx = cx;
    this.tasks = tasks;
  }

  private static Map<String, List<String>> options() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("gather", List.of("return_exceptions"));
    m.put("taskgroup", List.of());
    m.put("as_completed", List.of("on_error"));
    m.put("wait", List.of("return_when", "cancel_pending", "retrieve"));
    m.put("create_task", List.of("await"));
    return m;
  }

  /** Reads the strategy (no draws), then the tasks (in draw order), then checks await. */
  StepSpec step(YamlNode strategyNode, YamlNode tasksNode, int i, int depth) {
    List<Scalar> awaitNodes = new ArrayList<>();
    StrategySpec spec = strategyNode == null ? null : strategy(strategyNode, i, awaitNodes);
    List<TaskSpec> list = tasksNode == null ? List.of() : tasks.tasks(tasksNode, i, depth);
    if (spec instanceof StrategySpec.CreateTask ct && ct.await() != null) {
      Set<String> own = new HashSet<>();
      for (TaskSpec t : list) own.add(t.name());
      for (int k = 0; k < awaitNodes.size(); k++) {
        String name = ct.await().get(k);
        if (!own.contains(name)) {
          cx.error(
              awaitNodes.get(k).pos(),
              "await: no task named '" + YamlNode.abbreviate(name) + "' among this strategy's tasks"
                  + DidYouMean.hint(name, own));
        }
      }
    }
    if (spec == null) spec = Kind.GATHER.defaults();
    return new StepSpec(spec, list);
  }

  private StrategySpec strategy(YamlNode node, int i, List<Scalar> awaitNodes) {
    if (node instanceof Scalar s && s.value() instanceof String k && KINDS.contains(k)) {
      cx.error(node.pos(), "strategy: expected a mapping, got the string \"" + k + "\"; write {kind: " + k + "}");
      return null;
    }
    Mapping m = cx.mapping(node, "strategy", "a strategy", KEYS);
    if (m == null) return null;
    YamlNode kindNode = cx.required(m, "kind", "strategy", String.join(" | ", KINDS));
    Kind kind = null;
    if (kindNode != null) {
      String k = cx.string(kindNode, "kind", i);
      if (k != null) {
        kind = Arrays.stream(Kind.values()).filter(x -> x.key().equals(k)).findFirst().orElse(null);
        if (kind == null) {
          String hint = DidYouMean.hint(k, KINDS);
          cx.error(kindNode.pos(), "kind: unknown strategy '" + YamlNode.abbreviate(k) + "'"
              + (hint.isEmpty() ? "; expected one of: " + String.join(", ", KINDS) : hint));
        }
      }
    }
    boolean returnExceptions = false;
    OnError onError = OnError.CONTINUE;
    ReturnWhen returnWhen = ReturnWhen.ALL_COMPLETED;
    boolean cancelPending = false;
    boolean retrieve = false;
    List<String> await = null;
    Long timeout = null;
    for (Entry e : m.entries().values()) {
      String key = e.key();
      if (key.equals("kind") || !KEYS.contains(key)) continue;
      if (kind != null && !key.equals("timeout") && !OPTIONS.get(kind.key()).contains(key)) {
        String owner = OPTIONS.entrySet().stream().filter(o -> o.getValue().contains(key)).findFirst().orElseThrow().getKey();
        cx.error(e.keyPos(), key + ": an option of " + owner + ", not of " + kind.key());
        continue;
      }
      YamlNode v = e.value();
      switch (key) {
        case "timeout" -> {
          Double d = cx.seconds(v, "timeout", "a number of seconds > 0");
          if (d != null && d == 0) cx.error(v.pos(), "timeout: expected a number of seconds > 0, got 0");
          if (d != null) timeout = Values.secondsToNs(d);
        }
        case "return_exceptions" -> returnExceptions = Boolean.TRUE.equals(cx.bool(v, key));
        case "cancel_pending" -> cancelPending = Boolean.TRUE.equals(cx.bool(v, key));
        case "retrieve" -> retrieve = Boolean.TRUE.equals(cx.bool(v, key));
        case "on_error" -> {
          String s = cx.string(v, key, i);
          if ("cancel_remaining".equals(s)) onError = OnError.CANCEL_REMAINING;
          else if (s != null && !s.equals("continue")) choice(v, key, s, List.of("continue", "cancel_remaining"));
        }
        case "return_when" -> {
          String s = cx.string(v, key, i);
          List<String> names = Arrays.stream(ReturnWhen.values()).map(Enum::name).toList();
          if (s != null && names.contains(s)) returnWhen = ReturnWhen.valueOf(s);
          else if (s != null) choice(v, key, s, names);
        }
        case "await" -> await = await(v, i, awaitNodes);
        default -> throw new IllegalStateException("option without a reader: " + key);
      }
    }
    if (kind == null) return null;
    return switch (kind) {
      case GATHER -> new StrategySpec.Gather(returnExceptions, timeout);
      case TASKGROUP -> new StrategySpec.TaskGroup(timeout);
      case AS_COMPLETED -> new StrategySpec.AsCompleted(onError, timeout);
      case WAIT -> new StrategySpec.Wait(returnWhen, cancelPending, retrieve, timeout);
      case CREATE_TASK -> new StrategySpec.CreateTask(await, timeout);
    };
  }

  private void choice(YamlNode v, String key, String got, List<String> allowed) {
    String hint = DidYouMean.hint(got, allowed);
    cx.error(v.pos(), key + ": expected one of " + String.join(", ", allowed) + ", got '" + YamlNode.abbreviate(got) + "'" + hint);
  }

  private List<String> await(YamlNode v, int i, List<Scalar> nodes) {
    if (!(v instanceof Seq seq)) {
      cx.error(v.pos(), "await: expected a list of task names, got " + YamlNode.describe(v));
      return null;
    }
    List<String> names = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      String s = cx.string(item, "await", i);
      if (s != null && item instanceof Scalar sc) {
        names.add(s);
        nodes.add(sc);
      }
    }
    return names;
  }
}
