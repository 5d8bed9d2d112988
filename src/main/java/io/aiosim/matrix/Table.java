package io.aiosim.matrix;

import io.aiosim.dsl.Position;
import java.util.List;
import java.util.Map;

/**
 * A matrix library's {@code table.json}: the columns (ways to run tasks), the rows (what the user
 * wants done), and for each row the condition that decides its cells. The cell in row R and
 * column C is decided by running the scenario {@code C-R.yaml} beside the table.
 *
 * @param title the table's heading
 * @param about what the table is, one paragraph
 * @param columns the columns, in order
 * @param rows the rows, in order
 */
public record Table(String title, String about, List<Column> columns, List<Row> rows) {
  public Table {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * @param id the column's part of a scenario's file name
   * @param title the heading, as the seed spells the method
   * @param kind the strategy every scenario of the column must use
   */
  public record Column(String id, String title, String kind) {}

  /**
   * @param id the row's part of a scenario's file name
   * @param title the seed's wording of the row
   * @param shortName the row in a footnote: "gather, {@code cancel the rest}: -"
   * @param criterion what decides the row, in words (printed under the table)
   * @param holds the deciding condition, an {@code expect:} block checked against each run
   * @param cite tasks whose fate the footnotes also tell, beyond those {@code holds} names
   * @param seed the seed table's cell per column id ("✓ ..." or "- ..."); a column may lack one
   * @param notes why a cell differs from the seed, per column id; printed only where it differs
   * @param pos where the row starts in the table file
   */
  public record Row(
      String id,
      String title,
      String shortName,
      String criterion,
      Map<String, Object> holds,
      List<String> cite,
      Map<String, String> seed,
      Map<String, String> notes,
      Position pos) {
    public Row {
      cite = List.copyOf(cite);
      seed = Map.copyOf(seed);
      notes = Map.copyOf(notes);
    }
  }

  /** The scenario file of a cell: {@code gather-cancel-rest.yaml}. */
  public static String scenario(Column column, Row row) {
    return column.id() + "-" + row.id() + ".yaml";
  }
}
