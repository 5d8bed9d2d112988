package io.aiosim.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

  /**
   * Every diagnostic of {@code file} rendered with its source line and caret, one after another,
   * each ending with a newline. The file is read once, leniently (its problems are already in
   * the list); when it cannot be read or is too large, only the first lines are printed.
   */
  public static String renderAll(Path file, List<Diagnostic> diagnostics) {
    String source = null;
    try {
      if (Files.size(file) <= Limits.DEFAULT.maxFileBytes()) {
        source = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      }
    } catch (IOException | RuntimeException e) {
      source = null; // the diagnostics already say why the file could not be read
    }
    return renderAll(source, diagnostics);
  }

  /** As {@link #renderAll(Path, List)} for a text already in memory (such as stdin). */
  public static String renderAll(String source, List<Diagnostic> diagnostics) {
    StringBuilder b = new StringBuilder();
    for (Diagnostic d : diagnostics) b.append(d.render(source)).append('\n');
    return b.toString();
  }
}
