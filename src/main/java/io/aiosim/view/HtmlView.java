package io.aiosim.view;

import static io.aiosim.view.Page.escape;

import io.aiosim.dsl.Workflow;
import io.aiosim.report.Lanes;
import io.aiosim.report.PyNumbers;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.RunResult;
import io.aiosim.report.TextView;
import io.aiosim.report.TimelineView;
import io.aiosim.report.ValueText;
import io.aiosim.report.Warning;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * A report as one self-contained HTML page ({@code --format html}): the picture ({@link
 * SvgTimeline}), the outcome and warnings in plain text, and the {@code --format json} report
 * embedded verbatim in {@code <script type="application/json" id="aiosim-report">} for tools,
 * with {@code </} and {@code <!--} escaped ({@code <\/}, {@code <\u0021--}) so that no string in
 * it can end the script early. The same run gives the same bytes, so a page can be a golden.
 * Big runs stay usable: at most {@link #LANES} lanes are drawn (a band counts all tasks), at most
 * {@link #WARNINGS} warnings listed, and a report over {@link #EMBED_LIMIT} characters is left
 * out of the page, which says so.
 */
public final class HtmlView {
  public static final int LANES = 300;
  public static final int WARNINGS = 100;
  public static final int EMBED_LIMIT = 5_000_000;
  public static final String REPORT_ID = "aiosim-report";

  private HtmlView() {}

  /** {@code w} may be null: the lanes then show only what the report says. */
  public static void write(RunResult r, Workflow w, PrintWriter out) {
    out.print(page(r, w));
  }

  public static String page(RunResult r, Workflow w) {
    StringBuilder out = new StringBuilder(64 * 1024);
    Page.open(out, r.workflow() + " — aiosim", "");
    out.append("<header>\n<h1>").append(escape(r.workflow())).append("</h1>\n<p class=\"sub\">")
        .append(escape(r.strategy().kind().key())).append(", ").append(escape(r.clock())).append(" clock, asyncio of Python ")
        .append(escape(r.python())).append(", finished at ").append(PyNumbers.seconds(r.finishedAtNs())).append(" s</p>\n");
    if (w != null && w.description() != null) {
      out.append("<p>").append(escape(w.description())).append("</p>\n");
    }
    out.append("</header>\n<main>\n<figure>\n");
    Lanes lanes = Lanes.of(r, w, LANES);
    SvgTimeline.write(out, r, lanes);
    out.append("</figure>\n");
    notes(out, r, lanes);
    out.append("<h2>Outcome</h2>\n<p>").append(escape(TextView.outcome(r, w, ns -> PyNumbers.seconds(ns) + " s", 300))).append(".</p>\n<p>")
        .append(escape(TimelineView.counts(r.tasks()))).append(".</p>\n");
    warnings(out, r.warnings());
    String json = json(r);
    if (json == null) {
      out.append("<p class=\"note\">The JSON report has more than ").append(ValueText.count(EMBED_LIMIT))
          .append(" characters and is not embedded in this page; <code>aiosim run</code> prints it.</p>\n");
    } else {
      out.append("<p class=\"note\">The <code>--format json</code> report is embedded in this page: ")
          .append("<code>script#").append(REPORT_ID).append("</code>.</p>\n");
    }
    out.append("</main>\n");
    if (json != null) {
      out.append("<script type=\"application/json\" id=\"").append(REPORT_ID).append("\">");
      embed(out, json);
      out.append("</script>\n");
    }
    Page.close(out);
    return out.toString();
  }

  private static void notes(StringBuilder out, RunResult r, Lanes lanes) {
    if (lanes.hidden() > 0) {
      out.append("<p class=\"note\">Main and the first ").append(ValueText.count(lanes.lanes().size() - 1)).append(" of ")
          .append(ValueText.count(r.tasks().size())).append(" tasks are drawn (")
          .append(ValueText.count(lanes.hidden())).append(" are not); the band at the top counts all of them.</p>\n");
    }
    if (!r.events().recording()) {
      out.append("<p class=\"note\">The run left its events out (<code>--no-events</code>): lanes show starts, ends and")
          .append(" what the steps say, without logs or cancels.</p>\n");
    }
  }

  private static void warnings(StringBuilder out, List<Warning> warnings) {
    out.append("<h2>Warnings</h2>\n");
    if (warnings.isEmpty()) {
      out.append("<p>None.</p>\n");
      return;
    }
    out.append("<ul>\n");
    for (int i = 0; i < Math.min(WARNINGS, warnings.size()); i++) {
      Warning w = warnings.get(i);
      out.append("<li>").append(escape(w.message()));
      if (w.task() != null) {
        out.append(" (<code>").append(escape(w.task())).append("</code>")
            .append(w.error() == null ? "" : ": " + escape(ValueText.error(w.error(), 200))).append(')');
      }
      out.append("</li>\n");
    }
    if (warnings.size() > WARNINGS) {
      out.append("<li>… ").append(ValueText.count(warnings.size() - WARNINGS)).append(" more</li>\n");
    }
    out.append("</ul>\n");
  }

  /** The JSON report, or null when it is longer than {@link #EMBED_LIMIT}. */
  private static String json(RunResult r) {
    StringBuilder sb = new StringBuilder();
    try {
      ReportWriter.write(r, new CappedWriter(sb));
    } catch (CappedWriter.Full e) {
      return null;
    }
    return sb.toString();
  }

  /** {@code json} with {@code </} and {@code <!--} escaped, as JSON allows ({@code \/}, {@code \u0021}). */
  static void embed(StringBuilder out, String json) {
    int from = 0;
    for (int i = json.indexOf('<'); i >= 0; i = json.indexOf('<', i + 1)) {
      if (json.startsWith("</", i)) {
        out.append(json, from, i + 1).append('\\');
        from = i + 1;
      } else if (json.startsWith("<!--", i)) {
        out.append(json, from, i + 1).append("\\u0021");
        from = i + 2;
      }
    }
    out.append(json, from, json.length());
  }

  /** A writer that stops the report once it is too long to embed. */
  private static final class CappedWriter extends Writer {
    /** Private control flow: thrown through the report writer and caught right above it. */
    static final class Full extends RuntimeException {
      Full() {
        super(null, null, false, false);
      }
    }

    private final StringBuilder sb;

    CappedWriter(StringBuilder sb) {
      this.sb = sb;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      if (sb.length() + len > EMBED_LIMIT) {
        throw new Full();
      }
      sb.append(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      if (sb.length() + len > EMBED_LIMIT) {
        throw new Full();
      }
      sb.append(s, off, off + len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
