package io.aiosim.golden;

import io.aiosim.report.ReportWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a workflow's hand-written {@code expect:} block against its report (jlox's
 * {@code // expect:} comments, next to the scenario). Mappings in the block are subsets: only
 * the keys written are checked, at any depth, except below {@code value}, {@code result} and
 * {@code item}, which are the workflow's own values and must be equal whole. Lists are equal
 * item by item. Numbers compare by value ({@code 0.2} in YAML is report time {@code 0.2}),
 * and {@code events} is an ordered fragment: its items must appear in that order, not
 * necessarily adjacent.
 */
public final class ExpectCheck {
  private static final Set<String> WHOLE_VALUES = Set.of("value", "result", "item");

  private final List<String> problems = new ArrayList<>();

  private ExpectCheck() {}

  /** Every way {@code report} misses {@code expect}; empty when it meets it. */
  public static List<String> check(Map<String, Object> expect, JsonNode report) {
    ExpectCheck c = new ExpectCheck();
    for (Map.Entry<String, Object> e : expect.entrySet()) {
      String path = "expect." + e.getKey();
      switch (e.getKey()) {
        case "outcome" -> c.match(path, e.getValue(), report.get("outcome"), false);
        case "tasks" -> c.tasks(path, e.getValue(), report.get("tasks"));
        case "events" -> c.events(path, e.getValue(), report.get("events"));
        case "warnings" -> c.match(path, e.getValue(), report.get("warnings"), false);
        default -> c.problems.add(path + ": unknown key (expected outcome, tasks, events or warnings)");
      }
    }
    return c.problems;
  }

  private void tasks(String path, Object expected, JsonNode tasks) {
    if (!(expected instanceof Map<?, ?> byName)) {
      problems.add(path + ": expected a mapping from task name to its expected fields");
      return;
    }
    for (Map.Entry<?, ?> e : byName.entrySet()) {
      String name = String.valueOf(e.getKey());
      JsonNode task = null;
      for (JsonNode t : tasks) {
        if (name.equals(t.path("name").asString(null))) {
          task = t;
          break;
        }
      }
      String p = path + JsonDiff.segment(name);
      if (task == null) {
        problems.add(p + ": the report has no task named " + name);
      } else {
        match(p, e.getValue(), task, false);
      }
    }
  }

  private void events(String path, Object expected, JsonNode events) {
    if (!(expected instanceof List<?> fragment)) {
      problems.add(path + ": expected a list of events (an ordered fragment of the timeline)");
      return;
    }
    int next = 0;
    String after = "the start";
    for (int k = 0; k < fragment.size(); k++) {
      Object want = fragment.get(k);
      int found = -1;
      for (int i = next; i < events.size(); i++) {
        if (matches(want, events.get(i), false)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        problems.add(
            path + "[" + k + "]: " + render(want) + " does not occur after " + after
                + (occursAnywhere(want, events) ? " (it occurs earlier: check the order)" : ""));
        return;
      }
      next = found + 1;
      after = "event " + found + " (" + EventTimeline.line(events.get(found)) + ")";
    }
  }

  private static boolean occursAnywhere(Object want, JsonNode events) {
    for (JsonNode e : events) {
      if (matches(want, e, false)) {
        return true;
      }
    }
    return false;
  }

  /** Records the first mismatch below {@code path}, walking down to the innermost key. */
  private void match(String path, Object expected, JsonNode actual, boolean whole) {
    if (actual == null || actual.isMissingNode()) {
      problems.add(path + ": expected " + render(expected) + ", got nothing");
    } else if (expected instanceof Map<?, ?> map && actual.isObject()) {
      if (whole && map.size() != actual.size()) {
        problems.add(path + ": expected " + render(expected) + ", got " + JsonTree.compact(actual));
        return;
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        match(path + JsonDiff.segment(key), e.getValue(), actual.get(key), whole || WHOLE_VALUES.contains(key));
      }
    } else if (expected instanceof List<?> list && actual.isArray()) {
      if (list.size() != actual.size()) {
        problems.add(
            path + ": expected " + list.size() + " items " + render(expected) + ", got "
                + actual.size() + " " + JsonTree.compact(actual));
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        match(path + "[" + i + "]", list.get(i), actual.get(i), whole);
      }
    } else if (!matches(expected, actual, whole)) {
      problems.add(path + ": expected " + render(expected) + ", got " + JsonTree.compact(actual));
    }
  }

  /** Whether {@code actual} meets {@code expected} (a mapping: the keys it gives; {@code whole}: exactly). */
  public static boolean matches(Object expected, JsonNode actual, boolean whole) {
    if (actual == null || actual.isMissingNode()) {
      return false;
    }
    return switch (expected) {
      case null -> actual.isNull();
      case Boolean b -> actual.isBoolean() && actual.booleanValue() == b;
      case String s -> actual.isString() && actual.stringValue().equals(s);
      case Number n -> actual.isNumber() && decimal(n).compareTo(actual.decimalValue()) == 0;
      case Map<?, ?> map -> {
        if (!actual.isObject() || (whole && map.size() != actual.size())) {
          yield false;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
          String key = String.valueOf(e.getKey());
          if (!matches(e.getValue(), actual.get(key), whole || WHOLE_VALUES.contains(key))) {
            yield false;
          }
        }
        yield true;
      }
      case List<?> list -> {
        if (!actual.isArray() || list.size() != actual.size()) {
          yield false;
        }
        for (int i = 0; i < list.size(); i++) {
          if (!matches(list.get(i), actual.get(i), whole)) {
            yield false;
          }
        }
        yield true;
      }
      default -> false;
    };
  }

  /** A YAML number as an exact decimal: {@code 0.2} is 0.2, not the binary fraction's expansion. */
  private static BigDecimal decimal(Number n) {
    return switch (n) {
      case BigDecimal d -> d;
      case BigInteger i -> new BigDecimal(i);
      case Double d -> BigDecimal.valueOf(d);
      case Float f -> BigDecimal.valueOf(f.doubleValue());
      default -> BigDecimal.valueOf(n.longValue());
    };
  }

  /** An expected value as one-line JSON, for messages: as the report would write it. */
  static String render(Object v) {
    return ReportWriter.valueToJson(v);
  }
}
