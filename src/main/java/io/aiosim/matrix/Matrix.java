package io.aiosim.matrix;

import io.aiosim.dsl.Diagnostic;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.golden.ExpectCheck;
import io.aiosim.golden.JsonTree;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.RunResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Recomputes a table from runs: every cell's scenario is run, and its row's {@code holds} block
 * (checked as a workflow's {@code expect:} is) decides ✓ or -. Nothing here knows any particular
 * row or column; the table and the scenarios are data.
 */
public final class Matrix {
  private Matrix() {}

  /**
   * One decided cell.
   *
   * @param row the cell's row
   * @param column the cell's column
   * @param scenario the scenario's file name in its library ({@code gather-cancel-rest.yaml})
   * @param holds whether the run met the row's {@code holds}
   * @param options the scenario's strategy options that differ from their defaults ("FIRST_EXCEPTION, cancel_pending")
   * @param facts what decided it, from the run: "boom failed at 0.2", "hello-0.3 completed at 0.3"
   * @param seed the seed table's cell, or null
   * @param note why the cell differs from the seed, or null
   */
  public record Cell(
      Table.Row row,
      Table.Column column, String scenario, boolean holds, String options, List<String> facts, String seed, String note) {
    public String verdict() {
      return holds ? "✓" : "-";
    }

    /** The seed's verdict alone ("✓" of "✓ return exceptions True"), or null. */
    public String seedVerdict() {
      return seed == null ? null : seed.substring(0, 1);
    }

    public boolean differs() {
      return seed != null && !seedVerdict().equals(verdict());
    }
  }

  /** A row with its cells, in column order. */
  public record RowResult(Table.Row row, List<Cell> cells) {}

  /**
   * A recomputed table.
   *
   * @param python the CPython version the runs modelled (the reports' {@code python})
   */
  public record Result(Table table, String python, List<RowResult> rows) {
    /** The cells whose verdict is not the seed's, row by row. */
    public List<Cell> differences() {
      return rows.stream().flatMap(r -> r.cells().stream()).filter(Cell::differs).toList();
    }
  }

  /** The result, or every problem of the library (rendered {@code file:line:col: message}). */
  public record Computed(Result result, List<String> problems) {}

  /** Reads {@code library}'s table and scenarios, checks them all, then runs each cell with {@code run}. */
  public static Computed compute(Library library, Function<Workflow, RunResult> run) {
    List<String> problems = new ArrayList<>();
    String tableText = read(library, Library.TABLE, problems);
    if (tableText == null) {
      if (problems.isEmpty()) problems.add(library.label(Library.TABLE) + ": no such file (a matrix library holds table.json and its scenarios)");
      return new Computed(null, problems);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    Table table = TableReader.read(library.label(Library.TABLE), tableText, diagnostics);
    if (table == null) {
      diagnostics.forEach(d -> problems.add(d.render(tableText)));
      return new Computed(null, problems);
    }
    // Every scenario is read and checked before anything runs, as `aiosim run` does.
    Workflow[][] workflows = new Workflow[table.rows().size()][table.columns().size()];
    for (int r = 0; r < table.rows().size(); r++) {
      for (int c = 0; c < table.columns().size(); c++) {
        workflows[r][c] = scenario(library, table, table.rows().get(r), table.columns().get(c), problems);
      }
    }
    if (!problems.isEmpty()) return new Computed(null, problems);
    List<RowResult> rows = new ArrayList<>();
    String python = null;
    for (int r = 0; r < table.rows().size(); r++) {
      Table.Row row = table.rows().get(r);
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < table.columns().size(); c++) {
        Table.Column column = table.columns().get(c);
        String label = library.label(Table.scenario(column, row));
        JsonNode report = JsonTree.parseOwn(ReportWriter.toJson(run.apply(workflows[r][c])));
        python = report.path("python").asString(python);
        Cell cell = decide(row, column, label, report, problems);
        if (cell != null) cells.add(cell);
      }
      rows.add(new RowResult(row, cells));
    }
    return problems.isEmpty() ? new Computed(new Result(table, python, rows), List.of()) : new Computed(null, problems);
  }

  private static String read(Library library, String name, List<String> problems) {
    try {
      return library.read(name);
    } catch (IOException e) {
      problems.add(library.label(name) + ": cannot read the file: " + e.getMessage());
      return null;
    }
  }

  /** The cell's scenario, checked: it exists, is valid, and uses its column's strategy. */
  private static Workflow scenario(Library library, Table table, Table.Row row, Table.Column column, List<String> problems) {
    String name = Table.scenario(column, row);
    String text = read(library, name, problems);
    if (text == null) {
      problems.add(row.pos() + ": no scenario " + library.label(name) + " for the cell (" + row.id() + ", " + column.id()
          + "): every cell is decided by the run of COLUMN-ROW.yaml beside " + Library.TABLE);
      return null;
    }
    WorkflowReader.Loaded loaded = WorkflowReader.read(library.label(name), text);
    if (loaded.workflow() == null) {
      loaded.diagnostics().forEach(d -> problems.add(d.render(text)));
      return null;
    }
    String kind = loaded.workflow().strategy().kind().key();
    if (!kind.equals(column.kind())) {
      problems.add(library.label(name) + ": the column " + column.title() + " runs strategy kind " + column.kind()
          + ", this scenario uses " + kind);
    }
    return loaded.workflow();
  }

  private static Cell decide(Table.Row row, Table.Column column, String label, JsonNode report, List<String> problems) {
    Set<String> created = new HashSet<>();
    report.path("tasks").forEach(t -> created.add(t.path("name").asString()));
    for (String name : named(row)) {
      if (!created.contains(name)) {
        problems.add(row.pos() + ": the row '" + row.id() + "' names the task " + name + ", which " + label + " does not create");
      }
    }
    if (!problems.isEmpty()) return null;
    boolean holds = ExpectCheck.check(row.holds(), report).isEmpty();
    return new Cell(
        row, column, Table.scenario(column, row), holds, options(report.path("strategy")), Facts.of(row.holds(), row.cite(), report),
        row.seed().get(column.id()), row.notes().get(column.id()));
  }

  /** The tasks a row's {@code holds} and {@code cite} name (main aside). */
  private static Set<String> named(Table.Row row) {
    Set<String> names = new LinkedHashSet<>(row.cite());
    if (row.holds().get("tasks") instanceof Map<?, ?> tasks) tasks.keySet().forEach(k -> names.add(String.valueOf(k)));
    if (row.holds().get("events") instanceof List<?> events) {
      for (Object e : events) {
        if (e instanceof Map<?, ?> m && m.get("task") instanceof String t && !t.equals("main")) names.add(t);
      }
    }
    return names;
  }

  /** The report's strategy echo without its defaults (SPEC 2): a flag by its name, a choice by its value. */
  static String options(JsonNode strategy) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : strategy.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (key.equals("kind") || v.isNull() || (v.isBoolean() && !v.booleanValue())) continue;
      if (v.isString() && DEFAULT_CHOICES.contains(v.stringValue())) continue;
      if (v.isBoolean()) parts.add(key);
      else if (v.isString()) parts.add(v.stringValue());
      else parts.add(key + "=" + JsonTree.compact(v));
    }
    return String.join(", ", parts);
  }

  /** The choices a strategy makes when none is given: on_error, return_when. */
  private static final Set<String> DEFAULT_CHOICES = Set.of("continue", "ALL_COMPLETED");
}
