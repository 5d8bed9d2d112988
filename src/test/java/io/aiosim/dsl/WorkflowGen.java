package io.aiosim.dsl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators for the property test: random valid workflows as a tree of {@link Map}s
 * (which may hold a key twice, so that mutations can duplicate keys), their mutations, and a
 * YAML emitter for them.
 */
final class WorkflowGen {
  /** A mapping that keeps every entry in order, duplicates included. */
  static final class Map {
    final List<String> keys = new ArrayList<>();
    final List<Object> values = new ArrayList<>();

    Map put(String k, Object v) {
      keys.add(k);
      values.add(v);
      return this;
    }
  }

  private final Random r;

  WorkflowGen(long seed) {
    this.r = new Random(seed);
  }

  // ---- valid workflows

  Map workflow() {
    Map m = new Map().put("version", 1L);
    if (r.nextBoolean()) m.put("name", "wf-" + r.nextInt(100));
    if (r.nextInt(4) == 0) m.put("seed", (long) r.nextInt(1000));
    List<Object> tasks = new ArrayList<>();
    Map strategy = strategy();
    m.put("strategy", strategy);
    int n = 1 + r.nextInt(4);
    for (int k = 0; k < n; k++) tasks.add(task("t" + k, 0, false));
    m.put("tasks", tasks);
    awaitNames(strategy, tasks);
    if (r.nextBoolean()) m.put("after", new Map().put("sleep", delay()));
    if (r.nextInt(4) == 0) m.put("expect", new Map().put("outcome", new Map().put("status", "returned")));
    return m;
  }

  private Map strategy() {
    String[] kinds = {"gather", "taskgroup", "as_completed", "wait", "create_task"};
    String kind = kinds[r.nextInt(kinds.length)];
    Map s = new Map().put("kind", kind);
    switch (kind) {
      case "gather" -> {
        if (r.nextBoolean()) s.put("return_exceptions", r.nextBoolean());
      }
      case "as_completed" -> {
        if (r.nextBoolean()) s.put("on_error", r.nextBoolean() ? "continue" : "cancel_remaining");
      }
      case "wait" -> {
        if (r.nextBoolean()) s.put("return_when", "FIRST_COMPLETED");
        if (r.nextBoolean()) s.put("cancel_pending", true);
      }
      default -> {}
    }
    if (r.nextInt(3) == 0) s.put("timeout", 0.5 + r.nextInt(4));
    return s;
  }

  private void awaitNames(Map strategy, List<Object> tasks) {
    if (!"create_task".equals(strategy.values.get(0)) || r.nextBoolean()) return;
    List<Object> names = new ArrayList<>();
    for (Object t : tasks) {
      Map tm = (Map) t;
      if (!tm.keys.contains("count")) names.add(tm.values.get(0));
    }
    strategy.put("await", names);
  }

  private Object delay() {
    return switch (r.nextInt(4)) {
      case 0 -> 0L;
      case 1 -> new Map().put("uniform", list(0.0, 1.0 + r.nextInt(3)));
      default -> r.nextInt(20) / 10.0;
    };
  }

  private Map task(String name, int depth, boolean counted) {
    boolean count = !counted && r.nextInt(5) == 0;
    Map t = new Map().put("name", count ? name + "-{i}" : name);
    if (count) t.put("count", (long) (1 + r.nextInt(4)));
    boolean c = counted || count;
    switch (depth < 2 ? r.nextInt(3) : 0) {
      case 0 -> {
        if (r.nextBoolean()) t.put("delay", delay());
        if (r.nextInt(3) == 0) t.put("fail", r.nextBoolean() ? "ValueError" : new Map().put("type", "KeyError").put("message", c ? "k{i}" : "k"));
        else if (r.nextBoolean()) t.put("result", value(c));
      }
      case 1 -> t.put("steps", steps(name, depth, c));
      default -> {
        List<Object> tasks = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) tasks.add(task(name + "." + k + (c ? "-{i}" : ""), depth + 1, c));
        Map g = new Map().put("strategy", strategy()).put("tasks", tasks);
        awaitNames((Map) g.values.get(0), tasks);
        if (r.nextBoolean()) g.put("after", new Map().put("sleep", delay()));
        t.put("group", g);
      }
    }
    if (r.nextInt(4) == 0) {
      Map oc = new Map().put("steps", list(new Map().put("log", "cleanup")));
      if (r.nextBoolean()) oc.put("then", "suppress").put("result", value(c));
      t.put("on_cancel", oc);
    }
    return t;
  }

  private List<Object> steps(String name, int depth, boolean counted) {
    List<Object> steps = new ArrayList<>();
    int n = r.nextInt(4);
    for (int k = 0; k < n; k++) {
      switch (r.nextInt(3)) {
        case 0 -> steps.add(new Map().put("sleep", delay()));
        case 1 -> steps.add(new Map().put("log", counted ? "step {i}" : "step " + k));
        default -> steps.add(new Map().put("spawn", task(name + ".s" + k + (counted ? "-{i}" : ""), depth + 1, counted)));
      }
    }
    if (r.nextBoolean()) steps.add(new Map().put("return", value(counted)));
    return steps;
  }

  private Object value(boolean counted) {
    return switch (r.nextInt(7)) {
      case 0 -> null;
      case 1 -> r.nextBoolean();
      case 2 -> (long) r.nextInt(1000) - 500;
      case 3 -> r.nextInt(100) / 8.0;
      case 4 -> counted ? "{i}" : "text";
      case 5 -> list(1L, "two", 3.0);
      default -> new Map().put("answer", 42L).put("nested", list(true));
    };
  }

  // ---- mutations

  static final Object[] RETYPES = {
    null, true, 42L, -1L, 1.5, "str", "{i}", "yes", "empty list", "empty map", "pair", "deep", "long", "controls"
  };

  /** Characters a terminal interprets: ESC sequences, OSC, BEL, CR, a newline, C1 CSI, U+202E. */
  static final String CONTROLS = "\u001b]0;title\u0007\u001b[2J\r\nforged\u009b31m\u202e";

  /**
   * A fresh retyped value (containers are new, so that later mutations stay local); some are
   * hostile: a list nested 600 deep, a 15,000-character name, control characters.
   */
  Object retype() {
    Object v = RETYPES[r.nextInt(RETYPES.length)];
    if ("empty list".equals(v)) return new ArrayList<>();
    if ("empty map".equals(v)) return new Map();
    if ("pair".equals(v)) return list(1L, 2L);
    if ("deep".equals(v)) return deep(400 + r.nextInt(400));
    if ("long".equals(v)) return "n".repeat(12_000 + r.nextInt(6_000));
    if ("controls".equals(v)) return "x" + CONTROLS;
    return v;
  }

  private static Object deep(int levels) {
    Object v = 1L;
    for (int k = 0; k < levels; k++) v = list(v);
    return v;
  }

  static List<Object> list(Object... items) {
    return new ArrayList<>(java.util.Arrays.asList(items));
  }
  static final String[] KEYS = {"name", "count", "delay", "result", "fail", "steps", "group", "on_cancel", "kind", "tasks", "sleep", "log", "spawn", "return", "raise", "after", "strategy", "uniform", "then", "await", "timeout", "version", "expect"};

  /** One change to the tree: delete, duplicate, retype or rename a key, or change a list. */
  void mutateTree(Map root) {
    List<Object> containers = new ArrayList<>();
    collect(root, containers);
    Object c = containers.get(r.nextInt(containers.size()));
    if (c instanceof Map m && !m.keys.isEmpty()) {
      int k = r.nextInt(m.keys.size());
      switch (r.nextInt(4)) {
        case 0 -> {
          m.keys.remove(k);
          m.values.remove(k);
        }
        case 1 -> m.put(m.keys.get(k), r.nextBoolean() ? m.values.get(k) : retype());
        case 2 -> m.values.set(k, retype());
        default -> m.keys.set(k, r.nextBoolean() ? KEYS[r.nextInt(KEYS.length)] : typo(m.keys.get(k)));
      }
    } else if (c instanceof List<?> l && !l.isEmpty()) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) l;
      int k = r.nextInt(list.size());
      switch (r.nextInt(3)) {
        case 0 -> list.remove(k);
        case 1 -> list.add(list.get(k));
        default -> list.set(k, retype());
      }
    }
  }

  private String typo(String s) {
    if (s.isEmpty()) return "x";
    int k = r.nextInt(s.length());
    return switch (r.nextInt(3)) {
      case 0 -> s.substring(0, k) + s.substring(k + 1);
      case 1 -> s.substring(0, k) + (char) ('a' + r.nextInt(26)) + s.substring(k);
      default -> k + 1 < s.length() ? s.substring(0, k) + s.charAt(k + 1) + s.charAt(k) + s.substring(k + 2) : s + s;
    };
  }

  private static void collect(Object node, List<Object> out) {
    if (node instanceof Map m) {
      out.add(m);
      for (Object v : m.values) collect(v, out);
    } else if (node instanceof List<?> l) {
      out.add(l);
      for (Object v : l) collect(v, out);
    }
  }

  /** Hostile insertions: deep brackets, a long name, controls (UTF-8 bytes), an alias tower. */
  private String hostile() {
    return switch (r.nextInt(5)) {
      case 0 -> "[".repeat(600) + "]".repeat(600);
      case 1 -> "a".repeat(12_000 + r.nextInt(6_000));
      case 2 -> new String(("\"" + CONTROLS + "\"").getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      case 3 -> "\u001b[2J\u0007\r";
      default -> "&t [" + "x".repeat(1000) + "] *t *t *t";
    };
  }

  /**
   * One change to the bytes: truncate, insert garbage, delete or repeat a line, a stray sign, or
   * a hostile insertion.
   */
  byte[] mutateBytes(byte[] in) {
    if (in.length == 0) return in;
    int at = r.nextInt(in.length);
    String s = new String(in, StandardCharsets.ISO_8859_1);
    String out =
        switch (r.nextInt(6)) {
          case 5 -> s.substring(0, at) + hostile() + s.substring(at);
          case 0 -> s.substring(0, at);
          case 1 -> {
            StringBuilder g = new StringBuilder();
            for (int k = 1 + r.nextInt(8); k > 0; k--) g.append((char) r.nextInt(256));
            yield s.substring(0, at) + g + s.substring(at);
          }
          case 2 -> {
            int start = s.lastIndexOf('\n', at) + 1;
            int end = s.indexOf('\n', at);
            yield s.substring(0, start) + (end < 0 ? "" : s.substring(end + 1));
          }
          case 3 -> {
            int start = s.lastIndexOf('\n', at) + 1;
            int end = s.indexOf('\n', at);
            String line = s.substring(start, end < 0 ? s.length() : end + 1);
            yield s.substring(0, start) + line + line + s.substring(start + line.length());
          }
          default -> {
            String signs = ":{}[]&*!|>#'\"\t-?,%@`";
            yield s.substring(0, at) + signs.charAt(r.nextInt(signs.length())) + s.substring(at + 1);
          }
        };
    return out.getBytes(StandardCharsets.ISO_8859_1);
  }

  int nextInt(int bound) {
    return r.nextInt(bound);
  }

  // ---- YAML

  static String yaml(Object root) {
    StringBuilder b = new StringBuilder();
    block(root, "", b);
    return b.toString();
  }

  private static void block(Object v, String indent, StringBuilder b) {
    if (v instanceof Map m && !m.keys.isEmpty()) {
      for (int k = 0; k < m.keys.size(); k++) {
        b.append(indent).append(scalar(m.keys.get(k))).append(':');
        entry(m.values.get(k), indent, b);
      }
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      for (Object item : l) {
        b.append(indent).append('-');
        entry(item, indent, b);
      }
    } else {
      b.append(indent).append(scalar(v)).append('\n');
    }
  }

  private static void entry(Object v, String indent, StringBuilder b) {
    if ((v instanceof Map m && !m.keys.isEmpty()) || (v instanceof List<?> l && !l.isEmpty())) {
      b.append('\n');
      block(v, indent + "  ", b);
    } else {
      b.append(' ').append(scalar(v)).append('\n');
    }
  }

  private static String scalar(Object v) {
    return switch (v) {
      case null -> "null";
      case Map m -> "{}";
      case List<?> l -> "[]";
      case String s -> YamlNode.quote(s);
      case Double d -> Values.pythonRepr(d);
      default -> v.toString();
    };
  }
}
