package io.aiosim.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Compares a golden report with a fresh one. Goldens are byte-exact but for line ends (a
 * checkout with {@code core.autocrlf} turns LF into CRLF, which says nothing about the report):
 * equal trees with other bytes are a failure too ("layout differs"), since the report's layout
 * is part of the contract (SPEC section 6). The explanation names each difference by JSON path and, when the events
 * differ, prints both timelines side by side. Two Python versions' reports are compared the same
 * way ({@link #versions}).
 */
public final class GoldenCompare {
  /** At most this many path differences are listed; the rest are counted. */
  static final int MAX_DIFFERENCES = 25;

  private GoldenCompare() {}

  /** Whether two reports are the same bytes once CRLF line ends are read as LF. */
  public static boolean same(String golden, String actual) {
    return lf(golden).equals(lf(actual));
  }

  /**
   * A report as another Python version would print it if it behaved the same: the top-level
   * {@code "python"} line says {@code key}.
   */
  public static String asPython(String report, String key) {
    return PYTHON_LINE.matcher(report).replaceFirst(Matcher.quoteReplacement("  \"python\": \"" + key + "\","));
  }

  private static final Pattern PYTHON_LINE = Pattern.compile("(?m)^  \"python\": \"[^\"\n]*\",$");

  private static String lf(String text) {
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
  }

  /** Lines explaining how {@code actual} differs from {@code golden}; empty when they are the same. */
  public static List<String> explain(String golden, String actual) {
    List<String> out = new ArrayList<>();
    if (same(golden, actual)) {
      return out;
    }
    golden = lf(golden);
    actual = lf(actual);
    JsonNode expected;
    switch (JsonTree.parse(golden)) {
      case JsonNode n -> expected = n;
      case JsonTree.Broken b -> {
        out.add("golden is not valid JSON: " + b.message());
        return out;
      }
      default -> throw new IllegalStateException();
    }
    List<String> data = differences(expected, JsonTree.parseOwn(actual), null, null);
    return data.isEmpty() ? layout(golden, actual) : data;
  }

  /**
   * How the report of one Python version differs from another's, beyond the {@code python} key
   * that says which: each difference by JSON path ({@code $.tasks[1].state: 3.12 "failed", 3.13
   * "cancelled"}), then the two timelines side by side; empty when they behave the same.
   */
  public static List<String> versions(String report, String other, String version, String otherVersion) {
    JsonNode a = JsonTree.parseOwn(report);
    JsonNode b = JsonTree.parseOwn(asPython(other, version));
    return differences(a, b, version, otherVersion);
  }

  /**
   * The data differences and the events side by side; labels null for "expected" and "got".
   * Between two versions the event paths are left to the timelines, which show them better.
   */
  private static List<String> differences(JsonNode expected, JsonNode got, String left, String right) {
    List<String> out = new ArrayList<>();
    List<JsonDiff.Difference> diffs = JsonDiff.of(expected, got);
    boolean eventsDiffer = diffs.stream().anyMatch(d -> d.path().startsWith("$.events"));
    if (left != null) {
      diffs = diffs.stream().filter(d -> !d.path().startsWith("$.events")).toList();
    }
    for (int i = 0; i < diffs.size() && i < MAX_DIFFERENCES; i++) {
      out.add(left == null ? diffs.get(i).toString() : diffs.get(i).between(left, right));
    }
    if (diffs.size() > MAX_DIFFERENCES) {
      out.add("... and " + (diffs.size() - MAX_DIFFERENCES) + " more differences");
    }
    if (eventsDiffer) {
      List<String> timelines =
          left == null
              ? EventTimeline.sideBySide(expected.get("events"), got.get("events"))
              : EventTimeline.sideBySide(expected.get("events"), got.get("events"), left, right);
      if (!timelines.isEmpty()) {
        out.add("events:");
        timelines.forEach(l -> out.add("  " + l));
      }
    }
    return out;
  }

  /** Same data, other bytes: show the first line where they part. */
  private static List<String> layout(String golden, String actual) {
    if (golden.stripTrailing().equals(actual.stripTrailing())) {
      return List.of(
          "layout differs (same data, other bytes) at the end: the golden ends with "
              + ending(golden) + ", the report with " + ending(actual));
    }
    String[] g = golden.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int line = 0;
    while (line < g.length && line < a.length && g[line].equals(a[line])) {
      line++;
    }
    List<String> out = new ArrayList<>();
    out.add("layout differs (same data, other bytes) from line " + (line + 1) + ":");
    out.add("  expected: " + (line < g.length ? visible(g[line]) : "end of file"));
    out.add("  got:      " + (line < a.length ? visible(a[line]) : "end of file"));
    return out;
  }

  private static String ending(String text) {
    String tail = text.substring(text.stripTrailing().length());
    return tail.isEmpty() ? "no newline" : JsonTree.compact(JsonNodeFactory.instance.stringNode(tail));
  }

  /** Makes trailing blanks and carriage returns visible, the usual layout culprits. */
  private static String visible(String s) {
    String shown = s.replace("\r", "\\r").replace("\t", "\\t");
    int end = shown.length();
    while (end > 0 && shown.charAt(end - 1) == ' ') {
      end--;
    }
    return shown.substring(0, end) + "·".repeat(shown.length() - end);
  }
}
