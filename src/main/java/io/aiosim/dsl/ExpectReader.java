package io.aiosim.dsl;

import io.aiosim.dsl.YamlNode.Entry;
import io.aiosim.dsl.YamlNode.Mapping;
import io.aiosim.dsl.YamlNode.Scalar;
import io.aiosim.dsl.YamlNode.Seq;
import java.util.List;
import java.util.Map;

/**
 * Checks the shape of the {@code expect:} block (what {@code aiosim test} compares with the
 * report) with the same precise messages as the rest of the file; its meaning is the test
 * command's. The block itself is kept as plain values.
 */
final class ExpectReader {
  static final List<String> KEYS = List.of("outcome", "tasks", "events", "warnings");
  static final List<String> OUTCOME_KEYS = List.of("status", "value", "error");
  static final List<String> ERROR_KEYS = List.of("type", "message", "exceptions");
  static final List<String> TASK_KEYS =
      List.of("state", "result", "error", "cancelled_by", "started_at", "finished_at", "parent");
  static final List<String> EVENT_KEYS =
      List.of("t", "task", "event", "message", "by", "result", "error", "item", "value");
  static final List<String> WARNING_KEYS = List.of("message", "task", "error");
  static final Map<String, List<String>> ENUMS =
      Map.of(
          "status", List.of("returned", "raised"),
          "state", List.of("completed", "failed", "cancelled", "pending"),
          "cancelled_by", List.of("timeout", "strategy", "parent", "shutdown"),
          "by", List.of("timeout", "strategy", "parent", "shutdown"),
          "event",
          List.of("start", "log", "cancel", "completed", "failed", "cancelled", "yield", "returned", "raised"));

  private final ReadContext cx;

  ExpectReader(ReadContext cx) {
    this.cx = cx;
  }

  void check(YamlNode node) {
    Mapping m = cx.mapping(node, "expect", "an expect block", KEYS);
    if (m == null) return;
    YamlNode outcome = m.get("outcome");
    if (outcome != null) fields(outcome, "outcome", "an expected outcome", OUTCOME_KEYS);
    YamlNode tasks = m.get("tasks");
    if (tasks instanceof Mapping t) {
      for (Entry e : t.entries().values()) fields(e.value(), e.key(), "an expected task", TASK_KEYS);
    } else if (tasks != null) {
      cx.error(tasks.pos(), "tasks: expected a mapping of task name -> expected fields, got " + YamlNode.describe(tasks));
    }
    list(m.get("events"), "events", "an expected event", EVENT_KEYS);
    list(m.get("warnings"), "warnings", "an expected warning", WARNING_KEYS);
  }

  private void list(YamlNode node, String key, String what, List<String> keys) {
    if (node == null) return;
    if (!(node instanceof Seq s)) {
      cx.error(node.pos(), key + ": expected a list, got " + YamlNode.describe(node));
      return;
    }
    for (YamlNode item : s.items()) fields(item, key, what, keys);
  }

  private void fields(YamlNode node, String key, String what, List<String> keys) {
    Mapping m = cx.mapping(node, key, what, keys);
    if (m == null) return;
    for (Entry e : m.entries().values()) {
      if (!keys.contains(e.key())) continue;
      YamlNode v = e.value();
      boolean isNull = v instanceof Scalar s && s.value() == null;
      switch (e.key()) {
        case "status", "state", "event", "cancelled_by", "by" -> {
          List<String> allowed = ENUMS.get(e.key());
          if (e.key().equals("cancelled_by") && isNull) break;
          String got = v instanceof Scalar s && s.value() instanceof String str ? str : null;
          if (got == null || !allowed.contains(got)) {
            String hint = got == null ? "" : DidYouMean.hint(got, allowed);
            cx.error(v.pos(), e.key() + ": expected one of " + String.join(", ", allowed)
                + (e.key().equals("cancelled_by") ? ", null" : "") + ", got " + YamlNode.describe(v) + hint);
          }
        }
        case "error" -> {
          if (!(what.equals("an expected warning") && isNull)) errorValue(v);
        }
        case "t", "started_at", "finished_at" -> {
          boolean number = v instanceof Scalar s && (s.value() instanceof Long || s.value() instanceof Double);
          if (!number && !(isNull && !e.key().equals("t"))) {
            cx.error(v.pos(), e.key() + ": expected a time in seconds" + (e.key().equals("t") ? "" : " or null") + ", got " + YamlNode.describe(v));
          }
        }
        case "message", "type" -> cx.string(v, e.key(), -1);
        case "task", "parent" -> {
          boolean nullable = !(what.equals("an expected event"));
          if (!(nullable && isNull)) cx.string(v, e.key(), -1);
        }
        default -> {} // result, value, item: any value
      }
    }
  }

  private void errorValue(YamlNode node) {
    Mapping m = cx.mapping(node, "error", "an expected error ({type, message, exceptions})", ERROR_KEYS);
    if (m == null) return;
    YamlNode type = m.get("type");
    if (type != null) cx.string(type, "type", -1);
    YamlNode message = m.get("message");
    if (message != null) cx.string(message, "message", -1);
    YamlNode exceptions = m.get("exceptions");
    if (exceptions instanceof Seq s) s.items().forEach(this::errorValue);
    else if (exceptions != null) cx.error(exceptions.pos(), "exceptions: expected a list of errors, got " + YamlNode.describe(exceptions));
  }
}
