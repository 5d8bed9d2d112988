package io.aiosim.golden;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The {@code events} of two reports printed side by side, one event a line ({@code t task event
 * detail}), marked as sdiff(1) marks them: {@code |} changed, {@code <} only expected, {@code >}
 * only actual. Runs of equal events far from any difference are folded into one line.
 */
public final class EventTimeline {
  private static final int CONTEXT = 3;
  private static final int MAX_SIDE = 64;

  private EventTimeline() {}

  /** One event as a line: {@code 0.2  boom  failed  ValueError: Error}. */
  public static String line(JsonNode event) {
    if (!event.isObject()) {
      return JsonTree.compact(event);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(text(event.get("t"))).append("  ").append(text(event.get("task")));
    sb.append("  ").append(text(event.get("event")));
    for (var p : event.properties()) {
      switch (p.getKey()) {
        case "t", "task", "event" -> {}
        case "error" -> sb.append("  ").append(error(p.getValue()));
        case "message" -> sb.append("  ").append(text(p.getValue()));
        case "by" -> sb.append("  by ").append(text(p.getValue()));
        default -> sb.append("  ").append(JsonTree.compact(p.getValue()));
      }
    }
    return sb.toString();
  }

  /** {@code ValueError: Error}; an exception group lists its members in brackets. */
  static String error(JsonNode e) {
    if (e == null || !e.isObject() || !e.has("type")) {
      return e == null ? "" : JsonTree.compact(e);
    }
    StringBuilder sb = new StringBuilder(text(e.get("type")));
    String message = text(e.get("message"));
    if (!message.isEmpty()) {
      sb.append(": ").append(message);
    }
    JsonNode members = e.get("exceptions");
    if (members != null && members.isArray()) {
      sb.append(" [");
      for (int i = 0; i < members.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(error(members.get(i)));
      }
      sb.append(']');
    }
    return sb.toString();
  }

  private static String text(JsonNode n) {
    if (n == null) {
      return "?";
    }
    return n.isString() ? n.stringValue() : JsonTree.compact(n);
  }

  /** The two timelines side by side, folded around the differences; empty when they agree. */
  public static List<String> sideBySide(JsonNode expectedEvents, JsonNode actualEvents) {
    return sideBySide(expectedEvents, actualEvents, "expected", "actual");
  }

  /** The same, the columns headed {@code leftHead} and {@code rightHead} ({@code 3.12}, {@code 3.13}). */
  public static List<String> sideBySide(JsonNode expectedEvents, JsonNode actualEvents, String leftHead, String rightHead) {
    List<String> left = lines(expectedEvents);
    List<String> right = lines(actualEvents);
    List<Alignment.Row> rows = Alignment.of(left, right);
    boolean[] keep = new boolean[rows.size()];
    boolean any = false;
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).kind() != Alignment.Kind.SAME) {
        any = true;
        for (int k = Math.max(0, r - CONTEXT); k <= Math.min(rows.size() - 1, r + CONTEXT); k++) {
          keep[k] = true;
        }
      }
    }
    List<String> out = new ArrayList<>();
    if (!any) {
      return out;
    }
    int width = 8;
    for (String s : left) {
      width = Math.max(width, Math.min(MAX_SIDE, s.length()));
    }
    out.add(pad(leftHead, width) + "   " + rightHead);
    int folded = 0;
    for (int r = 0; r < rows.size(); r++) {
      if (!keep[r]) {
        folded++;
        continue;
      }
      if (folded > 0) {
        out.add("  ... " + folded + " equal event" + (folded == 1 ? "" : "s") + " ...");
        folded = 0;
      }
      Alignment.Row row = rows.get(r);
      String l = row.expected() < 0 ? "" : left.get(row.expected());
      String a = row.actual() < 0 ? "" : right.get(row.actual());
      char mark =
          switch (row.kind()) {
            case SAME -> ' ';
            case CHANGED -> '|';
            case ONLY_EXPECTED -> '<';
            case ONLY_ACTUAL -> '>';
          };
      out.add((pad(fit(l, width), width) + " " + mark + " " + fit(a, MAX_SIDE)).stripTrailing());
    }
    if (folded > 0) {
      out.add("  ... " + folded + " equal event" + (folded == 1 ? "" : "s") + " ...");
    }
    return out;
  }

  private static List<String> lines(JsonNode events) {
    List<String> l = new ArrayList<>();
    if (events != null && events.isArray()) {
      for (JsonNode e : events) {
        l.add(line(e));
      }
    }
    return l;
  }

  private static String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
