package io.aiosim.view;

import io.aiosim.dsl.TerminalText;
import java.util.Locale;

/**
 * The frame every aiosim HTML page shares: one self-contained document (inline CSS, no network
 * resource, no script needed to read it), its look, and HTML escaping. A page is {@link #open},
 * its body appended, then {@link #close}.
 */
public final class Page {
  /** The shared look: readable type, tables, and the picture's colours (SVG classes). */
  public static final String CSS =
      """
      :root { color-scheme: light; --ink: #212529; --muted: #6c757d; --line: #dee2e6; }
      body { margin: 24px auto; max-width: 1180px; padding: 0 16px; color: var(--ink);
        font: 14px/1.45 system-ui, "DejaVu Sans", "Liberation Sans", sans-serif; background: #fff; }
      h1 { font-size: 22px; margin: 0 0 4px; }
      h2 { font-size: 16px; margin: 20px 0 6px; }
      p { margin: 4px 0; }
      code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px; }
      .sub, .note { color: var(--muted); }
      table { border-collapse: collapse; margin: 6px 0; }
      th, td { border-bottom: 1px solid var(--line); padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
      th { font-weight: 600; }
      figure { margin: 12px 0; overflow-x: auto; }
      svg text { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; fill: var(--ink); }
      svg .axis text, svg .detail, svg .legend text { fill: #495057; }
      svg .grid { stroke: #f1f3f5; }
      svg .axis line, svg .axis path { stroke: #adb5bd; }
      svg .stripe { fill: #f8f9fa; }
      svg .sleep { fill: #a5d8ff; stroke: #74c0fc; }
      svg .await { fill: #f1f3f5; stroke: #868e96; stroke-dasharray: 3 2; }
      svg .main-step { fill: #e6fcf5; stroke: #0ca678; }
      svg .step-label { font-size: 11px; fill: #087f5b; }
      svg .cleanup { fill: #ffc078; stroke: #f76707; }
      svg .shutdown { stroke: #868e96; stroke-dasharray: 2 3; }
      svg .run { fill: #212529; }
      svg .log { fill: #495057; }
      svg .completed { fill: #2f9e44; }
      svg .failed { fill: #e03131; }
      svg .cancelled { fill: #7048e8; }
      svg .pending { fill: #f08c00; }
      svg .yield { fill: #1971c2; }
      svg .alive { fill: #a5d8ff; stroke: #1c7ed6; }
      svg .spawn { stroke: #adb5bd; }
      svg .c-strategy { stroke: #d6336c; fill: #d6336c; }
      svg .c-timeout { stroke: #f08c00; fill: #f08c00; }
      svg .c-parent { stroke: #7048e8; fill: #7048e8; }
      svg .c-shutdown { stroke: #343a40; fill: #343a40; }
      svg .name-main { font-weight: bold; }
      """;

  private Page() {}

  /** The document up to and including {@code <body>}. */
  public static void open(StringBuilder out, String title, String extraCss) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n")
        .append(CSS).append(extraCss).append("</style>\n</head>\n<body>\n");
  }

  public static void close(StringBuilder out) {
    out.append("</body>\n</html>\n");
  }

  /** Text for HTML and SVG content and attribute values; control characters as TerminalText. */
  public static String escape(String text) {
    String s = TerminalText.escape(text);
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      String rep =
          switch (s.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (rep != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        sb.append(rep != null ? rep : s.charAt(i));
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** A coordinate with at most one decimal, the same bytes on every machine. */
  public static String px(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }
}
