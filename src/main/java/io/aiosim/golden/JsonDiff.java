package io.aiosim.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Structural differences between two JSON trees, each named by its JSON path
 * ({@code $.tasks[2].state: expected "cancelled", got "completed"}). Key order counts, as the
 * report's layout fixes it; numbers compare by value, but an integer never equals a float
 * ({@code 1} and {@code 1.0} are different Python values). Arrays are lined up by
 * {@link Alignment}, so one extra event is one difference.
 */
public final class JsonDiff {
  /** One difference; {@code expected}/{@code actual} are one-line JSON, or "nothing". */
  public record Difference(String path, String expected, String actual) {
    @Override
    public String toString() {
      return path + ": expected " + expected + ", got " + actual;
    }

    /** The difference between two named sides: {@code $.x: 3.12 1, 3.13 2}. */
    public String between(String left, String right) {
      return path + ": " + left + " " + expected + ", " + right + " " + actual;
    }
  }

  static final String NOTHING = "nothing";
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final List<Difference> out = new ArrayList<>();

  private JsonDiff() {}

  /** Every difference, in document order of the expected tree. */
  public static List<Difference> of(JsonNode expected, JsonNode actual) {
    JsonDiff d = new JsonDiff();
    d.compare("$", expected, actual);
    return d.out;
  }

  /** Whether two trees are equal under this class's rules (cheaper than {@link #of}). */
  public static boolean same(JsonNode a, JsonNode b) {
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      var ia = a.properties().iterator();
      var ib = b.properties().iterator();
      while (ia.hasNext()) {
        Map.Entry<String, JsonNode> ea = ia.next();
        Map.Entry<String, JsonNode> eb = ib.next();
        if (!ea.getKey().equals(eb.getKey()) || !same(ea.getValue(), eb.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return sameScalar(a, b);
  }

  static boolean sameScalar(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      if (a.isIntegralNumber() != b.isIntegralNumber()) {
        return false;
      }
      return a.isIntegralNumber()
          ? a.bigIntegerValue().equals(b.bigIntegerValue())
          : a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.getNodeType() == b.getNodeType() && a.equals(b);
  }

  private void compare(String path, JsonNode e, JsonNode a) {
    if (e.isObject() && a.isObject()) {
      compareObjects(path, e, a);
    } else if (e.isArray() && a.isArray()) {
      compareArrays(path, e, a);
    } else if (!same(e, a)) {
      out.add(new Difference(path, JsonTree.compact(e), JsonTree.compact(a)));
    }
  }

  private void compareObjects(String path, JsonNode e, JsonNode a) {
    for (Map.Entry<String, JsonNode> entry : e.properties()) {
      JsonNode other = a.get(entry.getKey());
      String p = path + segment(entry.getKey());
      if (other == null) {
        out.add(new Difference(p, JsonTree.compact(entry.getValue()), NOTHING));
      } else {
        compare(p, entry.getValue(), other);
      }
    }
    for (Map.Entry<String, JsonNode> entry : a.properties()) {
      if (e.get(entry.getKey()) == null) {
        out.add(
            new Difference(
                path + segment(entry.getKey()), NOTHING, JsonTree.compact(entry.getValue())));
      }
    }
    List<String> ek = new ArrayList<>(e.propertyNames());
    List<String> ak = new ArrayList<>(a.propertyNames());
    if (ek.size() == ak.size() && !ek.equals(ak) && ak.containsAll(ek)) {
      out.add(new Difference(path + " (key order)", String.join(", ", ek), String.join(", ", ak)));
    }
  }

  private void compareArrays(String path, JsonNode e, JsonNode a) {
    if (e.size() == a.size()) {
      for (int i = 0; i < e.size(); i++) {
        compare(path + "[" + i + "]", e.get(i), a.get(i));
      }
      return;
    }
    out.add(new Difference(path, items(e.size()), items(a.size())));
    for (Alignment.Row row : Alignment.of(lines(e), lines(a))) {
      switch (row.kind()) {
        case SAME -> {}
        case CHANGED -> compare(path + "[" + row.expected() + "]", e.get(row.expected()), a.get(row.actual()));
        case ONLY_EXPECTED ->
            out.add(new Difference(path + "[" + row.expected() + "]", JsonTree.compact(e.get(row.expected())), NOTHING));
        case ONLY_ACTUAL ->
            out.add(new Difference(path + "[" + row.actual() + "]", NOTHING, JsonTree.compact(a.get(row.actual()))));
      }
    }
  }

  private static String items(int n) {
    return n + (n == 1 ? " item" : " items");
  }

  private static List<String> lines(JsonNode array) {
    List<String> l = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      l.add(JsonTree.compact(item));
    }
    return l;
  }

  static String segment(String key) {
    if (PLAIN_KEY.matcher(key).matches()) {
      return "." + key;
    }
    StringBuilder sb = new StringBuilder("[");
    JsonTree.quote(sb, key);
    return sb.append(']').toString();
  }
}
