package io.aiosim.dsl;

/** A user's mistake in a workflow file: a value, never an exception (SPEC section 7). */
public record Diagnostic(Position position, String message) {
  @Override
  public String toString() {
    return position + ": " + message;
  }

  /**
   * {@code file:line:col: message}, then the source line and a caret under the column, as gojq
   * prints its errors; only the first line when the position is outside {@code sourceText}.
   */
  public String render(String sourceText) {
    String head = toString();
    if (sourceText == null || position.line() < 1 || position.column() < 1) return head;
    int start = 0;
    for (int l = 1; l < position.line(); l++) {
      int nl = sourceText.indexOf('\n', start);
      if (nl < 0) return head;
      start = nl + 1;
    }
    int end = sourceText.indexOf('\n', start);
    String line = sourceText.substring(start, end < 0 ? sourceText.length() : end);
    if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
    StringBuilder caret = new StringBuilder();
    int col = 1;
    for (int k = 0; k < line.length() && col < position.column(); col++) {
      int cp = line.codePointAt(k);
      caret.append(cp == '\t' ? '\t' : ' ');
      k += Character.charCount(cp);
    }
    return head + "\n" + line + "\n" + caret + "^";
  }
}
