package io.aiosim.dsl;

import java.util.List;

/** A user's mistake in a workflow file: a value, never an exception (SPEC section 7). */
public record Diagnostic(Position position, String message) {
  /** The widest stretch of a source line that is echoed; a longer line is cut around the column. */
  static final int ECHO_WIDTH = 120;
  /** The longest message printed; the messages quote user text abbreviated, this is a backstop. */
  static final int MESSAGE_WIDTH = 500;

  @Override
  public String toString() {
    return position + ": " + message;
  }

  /**
   * {@code file:line:col: message}, then the source line and a caret under the column, as gojq
   * prints its errors; only the first line when the position is outside {@code sourceText}.
   * Everything is made safe for a terminal ({@link TerminalText}), and a long source line is cut
   * to {@link #ECHO_WIDTH} columns around the caret, marked {@code ...} where it was cut.
   */
  public String render(String sourceText) {
    String head = TerminalText.escape(toString());
    if (head.length() > position.toString().length() + MESSAGE_WIDTH) {
      head = head.substring(0, position.toString().length() + MESSAGE_WIDTH) + "...";
    }
    if (sourceText == null || position.line() < 1 || position.column() < 1) return head;
    int start = 0;
    for (int l = 1; l < position.line(); l++) {
      int nl = sourceText.indexOf('\n', start);
      if (nl < 0) return head;
      start = nl + 1;
    }
    int end = sourceText.indexOf('\n', start);
    if (end < 0) end = sourceText.length();
    if (end > start && sourceText.charAt(end - 1) == '\r') end--;
    // The caret's char index: columns count code points.
    int at = start;
    for (int col = 1; col < position.column() && at < end; col++) {
      at += Character.isHighSurrogate(sourceText.charAt(at)) && at + 1 < end ? 2 : 1;
    }
    int from = at;
    for (int w = 0; from > start && w + TerminalText.width(sourceText, from - 1) <= ECHO_WIDTH / 2; from--) {
      w += TerminalText.width(sourceText, from - 1);
    }
    if (from > start && Character.isLowSurrogate(sourceText.charAt(from))) from++;
    StringBuilder line = new StringBuilder(from > start ? "..." : "");
    StringBuilder caret = new StringBuilder(" ".repeat(line.length()));
    int to = from;
    for (int w = 0; to < end && (to < at || w + TerminalText.width(sourceText, to) <= ECHO_WIDTH); to++) {
      int cw = TerminalText.width(sourceText, to);
      w += cw;
      TerminalText.appendAt(line, sourceText, to);
      boolean secondHalf = to > from && Character.isLowSurrogate(sourceText.charAt(to)) && cw == 1;
      if (to < at && !secondHalf) caret.append(" ".repeat(cw));
    }
    if (to < end) line.append("...");
    return head + "\n" + line + "\n" + caret + "^";
  }

  /** Every diagnostic rendered with its line of {@code source}, each ending with a newline. */
  public static String renderAll(String source, List<Diagnostic> diagnostics) {
    StringBuilder b = new StringBuilder();
    for (Diagnostic d : diagnostics) b.append(d.render(source)).append('\n');
    return b.toString();
  }
}
