package io.aiosim.dsl;

import io.aiosim.dsl.YamlNode.Entry;
import io.aiosim.dsl.YamlNode.Mapping;
import io.aiosim.dsl.YamlNode.Scalar;
import io.aiosim.dsl.YamlNode.Seq;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What reading one file shares: its diagnostics, limits, the delay generator, the task names
 * seen so far, and the typed accessors that turn a wrong node into a diagnostic. Every string
 * goes through {@link #text}, where {@code {i}} is replaced ({@code i < 0}: no enclosing count).
 */
final class ReadContext {
  /** Delays are capped so that sums of them stay far from overflowing a long of ns. */
  static final double MAX_SECONDS = 1e9;

  static final String DELAY = "a number of seconds >= 0 or {uniform: [low, high]}";

  final Diagnostics diags;
  /** What is valid but likely a mistake (SPEC 1.1: validate may warn); never stops a run. */
  final Diagnostics warnings = new Diagnostics();
  final Limits limits;
  SplitMix64 rng = new SplitMix64(0);
  final NameSet names = new NameSet();
  /** "mapping position + key" of keys that an unknown key was taken for (no "missing" then). */
  private final Set<String> suggested = new HashSet<>();
  /** What the tasks cost once expanded (Footprint), when they are within the limits. */
  Footprint.Cost cost;
  /** Set when tasks nest deeper than the limit: the schema validator is then not run. */
  boolean tooDeep;

  ReadContext(Diagnostics diags, Limits limits) {
    this.diags = diags;
    this.limits = limits;
  }

  void warn(Position pos, String message) {
    warnings.add(pos, message);
  }

  void error(Position pos, String message) {
    diags.add(pos, message);
  }

  /** The node as a mapping whose keys are all in {@code allowed}, or null after a diagnostic. */
  Mapping mapping(YamlNode node, String key, String what, List<String> allowed) {
    if (!(node instanceof Mapping m)) {
      error(node.pos(), key + ": expected " + what + " (a mapping), got " + YamlNode.describe(node));
      return null;
    }
    for (Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) unknownKey(e, what, allowed);
    }
    return m;
  }

  void unknownKey(Entry e, String what, List<String> allowed) {
    if (e.key().equals("<<")) { // YAML 1.1's merge key, which editors and PyYAML know
      error(e.keyPos(), "'<<' in " + what + ": YAML 1.2 has no merge key; write the keys out (an alias can share a value)");
      return;
    }
    String hint = DidYouMean.hint(e.key(), allowed);
    String meant = DidYouMean.suggest(e.key(), allowed);
    if (meant != null) suggested.add(e.keyPos() + " " + meant);
    error(
        e.keyPos(),
        "unknown key '"
            + YamlNode.abbreviate(e.key())
            + "' in "
            + what
            + (hint.isEmpty() ? "; expected one of: " + String.join(", ", allowed) : hint));
  }

  /** A required key's value, or null after a "missing key" diagnostic at the mapping. */
  YamlNode required(Mapping m, String key, String what, String expected) {
    YamlNode v = m.get(key);
    if (v == null && !misspelt(m, key)) {
      error(m.pos(), "missing key '" + key + "' in " + what + " (expected " + expected + ")");
    }
    return v;
  }

  /** Whether an unknown key of {@code m} was already reported as a misspelling of {@code key}. */
  private boolean misspelt(Mapping m, String key) {
    for (Entry e : m.entries().values()) {
      if (suggested.contains(e.keyPos() + " " + key)) return true;
    }
    return false;
  }

  /** A string taken as written ({@code {i}} is not special in it); null after a diagnostic. */
  String plainString(YamlNode node, String key) {
    if (node instanceof Scalar s && s.value() instanceof String str) return str;
    error(node.pos(), key + ": expected a string, got " + YamlNode.describe(node));
    return null;
  }

  /** A string with {@code {i}} replaced; null after a diagnostic. */
  String string(YamlNode node, String key, int i) {
    if (node instanceof Scalar s && s.value() instanceof String str) return text(str, s.pos(), i);
    error(node.pos(), key + ": expected a string, got " + YamlNode.describe(node));
    return null;
  }

  /**
   * {@code {i}} replaced by {@code i}; outside a counted task it is an ordinary string (SPEC 4),
   * kept with a warning since a forgotten {@code count} is the likely cause.
   */
  String text(String s, Position pos, int i) {
    if (!s.contains("{i}")) return s;
    if (i < 0) {
      warn(pos, "'{i}' is kept as is: it is replaced by 0 .. count-1 only inside a task with count");
      return s;
    }
    return TaskSpec.format(s, i);
  }

  Boolean bool(YamlNode node, String key) {
    if (node instanceof Scalar s && s.value() instanceof Boolean b) return b;
    error(node.pos(), key + ": expected true or false, got " + YamlNode.describe(node));
    return null;
  }

  /** A finite number of seconds, or null after a diagnostic. */
  Double seconds(YamlNode node, String key, String expected) {
    if (node instanceof Scalar s) {
      double d;
      // instanceof, not a pattern switch: see engine.Task.stepRunAndHandleResult.
      if (s.value() instanceof Long l) {
        d = l;
      } else if (s.value() instanceof BigInteger b) {
        d = b.doubleValue();
      } else if (s.value() instanceof Double x) {
        d = x;
      } else {
        error(node.pos(), key + ": expected " + expected + ", got " + YamlNode.describe(node));
        return null;
      }
      if (Double.isNaN(d) || Double.isInfinite(d)) return null; // reported by the loader
      if (d < 0) {
        error(node.pos(), key + ": expected " + expected + ", got the negative number " + s.text());
        return null;
      }
      if (d > MAX_SECONDS) {
        error(node.pos(), key + ": " + YamlNode.abbreviate(s.text()) + " seconds is too long (at most 1e9)");
        return null;
      }
      return d;
    }
    error(node.pos(), key + ": expected " + expected + ", got " + YamlNode.describe(node));
    return null;
  }

  /** A delay: seconds >= 0, or {@code {uniform: [a, b]}} drawn now (SPEC 4); ns, or 0 if bad. */
  long delay(YamlNode node, String key) {
    if (node instanceof Mapping m && m.entries().size() == 1 && m.get("uniform") != null) {
      YamlNode range = m.get("uniform");
      if (range instanceof Seq s && s.items().size() == 2) {
        Double a = seconds(s.items().get(0), "uniform", "a number of seconds >= 0");
        Double b = seconds(s.items().get(1), "uniform", "a number of seconds >= 0");
        if (a == null || b == null) return 0;
        if (a > b) {
          error(s.pos(), "uniform: expected [low, high] with low <= high, got ["
              + ((Scalar) s.items().get(0)).text() + ", " + ((Scalar) s.items().get(1)).text() + "]");
          return 0;
        }
        return Values.secondsToNs(rng.uniform(a, b));
      }
      String got = range instanceof Seq s ? "a list of " + s.items().size() + (s.items().size() == 1 ? " item" : " items") : YamlNode.describe(range);
      error(range.pos(), "uniform: expected a list [low, high] of two numbers of seconds, got " + got);
      return 0;
    }
    if (node instanceof Mapping m) {
      Entry first = m.entries().values().stream().filter(e -> !e.key().equals("uniform")).findFirst().orElse(null);
      if (first != null) {
        error(first.keyPos(), key + ": expected " + DELAY + ", got unknown key '" + YamlNode.abbreviate(first.key()) + "'"
            + DidYouMean.hint(first.key(), List.of("uniform")));
      } else {
        error(m.pos(), key + ": expected " + DELAY + ", got an empty mapping");
      }
      return 0;
    }
    Double d = seconds(node, key, DELAY);
    return d == null ? 0 : Values.secondsToNs(d);
  }

  /**
   * {@link #delay} of a node that read once without a mistake, for the other copies of a count
   * (TaskReader.quick): each call gives what {@code delay(node, key)} would, a uniform's draw
   * included, without looking the node over again (its lookups were a third of reading a
   * million copies).
   */
  LongSupplier delays(YamlNode node, String key) {
    if (node instanceof Mapping m && m.entries().size() == 1 && m.get("uniform") instanceof Seq s && s.items().size() == 2) {
      Double a = seconds(s.items().get(0), "uniform", "a number of seconds >= 0");
      Double b = seconds(s.items().get(1), "uniform", "a number of seconds >= 0");
      if (a != null && b != null && a <= b) {
        double low = a;
        double high = b;
        return () -> Values.secondsToNs(rng.uniform(low, high));
      }
    } else if (node instanceof Scalar) {
      long ns = delay(node, key); // no draw: the same every time
      return () -> ns;
    }
    return () -> delay(node, key);
  }

  /**
   * A value as plain Java with {@code {i}} replaced in every string; in a value position a bare
   * {@code "{i}"} becomes the integer i (SPEC 4). Values nest at most {@link #MAX_VALUE_DEPTH}
   * levels: deeper ones could not be written as a report (Jackson nests 500 levels, and a value
   * sits inside as many lists as it has enclosing groups) nor exported (Python's parser nests
   * 200 brackets).
   */
  Object value(YamlNode node, int i) {
    return value(node, i, 1);
  }

  static final int MAX_VALUE_DEPTH = 100;

  private Object value(YamlNode node, int i, int depth) {
    if (depth > MAX_VALUE_DEPTH && !(node instanceof Scalar)) {
      error(node.pos(), "a value nested deeper than " + MAX_VALUE_DEPTH + " levels of lists and mappings");
      return null;
    }
    // instanceof, not a pattern switch: see seconds.
    if (node instanceof Scalar s) {
      if (s.value() instanceof String str) {
        if (i >= 0 && str.equals("{i}")) return (long) i;
        return text(str, s.pos(), i);
      }
      return s.value();
    } else if (node instanceof Seq s) {
      List<Object> out = new ArrayList<>(s.items().size());
      for (YamlNode item : s.items()) out.add(value(item, i, depth + 1));
      return out;
    }
    Mapping m = (Mapping) node;
    LinkedHashMap<String, Object> out = LinkedHashMap.newLinkedHashMap(m.entries().size());
    for (Entry e : m.entries().values()) out.put(text(e.key(), e.keyPos(), i), value(e.value(), i, depth + 1));
    return out;
  }
}
