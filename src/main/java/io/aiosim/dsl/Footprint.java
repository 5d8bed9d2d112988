package io.aiosim.dsl;

import io.aiosim.dsl.YamlNode.Entry;
import io.aiosim.dsl.YamlNode.Mapping;
import io.aiosim.dsl.YamlNode.Scalar;
import io.aiosim.dsl.YamlNode.Seq;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a workflow will cost once every {@code count} is expanded, computed on the raw tree before
 * anything is built, so that a file is refused (a positioned diagnostic) instead of running out
 * of memory or writing gigabytes: how many tasks it defines, the memory its run needs, and the
 * largest report it can write. Both are upper bounds with margin, in bytes: a value is counted by
 * its size wherever it is used (an alias by the size of what it names), and as often as a report
 * can repeat it (a task's result in its line, its event, each enclosing group's result, main's).
 */
public final class Footprint {
  // Memory of a run, measured as the smallest heap it completes in (SerialGC, -Xmx bisected to 8
  // MB) on JDK 25 without compact object headers, so as JDK 21-24 lay objects out, at f3cd043
  // (2026-12-07): 381 B a task for 1M shorthand tasks (a task, two steps, two events, a '{i}'
  // result), 358 B with a steps list of a sleep and a return, 374 B split between two groups,
  // 608 B for 500k with an on_cancel of two steps under a timeout, 422 B for 500k of seven steps
  // with three logs. The estimates are 12-20% above those runs (75% for the logs), as 11-13%
  // were for the 1M runs at 71a8e54 (798 MB shorthand, 1,324 MB with an on_cancel), whose bodies
  // and names copies no longer keep. Ten logs more cost about 30 bytes a step and 20 an event
  // (at 1d25c45).
  static final long TASK_MEMORY = 310;
  static final long ON_CANCEL_MEMORY = 210;
  static final long STEP_MEMORY = 40;
  static final long LOG_MEMORY = 20;
  /** A list or mapping of a value: the model builds one per copy of a counted task. */
  static final long VALUE_NODE_MEMORY = 64;

  // Report bytes (SPEC 6) beyond the names and values they quote, at their longest (times of
  // 1e9 s with nine decimals, "cancelled_by": "shutdown", a parent).
  static final long TASK_LINE = 150;
  static final long EVENT = 80;
  static final long LOG_EVENT = 65;
  static final long WARNING = 100;

  /**
   * What a workflow costs: its tasks, the memory its run needs and the bytes of its longest
   * report (any format), as estimated before it runs; each saturates at Long.MAX_VALUE.
   */
  public record Cost(long tasks, long memory, long report) {
    static final Cost ZERO = new Cost(0, 0, 0);
    static final Cost HUGE = new Cost(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    Cost plus(Cost o) {
      return new Cost(add(tasks, o.tasks), add(memory, o.memory), add(report, o.report));
    }

    Cost times(long n) {
      return new Cost(mul(tasks, n), mul(memory, n), mul(report, n));
    }
  }

  /**
   * A value's report bytes (as JSON, escaped), and its memory in each copy of a counted task:
   * the model builds its lists and mappings anew for each, and its strings that hold
   * {@code {i}}; other strings are shared.
   */
  private record Size(long bytes, long memory) {}

  private final ReadContext cx;
  private final Map<YamlNode, Size> sizes = new IdentityHashMap<>();

  Footprint(ReadContext cx) {
    this.cx = cx;
  }

  /**
   * The cost of a task list at task nesting {@code depth}, below {@code groups} enclosing groups,
   * whose tasks' parent has a name of {@code parentName} bytes. A count over the limit is
   * reported here and makes the cost huge.
   */
  Cost tasks(YamlNode node, int depth, int groups, long parentName) {
    if (!(node instanceof Seq seq) || depth > cx.limits.maxNesting() + 1) return Cost.ZERO;
    Cost sum = Cost.ZERO;
    for (YamlNode item : seq.items()) sum = sum.plus(task(item, depth, groups, parentName));
    return sum;
  }

  private Cost task(YamlNode node, int depth, int groups, long parentName) {
    if (!(node instanceof Mapping m)) return Cost.ZERO;
    long n = 1;
    if (m.get("count") instanceof Scalar s && s.value() instanceof Number number && !(s.value() instanceof Double)) {
      if (!(number instanceof Long l) || l > cx.limits.maxTasks()) {
        cx.error(s.pos(), "count: " + YamlNode.abbreviate(s.text()) + " is more than the limit of " + cx.limits.maxTasks() + " tasks");
        return Cost.HUGE;
      }
      n = Math.max(1, number.longValue());
    }
    long name = m.get("name") == null ? 0 : size(m.get("name")).bytes;
    // A value is printed in the task's line and its event, in each enclosing group's result
    // (line and event), and up to three times by main (a yield, the outcome, its event).
    long copies = 2L * groups + 5;
    long steps = 0;
    long memory = TASK_MEMORY;
    // Events: start, an end, and the cancels: one passed down by each enclosing group, one of
    // the task's own strategy or timeout, and shutdown's.
    long report = TASK_LINE + name + parentName + (4L + groups) * (EVENT + name);
    if (m.get("fail") != null) report += WARNING + name; // "Task exception was never retrieved"
    Cost inner = Cost.ZERO;
    List<YamlNode> values = new ArrayList<>();
    List<Seq> stepLists = new ArrayList<>();
    if (m.get("result") != null) values.add(m.get("result"));
    if (m.get("fail") != null) values.add(m.get("fail"));
    if (m.get("steps") instanceof Seq seq) {
      stepLists.add(seq);
    } else if (m.get("group") instanceof Mapping g) {
      steps += 2;
      inner = inner.plus(tasks(g.get("tasks"), depth + 1, groups + 1, name));
    } else {
      steps += 2; // the shorthand: a sleep, then a return or a raise
    }
    if (m.get("on_cancel") instanceof Mapping oc) {
      memory = add(memory, ON_CANCEL_MEMORY);
      if (oc.get("steps") instanceof Seq seq) stepLists.add(seq);
      if (oc.get("result") != null) values.add(oc.get("result"));
    }
    for (YamlNode value : values) {
      Size v = size(value);
      report = add(report, mul(v.bytes, copies));
      memory = add(memory, v.memory);
    }
    for (Seq seq : stepLists) {
      Step s = steps(seq, depth, groups, name, copies);
      steps += s.steps;
      memory = add(memory, s.memory);
      report = add(report, s.report);
      inner = inner.plus(s.spawned);
    }
    memory = add(add(memory, mul(steps, STEP_MEMORY)), name);
    return new Cost(1, memory, report).plus(inner).times(n);
  }

  private record Step(long steps, long memory, long report, Cost spawned) {}

  private Step steps(Seq seq, int depth, int groups, long name, long copies) {
    long memory = 0;
    long report = 0;
    Cost spawned = Cost.ZERO;
    for (YamlNode item : seq.items()) {
      if (!(item instanceof Mapping step)) continue;
      for (Entry e : step.entries().values()) {
        switch (e.key()) {
          case "spawn" -> spawned = spawned.plus(task(e.value(), depth + 1, groups, name));
          case "log" -> {
            Size msg = size(e.value());
            report = add(report, LOG_EVENT + name + msg.bytes);
            memory = add(memory, LOG_MEMORY + msg.memory);
          }
          case "return", "raise" -> {
            Size v = size(e.value());
            report = add(report, mul(v.bytes, copies));
            if (e.key().equals("raise")) report = add(report, WARNING + name);
            memory = add(memory, v.memory);
          }
          default -> {}
        }
      }
    }
    return new Step(seq.items().size(), memory, report, spawned);
  }

  /** A value's size as the report prints it (an upper bound), once per node however shared. */
  private Size size(YamlNode node) {
    Size known = sizes.get(node);
    if (known != null) return known;
    Size s;
    // instanceof, not a pattern switch: see engine.Task.stepRunAndHandleResult.
    if (node instanceof Scalar sc) {
      long bytes = scalarBytes(sc);
      s = new Size(bytes, sc.value() instanceof String str && str.contains("{i}") ? bytes + 40 : 0);
    } else if (node instanceof Seq seq) {
      long bytes = 2;
      long memory = VALUE_NODE_MEMORY;
      for (YamlNode item : seq.items()) {
        Size i = size(item);
        bytes = add(bytes, i.bytes + 2);
        memory = add(memory, i.memory + 8);
      }
      s = new Size(bytes, memory);
    } else {
      long bytes = 2;
      long memory = VALUE_NODE_MEMORY;
      for (Entry e : ((Mapping) node).entries().values()) {
        Size v = size(e.value());
        bytes = add(bytes, add(jsonBytes(e.key()) + 4, v.bytes));
        memory = add(memory, add(v.memory + 40, e.key().contains("{i}") ? e.key().length() + 40 : 0));
      }
      s = new Size(bytes, memory);
    }
    sizes.put(node, s);
    return s;
  }

  private static long scalarBytes(Scalar s) {
    Object v = s.value(); // instanceof, not a pattern switch: see size
    if (v == null) return 4;
    if (v instanceof String str) return jsonBytes(str);
    if (v instanceof BigInteger) return s.text().length() + 2L;
    if (v instanceof Long) return 20;
    if (v instanceof Boolean) return 5;
    return 24; // a float's repr
  }

  /**
   * A string's bytes in the report: JSON escapes controls and non-ASCII as six bytes each; a
   * {@code {i}} may become up to seven digits.
   */
  static long jsonBytes(String s) {
    long n = 2;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      n += c >= 0x20 && c < 0x7f ? (c == '"' || c == '\\' ? 2 : c == '{' ? 5 : 1) : 6;
    }
    return n;
  }

  static long add(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  static long mul(long a, long n) {
    return n > 0 && a > Long.MAX_VALUE / n ? Long.MAX_VALUE : a * n;
  }
}
