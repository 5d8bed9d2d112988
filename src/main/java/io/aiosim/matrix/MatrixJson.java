package io.aiosim.matrix;

import java.io.PrintWriter;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The recomputed table as JSON: columns, rows with their decided cells, and the disagreements. */
public final class MatrixJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  /** Two-space indents, {@code "key": value} as in the reports, newlines the same on every system. */
  private static final DefaultPrettyPrinter LAYOUT =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private MatrixJson() {}

  public static void write(Matrix.Result result, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("title", result.table().title());
    root.put("python", result.python());
    ArrayNode columns = root.putArray("columns");
    for (Table.Column c : result.table().columns()) {
      columns.addObject().put("id", c.id()).put("title", c.title()).put("kind", c.kind());
    }
    ArrayNode rows = root.putArray("rows");
    for (Matrix.RowResult r : result.rows()) {
      ObjectNode row = rows.addObject();
      row.put("id", r.row().id()).put("title", r.row().title()).put("short", r.row().shortName());
      row.put("criterion", r.row().criterion());
      row.set("holds", MAPPER.valueToTree(r.row().holds()));
      ArrayNode cells = row.putArray("cells");
      for (Matrix.Cell c : r.cells()) {
        ObjectNode cell = cells.addObject();
        cell.put("column", c.column().id()).put("verdict", c.verdict()).put("options", c.options());
        cell.put("seed", c.seed()).put("differs", c.differs()).put("scenario", c.scenario());
        ArrayNode facts = cell.putArray("facts");
        c.facts().forEach(facts::add);
        cell.put("note", c.differs() ? c.note() : null);
      }
    }
    ArrayNode differences = root.putArray("differences");
    for (Matrix.Cell c : result.differences()) {
      differences.addObject()
          .put("row", c.row().id()).put("column", c.column().id()).put("seed", c.seedVerdict()).put("verdict", c.verdict());
    }
    out.println(MAPPER.writer().with(LAYOUT).writeValueAsString(root));
    out.flush();
  }
}
