package io.aiosim.dsl;

import io.aiosim.dsl.YamlNode.Entry;
import io.aiosim.dsl.YamlNode.Mapping;
import io.aiosim.dsl.YamlNode.Scalar;
import io.aiosim.dsl.YamlNode.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Tasks, steps, on_cancel and groups (SPEC 1.1-1.3, 4). Reads in the order SPEC 4 fixes for the
 * {@code uniform} draws: each task's body first (a spawned task's draws in place, a group's
 * tasks then its after), then its on_cancel steps; a counted task is read once per {@code i}.
 */
final class TaskReader {
  static final List<String> TASK_KEYS =
      List.of("name", "count", "delay", "result", "fail", "steps", "group", "on_cancel");
  static final List<String> STEP_KINDS = List.of("sleep", "log", "spawn", "return", "raise");
  static final List<String> ON_CANCEL_KEYS = List.of("steps", "then", "result");
  static final List<String> GROUP_KEYS = List.of("strategy", "tasks", "after");
  static final List<String> AFTER_KEYS = List.of("sleep");
  static final List<String> ERROR_KEYS = List.of("type", "message");
  /** SPEC 1: {@code [A-Za-z0-9_.-]+}, plus {@code {i}} kept as is outside a counted task. */
  static boolean validName(String name) {
    if (name.isEmpty()) return false;
    for (int k = 0; k < name.length(); k++) { // a loop: a regex would recurse per character
      if (name.startsWith("{i}", k)) {
        k += 2; // skipped as String.replace("{i}", "") removes it: left to right, not overlapping
        continue;
      }
      char c = name.charAt(k);
      if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))) return false;
    }
    return true;
  }

  private final ReadContext cx;
  private final StrategyReader strategies;

  TaskReader(ReadContext cx) {
    this.cx = cx;
    this.strategies = new StrategyReader(cx, this);
  }

  StrategyReader strategies() {
    return strategies;
  }

  /** A strategy's task list, every {@code count} expanded in place. */
  List<TaskSpec> tasks(YamlNode node, int i, int depth) {
    if (!(node instanceof Seq seq)) {
      cx.error(node.pos(), "tasks: expected a list of tasks, got " + YamlNode.describe(node));
      return new ArrayList<>();
    }
    TaskList out = TaskList.sizedFor(seq);
    if (seq.items().isEmpty()) cx.error(seq.pos(), "tasks: expected at least one task, got an empty list");
    for (YamlNode item : seq.items()) expand(item, "task", i, depth, out);
    return out.toList();
  }

  /** One task definition, read {@code count} times when it has a count. */
  void expand(YamlNode node, String key, int i, int depth, Consumer<TaskSpec> out) {
    Mapping m = cx.mapping(node, key, "a task", TASK_KEYS);
    if (m == null) return;
    if (depth > cx.limits.maxNesting()) {
      cx.tooDeep = true;
      cx.error(m.pos(), "tasks nested deeper than " + cx.limits.maxNesting() + " levels (groups and spawns)");
      return;
    }
    YamlNode countNode = m.get("count");
    if (countNode == null) {
      out.accept(task(m, i, depth));
      return;
    }
    long n = count(countNode);
    int before = cx.diags.size();
    TaskSpec previous = null;
    ShorthandCopies shape = null;
    String quickTemplate = null;
    YamlNode quickName = null;
    LongSupplier quickDelay = null;
    for (int k = 0; k < n; k++) {
      if (quickTemplate != null) {
        out.accept(quick(quickName, quickTemplate, k, shape, quickDelay));
        continue;
      }
      TaskSpec copy = task(m, k, depth);
      if (copy.body() instanceof TaskBody.Steps s && s.shorthand() && shape == null) {
        shape = ShorthandCopies.of(s.steps().get(1), m.get("result"));
      }
      copy = smallest(copy, previous, shape);
      out.accept(copy);
      previous = copy;
      // A template's mistakes show in its first copy; the other copies would only repeat them.
      if (k == 0 && cx.diags.size() > before) return;
      if (k == 0 && copy.made() && plainShorthand(m)) {
        quickTemplate = template(m, 0);
        if (quickTemplate != null && !validName(quickTemplate)) quickTemplate = null;
        if (quickTemplate != null) {
          quickName = m.get("name");
          quickDelay = cx.delays(m.get("delay"), "delay");
        }
      }
    }
  }

  /** Whether {@code m} has a delay and besides it only a name, a count and a scalar result, if any. */
  private static boolean plainShorthand(Mapping m) {
    YamlNode result = m.get("result");
    return m.get("delay") != null && (result == null || result instanceof Scalar) && m.entries().size() == (result == null ? 3 : 4);
  }

  /**
   * Copy {@code k} of a task that has only a name with {@code {i}}, a count, a delay and a scalar
   * result, whose first copy {@code shape} made: what {@link #task} and {@link #smallest} make of
   * it, with the same call that checks the name and the same draw of the delay ({@code delay},
   * from ReadContext.delays: the node is not looked over again), but without the body they would
   * read and drop (100 bytes of garbage a copy). A scalar result reads as {@code shape}
   * makes it (ReadContext.value: {@code {i}} is the index, else the text with it replaced).
   */
  private TaskSpec quick(YamlNode name, String template, int k, ShorthandCopies shape, LongSupplier delay) {
    unique(name, template, k);
    return TaskSpec.made(shape.common(template, null), k, delay.getAsLong());
  }

  /**
   * {@code copy} in the smallest form that gives the body and on_cancel it was read with: made by
   * {@code shape} from the drawn delay and the index, else sharing {@code previous}'s when they
   * came out the same (no {@code {i}} and no draw in them). A million sleeping copies would
   * otherwise keep 80 bytes of body each.
   */
  private static TaskSpec smallest(TaskSpec copy, TaskSpec previous, ShorthandCopies shape) {
    OnCancel onCancel = copy.onCancel();
    if (previous != null && Objects.equals(onCancel, previous.onCancel())) onCancel = previous.onCancel();
    // The shape's form is kept only when it makes the same body again (madeBy).
    TaskSpec made = shape != null && copy.body() instanceof TaskBody.Steps s ? copy.madeBy(shape, s, onCancel) : null;
    if (made != null) return made;
    // A body the previous copy keeps (one it makes is the shape's, which this copy did not fit).
    if (previous != null && !previous.made() && copy.body().equals(previous.body())) return copy.withBodyOf(previous, onCancel);
    return onCancel == copy.onCancel() ? copy : copy.with(onCancel);
  }

  /** A valid count (an integer from 1 to the limit), or 0 after a diagnostic. */
  long count(YamlNode node) {
    // Counts over the limit never get here: the footprint is checked first (Footprint).
    if (node instanceof Scalar s && s.value() instanceof Long l && l >= 1 && l <= cx.limits.maxTasks()) {
      return l;
    }
    cx.error(node.pos(), "count: expected an integer >= 1, got " + YamlNode.describe(node));
    return 0;
  }

  private TaskSpec task(Mapping m, int i, int depth) {
    String template = template(m, i);
    String name = null;
    if (template != null && i >= 0 && validName(template)) {
      unique(m, template, i);
    } else {
      name = name(m, i);
    }
    Entry shorthand = first(m, "delay", "result", "fail");
    Entry steps = m.entry("steps");
    Entry group = m.entry("group");
    TaskBody body;
    if (group != null) {
      exclusive(shorthand, group);
      exclusive(steps, group);
      body = new TaskBody.Group(group(group.value(), i, depth));
    } else if (steps != null) {
      exclusive(shorthand, steps);
      body = new TaskBody.Steps(steps(steps.value(), i, depth), false);
    } else {
      body = shorthand(m, i);
    }
    YamlNode onCancel = m.get("on_cancel");
    OnCancel cleanup = onCancel == null ? null : onCancel(onCancel, i, depth);
    return template != null ? TaskSpec.named(template, i, body, cleanup) : new TaskSpec(name, body, cleanup);
  }

  /**
   * The name of {@code m} when {@code {i}} in it is replaced by {@code i >= 0} (TaskSpec.format):
   * a task keeps it as the template and i, not as a string per copy (TaskSpec).
   */
  private static String template(Mapping m, int i) {
    return i >= 0 && m.get("name") instanceof Scalar s && s.value() instanceof String t && t.contains("{i}") ? t : null;
  }

  /**
   * What {@link #name} checks, for a copy's name made from a valid template: it differs from the
   * template only in digits, so it is valid and not "main", and only whether it is unique is left
   * (checked without a string for it: NameSet).
   */
  private void unique(Mapping m, String template, int i) {
    unique(m.get("name"), template, i);
  }

  private void unique(YamlNode node, String template, int i) {
    Position first = cx.names.putIfAbsent(template, i, node.pos());
    if (first != null) duplicate(node, TaskSpec.format(template, i), first);
  }

  private String name(Mapping m, int i) {
    YamlNode node = cx.required(m, "name", "a task", "a unique task name");
    if (node == null) return "";
    String name = cx.string(node, "name", i);
    if (name == null) return "";
    if (!validName(name)) {
      cx.error(node.pos(), "name: '" + YamlNode.abbreviate(name) + "' is not a valid task name (use letters, digits, '_', '.' and '-')");
    } else if (name.equals("main")) {
      cx.error(node.pos(), "name: 'main' is reserved for the main coroutine; choose another task name");
    } else {
      Position first = cx.names.putIfAbsent(name, -1, node.pos());
      if (first != null) duplicate(node, name, first);
    }
    return name;
  }

  private void duplicate(YamlNode node, String name, Position first) {
    cx.error(
        node.pos(),
        !first.equals(node.pos())
            ? "name: duplicate task name '" + YamlNode.abbreviate(name) + "' (first at line " + first.line() + ")"
            : ((Scalar) node).text().contains("{i}")
                ? "name: duplicate task name '" + YamlNode.abbreviate(name) + "': an enclosing count repeats this"
                    + " task, and {i} here is its own count's index"
                : "name: duplicate task name '" + YamlNode.abbreviate(name) + "': count repeats it; put {i} in the name");
  }

  private static Entry first(Mapping m, String... keys) {
    for (Entry e : m.entries().values()) {
      for (String k : keys) if (e.key().equals(k)) return e;
    }
    return null;
  }

  private static Entry later(Entry a, Entry b) {
    Position p = a.keyPos();
    Position q = b.keyPos();
    return p.line() > q.line() || (p.line() == q.line() && p.column() > q.column()) ? a : b;
  }

  private void exclusive(Entry a, Entry b) {
    if (a == null) return;
    Entry later = later(a, b);
    Entry earlier = later == a ? b : a;
    cx.error(later.keyPos(), later.key() + ": a task has either the shorthand (delay, result/fail), steps or group, not two; it already has " + earlier.key());
  }

  /** {@code {delay: d, result: r}} is {@code [Sleep(d), Return(r)]}; with fail, a Raise. */
  private TaskBody shorthand(Mapping m, int i) {
    YamlNode delay = m.get("delay");
    long ns = delay == null ? 0 : cx.delay(delay, "delay");
    Entry result = m.entry("result");
    Entry fail = m.entry("fail");
    Step end;
    if (fail != null) {
      if (result != null) {
        Entry later = later(fail, result);
        cx.error(later.keyPos(), later.key() + ": result and fail exclude each other; give one of them");
      }
      end = new Step.Raise(error(fail.value(), "fail", i));
    } else {
      end = new Step.Return(result == null ? null : cx.value(result.value(), i));
    }
    return new TaskBody.Steps(List.of(new Step.Sleep(ns), end), true);
  }

  List<Step> steps(YamlNode node, int i, int depth) {
    List<Step> out = new ArrayList<>();
    if (!(node instanceof Seq seq)) {
      cx.error(node.pos(), "steps: expected a list of steps, got " + YamlNode.describe(node));
      return out;
    }
    String ended = null;
    for (YamlNode item : seq.items()) {
      if (!(item instanceof Mapping m) || m.entries().isEmpty()) {
        cx.error(item.pos(), "expected a step (a mapping with one key: sleep, log, spawn, return or raise), got "
            + (item instanceof Mapping ? "an empty mapping" : YamlNode.describe(item)));
        continue;
      }
      List<Entry> entries = List.copyOf(m.entries().values());
      Entry e = entries.get(0);
      for (Entry extra : entries.subList(1, entries.size())) {
        cx.error(extra.keyPos(), "a step has exactly one key (sleep, log, spawn, return or raise); this one already has '" + YamlNode.abbreviate(e.key()) + "'");
      }
      if (ended != null) {
        cx.warn(e.keyPos(), "this step never runs: the '" + ended + "' above ends the body");
        ended = null;
      }
      switch (e.key()) {
        case "sleep" -> out.add(new Step.Sleep(cx.delay(e.value(), "sleep")));
        case "log" -> {
          String msg = cx.string(e.value(), "log", i);
          out.add(new Step.Log(msg == null ? "" : msg));
        }
        case "spawn" -> expand(e.value(), "spawn", i, depth + 1, t -> out.add(new Step.Spawn(t)));
        case "return" -> {
          out.add(new Step.Return(cx.value(e.value(), i)));
          ended = "return";
        }
        case "raise" -> {
          out.add(new Step.Raise(error(e.value(), "raise", i)));
          ended = "raise";
        }
        default -> {
          String hint = DidYouMean.hint(e.key(), STEP_KINDS);
          cx.error(e.keyPos(), "unknown step '" + YamlNode.abbreviate(e.key()) + "'"
              + (hint.isEmpty() ? "; expected one of: " + String.join(", ", STEP_KINDS) : hint));
        }
      }
    }
    return out;
  }

  /** {@code fail: ValueError} (message "") or {@code {type: ValueError, message: Error}}. */
  ErrorSpec error(YamlNode node, String key, int i) {
    if (node instanceof Scalar s && s.value() instanceof String str) {
      return new ErrorSpec(type(str, s.pos(), key, i), "");
    }
    if (node instanceof Mapping) {
      Mapping m = cx.mapping(node, key, "an exception", ERROR_KEYS);
      YamlNode typeNode = cx.required(m, "type", "an exception", "an exception class name such as ValueError");
      String type = "";
      if (typeNode != null) {
        String t = cx.string(typeNode, "type", i);
        if (t != null) type = type(t, typeNode.pos(), "type", -1);
      }
      YamlNode msgNode = m.get("message");
      String message = msgNode == null ? "" : cx.string(msgNode, "message", i);
      return new ErrorSpec(type, message == null ? "" : message);
    }
    cx.error(node.pos(), key + ": expected an exception class name (" + key + ": ValueError) or {type: ValueError, message: ...}, got " + YamlNode.describe(node));
    return new ErrorSpec("", "");
  }

  private String type(String raw, Position pos, String key, int i) {
    String t = i < 0 ? raw : cx.text(raw, pos, i);
    if (!PythonIdentifier.isIdentifier(t)) {
      cx.error(pos, key + ": '" + YamlNode.abbreviate(t) + "' is not a valid exception class name (a Python identifier such as ValueError)");
    }
    return t;
  }

  private OnCancel onCancel(YamlNode node, int i, int depth) {
    Mapping m = cx.mapping(node, "on_cancel", "an on_cancel block", ON_CANCEL_KEYS);
    if (m == null) return null;
    YamlNode stepsNode = m.get("steps");
    List<Step> steps = stepsNode == null ? List.of() : steps(stepsNode, i, depth);
    boolean suppress = false;
    YamlNode then = m.get("then");
    if (then != null) {
      String t = cx.string(then, "then", i);
      if ("suppress".equals(t)) suppress = true;
      else if (t != null && !t.equals("reraise")) {
        cx.error(then.pos(), "then: expected reraise or suppress, got '" + YamlNode.abbreviate(t) + "'" + DidYouMean.hint(t, List.of("reraise", "suppress")));
      }
    }
    Entry result = m.entry("result");
    if (result != null && !suppress) {
      cx.error(result.keyPos(), "result: only used with then: suppress (the value returned instead of re-raising)");
    }
    return new OnCancel(steps, suppress, result == null ? null : cx.value(result.value(), i));
  }

  private GroupSpec group(YamlNode node, int i, int depth) {
    Mapping m = cx.mapping(node, "group", "a group", GROUP_KEYS);
    if (m == null) return new GroupSpec(StrategySpec.Kind.GATHER.defaults(), List.of(), null);
    YamlNode s = cx.required(m, "strategy", "a group", "strategy: {kind: ...}");
    YamlNode t = cx.required(m, "tasks", "a group", "a list of tasks");
    StrategyReader.StepSpec step = strategies.step(s, t, i, depth + 1);
    YamlNode after = m.get("after");
    return new GroupSpec(step.strategy(), step.tasks(), after == null ? null : after(after));
  }

  After after(YamlNode node) {
    Mapping m = cx.mapping(node, "after", "an after block {sleep: seconds}", AFTER_KEYS);
    if (m == null) return null;
    YamlNode sleep = cx.required(m, "sleep", "an after block", "sleep: seconds");
    return new After(sleep == null ? 0 : cx.delay(sleep, "sleep"));
  }
}
