package io.aiosim.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * YAML 1.2's {@code \L} and {@code \P} escapes (U+2028, U+2029) in double-quoted strings, which
 * snakeyaml-engine 3.0.1 rejects as unknown (its escape table is fixed). When the scanner stops at
 * one, the string holding it is rewritten with the four-digit escapes of U+2028 and U+2029, which
 * it does know, and the text is read again; positions on a rewritten line are mapped back to the file's
 * columns. Only the scanner can tell a double-quoted string from a plain or single-quoted one
 * (where {@code \L} is two characters), hence the rewrite at its error and not before it.
 */
final class LineSeparatorEscapes {
  /**
   * Each rewrite costs a new read of the file, so the characters read again are bounded: a few
   * hundred strings in a small file, a few in a file near the 16 MiB limit.
   */
  static final long REREAD_BUDGET = 64L << 20;

  private final long budget;

  private static final int GROWTH = "\\u2028".length() - "\\L".length();

  private String text;
  private long reread;
  private int escapes;
  /** Per 0-based line: the rewritten columns where each escape starts, in order. */
  private final Map<Integer, List<Integer>> starts = new HashMap<>();

  LineSeparatorEscapes(String text) {
    this(text, REREAD_BUDGET);
  }

  LineSeparatorEscapes(String text, long budget) {
    this.text = text;
    this.budget = budget;
  }

  String text() {
    return text;
  }

  /** Characters the rewrites added, for the reader's length limit. */
  int growth() {
    return escapes * GROWTH;
  }

  /**
   * Rewrites the double-quoted string that {@code e} stopped in, from the escape it names to the
   * string's end; false when {@code e} is about something else or the bound is reached.
   */
  boolean rewrite(MarkedYamlEngineException e) {
    int at = escapeAt(e);
    if (at < 0 || exhausted()) return false;
    Mark mark = e.getProblemMark().get();
    reread += text.length();
    StringBuilder out = new StringBuilder(text.length() + 64).append(text, 0, at - 1);
    int line = mark.getLine();
    int column = mark.getColumn() - 1; // of the backslash, in code points
    int i = at - 1;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '"') break;
      if (ch == '\\' && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (next == 'L' || next == 'P') {
          starts.computeIfAbsent(line, k -> new ArrayList<>()).add(column);
          out.append(next == 'L' ? "\\u2028" : "\\u2029");
          escapes++;
          column += 2 + GROWTH;
          i += 2;
          continue;
        }
        if (next != '\n' && next != '\r') {
          out.append(ch).append(next);
          column += 2;
          i += 2;
          continue;
        }
        out.append(ch);
        column++;
        i++;
        continue;
      }
      out.append(ch);
      if (ch == '\n' || (ch == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 0;
      } else if (!Character.isHighSurrogate(ch)) {
        column++;
      }
      i++;
    }
    text = out.append(text, i, text.length()).toString();
    return true;
  }

  /** True when {@code e} is the scanner refusing a {@code \L} or {@code \P} after the budget. */
  boolean refused(MarkedYamlEngineException e) {
    return escapeAt(e) >= 0 && exhausted();
  }

  private boolean exhausted() {
    return reread + text.length() > budget;
  }

  /** The offset of the L or P that {@code e} calls an unknown escape, or -1. */
  private int escapeAt(MarkedYamlEngineException e) {
    String problem = e.getProblem();
    if (problem == null || !problem.startsWith("found unknown escape character ")) return -1;
    if (e.getProblemMark().isEmpty()) return -1;
    int at = text.offsetByCodePoints(0, e.getProblemMark().get().getIndex());
    char c = at < text.length() ? text.charAt(at) : 0;
    return (c == 'L' || c == 'P') && at > 0 && text.charAt(at - 1) == '\\' ? at : -1;
  }

  /** The file's 0-based column of a rewritten text's column on {@code line}. */
  int fileColumn(int line, int column) {
    List<Integer> onLine = starts.get(line);
    if (onLine == null) return column;
    int shift = 0;
    for (int start : onLine) {
      if (column < start) break;
      if (column < start + 2 + GROWTH) return start - shift; // inside the escape: its backslash
      shift += GROWTH;
    }
    return column - shift;
  }
}
