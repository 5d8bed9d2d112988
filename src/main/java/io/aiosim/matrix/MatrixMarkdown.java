package io.aiosim.matrix;

import java.io.PrintWriter;
import java.util.List;

/**
 * The recomputed table as Markdown, in the seed's shape (rows: what you want done; columns:
 * the methods): each cell ✓ or -, its options, a note number; then the cells that disagree with
 * the seed, what decides each row, and the numbered notes telling what decided each cell.
 */
public final class MatrixMarkdown {
  private MatrixMarkdown() {}

  public static void write(Matrix.Result result, PrintWriter out) {
    Table table = result.table();
    out.println("# " + table.title() + ", recomputed");
    out.println();
    if (table.about() != null) {
      out.println(table.about());
      out.println();
    }
    out.println("Each run models CPython " + result.python() + "'s asyncio (`aiosim matrix`).");
    out.println();
    table(result, out);
    List<Matrix.Cell> differences = result.differences();
    if (!differences.isEmpty()) {
      out.println();
      differences(result, out);
    }
    out.println();
    out.println("## What decides each row");
    out.println();
    for (Matrix.RowResult r : result.rows()) {
      out.println("- **" + r.row().shortName() + "**: " + r.row().criterion());
    }
    out.println();
    out.println("## What decided each cell");
    out.println();
    int n = 0;
    for (Matrix.RowResult r : result.rows()) {
      for (Matrix.Cell c : r.cells()) {
        out.println(++n + ". " + note(c));
      }
    }
    out.flush();
  }

  /** The table alone: the header row, then one line per row. */
  static void table(Matrix.Result result, PrintWriter out) {
    StringBuilder head = new StringBuilder("| **Scenario** |");
    StringBuilder rule = new StringBuilder("| --- |");
    for (Table.Column c : result.table().columns()) {
      head.append(" **").append(c.title()).append("** |");
      rule.append(" :---: |");
    }
    out.println(head);
    out.println(rule);
    int n = 0;
    for (Matrix.RowResult r : result.rows()) {
      StringBuilder line = new StringBuilder("| " + r.row().title() + " |");
      for (Matrix.Cell c : r.cells()) {
        line.append(' ').append(cell(c, ++n)).append(" |");
      }
      out.println(line);
    }
  }

  /** "✓ FIRST_EXCEPTION, cancel_pending [5]"; a cell that disagrees: "**-** (seed: ✓) [3]". */
  static String cell(Matrix.Cell c, int number) {
    String verdict = c.differs() ? "**" + c.verdict() + "**" : c.verdict();
    String options = c.options().isEmpty() ? "" : " " + c.options();
    String seed = c.differs() ? " (seed: " + c.seedVerdict() + ")" : "";
    return verdict + options + seed + " [" + number + "]";
  }

  private static void differences(Matrix.Result result, PrintWriter out) {
    out.println("## Where the runs disagree with the seed's table");
    out.println();
    for (Matrix.Cell c : result.differences()) {
      out.println("- " + disagreement(c));
    }
  }

  /** "**gather, cancel the rest**: the seed says ✓, the run says -: boom failed at 0.2 and ... NOTE". */
  static String disagreement(Matrix.Cell c) {
    return "**" + c.column().title() + ", " + c.row().shortName() + "**: the seed says " + c.seedVerdict()
        + ", the run says " + c.verdict() + ": " + Facts.join(c.facts()) + "." + (c.note() == null ? "" : " " + c.note());
  }

  /** "gather, cancel the rest: -, boom failed at 0.2 and hello-0.3 completed at 0.3 (`gather-cancel-rest.yaml`)". */
  static String note(Matrix.Cell c) {
    return c.column().title() + ", " + c.row().shortName() + ": " + c.verdict() + ", " + Facts.join(c.facts())
        + " (`" + c.scenario() + "`)";
  }
}
