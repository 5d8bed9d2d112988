package io.aiosim.matrix;

import io.aiosim.golden.ExpectCheck;
import io.aiosim.golden.JsonTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What decided a cell, read off its run in the order the row's {@code holds} asks: each
 * expected event as it happened (or, for the first one that did not, what its task did
 * instead), each named task's end, main's outcome, the warnings; then the {@code cite}d tasks.
 * So the deciding facts are the condition's own subjects, whichever way the run went:
 * "boom failed at 0.2" and "hello-0.3 completed at 0.3".
 */
final class Facts {
  private static final int MAX_VALUE = 80;

  private Facts() {}

  static List<String> of(Map<String, Object> holds, List<String> cite, JsonNode report) {
    List<String> facts = new ArrayList<>();
    Set<String> told = new LinkedHashSet<>();
    for (Map.Entry<String, Object> e : holds.entrySet()) {
      switch (e.getKey()) {
        case "outcome" -> facts.add(outcome(report.path("outcome"), e.getValue() instanceof Map<?, ?> m && m.containsKey("value")));
        case "events" -> events((List<?>) e.getValue(), report.path("events"), facts);
        case "tasks" -> {
          for (Object name : ((Map<?, ?>) e.getValue()).keySet()) {
            facts.add(task(report, String.valueOf(name)));
            told.add(String.valueOf(name));
          }
        }
        case "warnings" -> facts.add(warnings(report.path("warnings")));
        default -> throw new IllegalStateException("TableReader let through holds." + e.getKey());
      }
    }
    for (String name : cite) {
      if (told.add(name)) facts.add(task(report, name));
    }
    return facts;
  }

  /** Each expected event as it happened; for the first one missing, what its task did next instead. */
  private static void events(List<?> fragment, JsonNode events, List<String> facts) {
    int next = 0;
    for (Object want : fragment) {
      int found = -1;
      for (int i = next; i < events.size() && found < 0; i++) {
        if (ExpectCheck.matches(want, events.get(i), false)) found = i;
      }
      if (found < 0) {
        facts.add(instead(want, events, next));
        return;
      }
      facts.add(event(events.get(found)));
      next = found + 1;
    }
  }

  /** The task's next event of the kind wanted, else its next event of any kind. */
  private static String instead(Object want, JsonNode events, int from) {
    if (want instanceof Map<?, ?> m && m.get("task") instanceof String task) {
      JsonNode any = null;
      for (int i = from; i < events.size(); i++) {
        JsonNode e = events.get(i);
        if (!task.equals(e.path("task").asString(null))) continue;
        if (e.path("event").asString().equals(m.get("event"))) return event(e);
        if (any == null) any = e;
      }
      return any != null ? event(any) : task + " did nothing more";
    }
    return "no event as expected came next";
  }

  /** One event in words: "boom failed at 0.2", "main received hello-0.1's result at 0.1". */
  static String event(JsonNode e) {
    String task = e.path("task").asString();
    String at = " at " + time(e.path("t"));
    return switch (e.path("event").asString()) {
      case "start" -> task + " started" + at;
      case "log" -> task + " logged " + JsonTree.compact(e.path("message")) + at;
      case "cancel" -> task + " was asked to cancel (" + e.path("by").asString() + ")" + at;
      case "completed" -> task + " completed" + at;
      case "failed" -> task + " failed" + at;
      case "cancelled" -> task + " ended cancelled" + at;
      case "yield" -> "main received " + item(e.path("item")) + at;
      case "returned" -> "main's step returned" + at;
      case "raised" -> "main's step raised " + e.path("error").path("type").asString() + at;
      default -> task + " " + e.path("event").asString() + at;
    };
  }

  private static String item(JsonNode item) {
    String task = item.path("task").asString(null);
    if (item.has("error")) {
      String type = item.path("error").path("type").asString();
      return task == null ? "a " + type + " item" : task + "'s " + type;
    }
    return task + "'s result";
  }

  /** A task's end: "hello-0.3 cancelled by strategy at 0.2". */
  static String task(JsonNode report, String name) {
    for (JsonNode t : report.path("tasks")) {
      if (!name.equals(t.path("name").asString(null))) continue;
      String at = " at " + time(t.path("finished_at"));
      String unstarted = t.path("started_at").isNull() ? " before it started" : "";
      return switch (t.path("state").asString()) {
        case "completed" -> name + " completed" + at;
        case "failed" -> name + " failed" + at;
        case "cancelled" -> {
          JsonNode by = t.path("cancelled_by");
          yield name + (by.isNull() ? " ended cancelled (its own CancelledError)" : " cancelled by " + by.asString()) + at + unstarted;
        }
        default -> name + " was still pending at the end";
      };
    }
    throw new IllegalStateException("Matrix checked that " + name + " exists");
  }

  /** main's step: "main's step raised TimeoutError at 0.15", with the value when the row pins it. */
  private static String outcome(JsonNode outcome, boolean withValue) {
    String at = " at " + time(outcome.path("at"));
    if (outcome.path("status").asString().equals("raised")) {
      return "main's step raised " + outcome.path("error").path("type").asString() + at;
    }
    return "main's step returned" + (withValue ? " " + abbreviate(outcome.path("value")) : "") + at;
  }

  private static String warnings(JsonNode warnings) {
    if (warnings.isEmpty()) return "no warnings";
    List<String> each = new ArrayList<>();
    for (JsonNode w : warnings) {
      String task = w.path("task").asString(null);
      each.add("the warning \"" + w.path("message").asString() + "\"" + (task == null ? "" : " for " + task));
    }
    return String.join(", ", each);
  }

  private static String time(JsonNode t) {
    return t.isNull() || t.isMissingNode() ? "the end" : JsonTree.compact(t);
  }

  /** A long value cut short: a list keeps its first items whole ("[1, 2, …]"). */
  private static String abbreviate(JsonNode value) {
    String whole = JsonTree.compact(value);
    if (whole.length() <= MAX_VALUE) return whole;
    if (!value.isArray()) return whole.substring(0, MAX_VALUE - 1) + "…";
    StringBuilder sb = new StringBuilder("[");
    for (JsonNode item : value) {
      String next = JsonTree.compact(item);
      if (sb.length() + next.length() > MAX_VALUE) break;
      sb.append(next).append(", ");
    }
    return sb.append("…]").toString();
  }

  /** "a", "a and b", "a, b and c". */
  static String join(List<String> facts) {
    if (facts.size() <= 1) return String.join("", facts);
    return String.join(", ", facts.subList(0, facts.size() - 1)) + " and " + facts.getLast();
  }
}
