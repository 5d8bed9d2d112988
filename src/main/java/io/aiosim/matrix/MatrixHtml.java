package io.aiosim.matrix;

import io.aiosim.view.Page;
import java.io.PrintWriter;

/**
 * The recomputed table as one self-contained HTML page in the pictures' frame ({@link Page}): the
 * same parts as the Markdown, each cell coloured by its verdict, a cell that disagrees with the
 * seed outlined, and each cell linked to the note telling what decided it (also its tooltip).
 */
public final class MatrixHtml {
  /** The table's cells, on top of the shared look. */
  private static final String STYLE =
      """
      table.matrix th, table.matrix td { border: 1px solid #c8c8cc; padding: .35em .6em; }
      table.matrix thead th { background: #f2f2f5; }
      table.matrix tbody th { text-align: left; font-weight: normal; min-width: 18em; }
      table.matrix td { text-align: center; white-space: nowrap; }
      td a { color: inherit; text-decoration: none; }
      td.yes { background: #e3f4e1; }
      td.no { background: #f6f6f6; color: #6b6b70; }
      td.differs { outline: 2px solid #d33c1f; outline-offset: -2px; }
      .verdict { font-weight: bold; font-size: 1.1em; }
      .options, .seed { font-size: .85em; }
      .seed { color: #d33c1f; }
      """;

  private MatrixHtml() {}

  public static void write(Matrix.Result result, PrintWriter out) {
    Table table = result.table();
    StringBuilder head = new StringBuilder();
    Page.open(head, table.title() + ", recomputed", STYLE);
    out.print(head);
    out.println("<h1>" + esc(table.title()) + ", recomputed</h1>");
    if (table.about() != null) out.println("<p>" + inline(table.about()) + "</p>");
    out.println("<p>Each run models CPython " + esc(result.python()) + "'s asyncio (<code>aiosim matrix</code>).</p>");
    out.println("<table class=\"matrix\">");
    out.print("<thead><tr><th>Scenario</th>");
    for (Table.Column c : table.columns()) out.print("<th>" + esc(c.title()) + "</th>");
    out.println("</tr></thead>");
    out.println("<tbody>");
    int n = 0;
    for (Matrix.RowResult r : result.rows()) {
      out.print("<tr><th scope=\"row\">" + inline(r.row().title()) + "</th>");
      for (Matrix.Cell c : r.cells()) {
        n++;
        String cls = (c.holds() ? "yes" : "no") + (c.differs() ? " differs" : "");
        out.print("<td class=\"" + cls + "\" title=\"" + esc(MatrixMarkdown.note(c)) + "\"><a href=\"#note-" + n + "\">");
        out.print("<span class=\"verdict\">" + c.verdict() + "</span>");
        if (!c.options().isEmpty()) out.print(" <span class=\"options\">" + esc(c.options()) + "</span>");
        if (c.differs()) out.print(" <span class=\"seed\">(seed: " + esc(c.seedVerdict()) + ")</span>");
        out.print("</a></td>");
      }
      out.println("</tr>");
    }
    out.println("</tbody>");
    out.println("</table>");
    if (!result.differences().isEmpty()) {
      out.println("<h2>Where the runs disagree with the seed's table</h2>");
      out.println("<ul>");
      for (Matrix.Cell c : result.differences()) {
        out.println("<li>" + inline(MatrixMarkdown.disagreement(c)) + "</li>");
      }
      out.println("</ul>");
    }
    out.println("<h2>What decides each row</h2>");
    out.println("<ul>");
    for (Matrix.RowResult r : result.rows()) {
      out.println("<li><strong>" + esc(r.row().shortName()) + "</strong>: " + inline(r.row().criterion()) + "</li>");
    }
    out.println("</ul>");
    out.println("<h2>What decided each cell</h2>");
    out.println("<ol>");
    n = 0;
    for (Matrix.RowResult r : result.rows()) {
      for (Matrix.Cell c : r.cells()) {
        out.println("<li id=\"note-" + ++n + "\">" + inline(MatrixMarkdown.note(c)) + "</li>");
      }
    }
    out.println("</ol>");
    StringBuilder tail = new StringBuilder();
    Page.close(tail);
    out.print(tail);
    out.flush();
  }

  /** The table's own bits of Markdown, {@code **strong**} and {@code `code`}, on escaped text. */
  private static String inline(String markdown) {
    return esc(markdown)
        .replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>")
        .replaceAll("`([^`]+)`", "<code>$1</code>");
  }

  private static String esc(String s) {
    return Page.escape(s);
  }
}
