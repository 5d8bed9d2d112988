package io.aiosim.matrix;

import io.aiosim.dsl.Diagnostic;
import io.aiosim.dsl.Position;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code table.json} to a {@link Table}, or to every problem in it with its position. The
 * {@code holds} blocks are checked for shape here, so that a misspelt key is an input error and
 * never a cell that silently reads "-".
 */
final class TableReader {
  private static final List<String> TOP = List.of("title", "about", "columns", "rows");
  private static final List<String> COLUMN = List.of("id", "title", "kind");
  private static final List<String> ROW =
      List.of("id", "title", "short", "criterion", "holds", "cite", "seed", "notes");
  private static final List<String> KINDS = List.of("gather", "taskgroup", "as_completed", "wait", "create_task");
  /** What {@code holds} may check: the keys of a report (SPEC 6), part by part. */
  private static final List<String> HOLDS_KEYS = List.of("outcome", "tasks", "events", "warnings");
  private static final Map<String, List<String>> HOLDS =
      Map.of(
          "outcome", List.of("status", "at", "value", "error"),
          "tasks", List.of("state", "result", "error", "cancelled_by", "started_at", "finished_at", "parent"),
          "events", List.of("t", "task", "event", "message", "by", "result", "error", "item", "value"),
          "warnings", List.of("message", "task", "error"));
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  private final List<Diagnostic> problems = new ArrayList<>();

  private TableReader() {}

  /** The table, or null with {@code problems} filled. */
  static Table read(String label, String text, List<Diagnostic> problems) {
    TableReader r = new TableReader();
    Located root = Located.parse(label, text, r.problems);
    Table table = root == null ? null : r.table(root);
    problems.addAll(r.problems);
    return r.problems.isEmpty() ? table : null;
  }

  private Table table(Located root) {
    Map<String, Located> m = mapping(root, "the table", TOP);
    if (m == null) return null;
    List<Table.Column> columns = new ArrayList<>();
    for (Located c : list(m.get("columns"), "columns", root.pos())) {
      Map<String, Located> cm = mapping(c, "a column", COLUMN);
      if (cm == null) continue;
      String kind = string(cm.get("kind"), "kind", c.pos());
      if (kind != null && !KINDS.contains(kind)) {
        error(cm.get("kind").pos(), "kind: expected one of " + String.join(", ", KINDS) + ", got \"" + kind + "\"");
      }
      columns.add(new Table.Column(id(cm.get("id"), c.pos()), string(cm.get("title"), "title", c.pos()), kind));
    }
    unique(columns.stream().map(Table.Column::id).toList(), "column", root.pos());
    Set<String> columnIds = new HashSet<>(columns.stream().map(Table.Column::id).toList());
    List<Table.Row> rows = new ArrayList<>();
    for (Located r : list(m.get("rows"), "rows", root.pos())) {
      Table.Row row = row(r, columnIds);
      if (row != null) rows.add(row);
    }
    unique(rows.stream().map(Table.Row::id).toList(), "row", root.pos());
    return new Table(
        string(m.get("title"), "title", root.pos()), optional(m.get("about"), "about"), columns, rows);
  }

  private Table.Row row(Located r, Set<String> columnIds) {
    Map<String, Located> m = mapping(r, "a row", ROW);
    if (m == null) return null;
    Map<String, Object> holds = holds(m.get("holds"), r.pos());
    List<String> cite = new ArrayList<>();
    if (m.containsKey("cite")) {
      for (Located c : list(m.get("cite"), "cite", r.pos())) cite.add(string(c, "cite", r.pos()));
    }
    return new Table.Row(
        id(m.get("id"), r.pos()),
        string(m.get("title"), "title", r.pos()),
        string(m.get("short"), "short", r.pos()),
        string(m.get("criterion"), "criterion", r.pos()),
        holds,
        cite,
        byColumn(m.get("seed"), "seed", columnIds, true),
        byColumn(m.get("notes"), "notes", columnIds, false),
        r.pos());
  }

  /** The {@code holds} block: an expect block over outcome, tasks, events and warnings. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> holds(Located h, Position rowPos) {
    if (h == null) {
      error(rowPos, "a row needs 'holds': the expect block that decides its cells");
      return Map.of();
    }
    Map<String, Located> m = mapping(h, "holds (an expect block)", HOLDS_KEYS);
    if (m == null) return Map.of();
    if (m.isEmpty()) error(h.pos(), "holds: expected at least one of outcome, tasks, events, warnings");
    for (Map.Entry<String, Located> e : m.entrySet()) {
      List<String> fields = HOLDS.get(e.getKey());
      if (fields == null) continue;
      switch (e.getKey()) {
        case "outcome" -> mapping(e.getValue(), "outcome", fields);
        case "tasks" -> {
          Map<String, Located> tasks = mapping(e.getValue(), "tasks (task name -> fields)", null);
          if (tasks != null) tasks.values().forEach(t -> mapping(t, "a task's expected fields", fields));
        }
        default -> list(e.getValue(), e.getKey(), h.pos()).forEach(i -> mapping(i, "an expected item", fields));
      }
    }
    return (Map<String, Object>) h.plain();
  }

  /** {@code {column id: text}}; {@code seed} cells must read ✓ or - first, as the seed's do. */
  private Map<String, String> byColumn(Located node, String key, Set<String> columnIds, boolean verdicts) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null) return out;
    Map<String, Located> m = mapping(node, key + " (column id -> text)", null);
    if (m == null) return out;
    for (Map.Entry<String, Located> e : m.entrySet()) {
      if (!columnIds.contains(e.getKey())) {
        error(node.keys().get(e.getKey()), key + ": no column '" + e.getKey() + "' (columns: " + String.join(", ", columnIds.stream().sorted().toList()) + ")");
        continue;
      }
      String text = string(e.getValue(), key, node.pos());
      if (text == null) continue;
      if (verdicts && !(text.startsWith("✓") || text.startsWith("-"))) {
        error(e.getValue().pos(), key + "." + e.getKey() + ": expected a cell starting with ✓ or -, got \"" + text + "\"");
      }
      out.put(e.getKey(), text);
    }
    return out;
  }

  /** A mapping whose keys are all in {@code allowed} (null: any key), or null after an error. */
  private Map<String, Located> mapping(Located node, String what, List<String> allowed) {
    Map<String, Located> m = node.map();
    if (m == null) {
      error(node.pos(), "expected " + what + ", got " + node.describe());
      return null;
    }
    if (allowed != null) {
      for (String k : m.keySet()) {
        if (!allowed.contains(k)) {
          error(node.keys().get(k), "unknown key '" + k + "' in " + what + "; expected one of: " + String.join(", ", allowed));
        }
      }
    }
    return m;
  }

  private List<Located> list(Located node, String key, Position parent) {
    if (node == null) {
      error(parent, "missing '" + key + "'");
      return List.of();
    }
    if (node.list() == null) {
      error(node.pos(), key + ": expected a list, got " + node.describe());
      return List.of();
    }
    return node.list();
  }

  private String string(Located node, String key, Position parent) {
    if (node == null) {
      error(parent, "missing '" + key + "'");
      return null;
    }
    if (!(node.value() instanceof String s) || s.isBlank()) {
      error(node.pos(), key + ": expected a non-empty string, got " + node.describe());
      return null;
    }
    return s;
  }

  private String optional(Located node, String key) {
    return node == null ? null : string(node, key, node.pos());
  }

  /** An id is part of a file name: lower case, digits, {@code - _ .}. */
  private String id(Located node, Position parent) {
    String s = string(node, "id", parent);
    if (s != null && !ID.matcher(s).matches()) {
      error(node.pos(), "id: expected lower-case letters, digits, '-', '_' or '.' (it names scenario files), got \"" + s + "\"");
    }
    return s;
  }

  private void unique(List<String> ids, String what, Position pos) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (id != null && !seen.add(id)) error(pos, "two " + what + "s have the id '" + id + "'");
    }
  }

  private void error(Position pos, String message) {
    problems.add(new Diagnostic(pos, message));
  }
}
