package io.aiosim.dsl;

/**
 * Text from a workflow made safe to print on a terminal: control characters are escaped the way
 * JSON escapes them (a newline as backslash-n, ESC as backslash-u001b), so that a task name, a
 * log message or a source line can neither move the cursor, retitle or clear the terminal (ESC,
 * OSC, C1 CSI), nor forge a line of output (a newline, a carriage return), nor reverse what
 * follows it (the bidirectional overrides such as U+202E). Every view and message that prints
 * workflow text goes through {@link #escape}; the JSON report needs nothing (its writer escapes).
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code s} with every unsafe character escaped; {@code s} itself when there is none. */
  public static String escape(String s) {
    if (s == null) return "null";
    int n = s.length();
    int k = 0;
    while (k < n && !unsafe(s, k)) k++;
    if (k == n) return s;
    StringBuilder b = new StringBuilder(n + 16).append(s, 0, k);
    for (; k < n; k++) {
      char c = s.charAt(k);
      if (unsafe(s, k)) append(b, c);
      else b.append(c);
    }
    return b.toString();
  }

  /** The number of characters {@link #escape} turns the char at {@code k} into. */
  static int width(String s, int k) {
    if (!unsafe(s, k)) return 1;
    char c = s.charAt(k);
    return c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? 2 : 6;
  }

  /** Appends the escaped form of the char at {@code k} of {@code s}. */
  static void appendAt(StringBuilder b, String s, int k) {
    char c = s.charAt(k);
    if (unsafe(s, k)) append(b, c);
    else b.append(c);
  }

  private static void append(StringBuilder b, char c) {
    switch (c) {
      case '\b' -> b.append("\\b");
      case '\t' -> b.append("\\t");
      case '\n' -> b.append("\\n");
      case '\f' -> b.append("\\f");
      case '\r' -> b.append("\\r");
      default -> b.append(String.format("\\u%04x", (int) c));
    }
  }

  /**
   * C0 and C1 controls and DEL (what terminals interpret), format characters (bidirectional
   * overrides, zero-width marks), line and paragraph separators, and a surrogate without its
   * pair (which a terminal would show as garbage or not at all).
   */
  private static boolean unsafe(String s, int k) {
    char c = s.charAt(k);
    if (c >= 0x20 && c < 0x7f) return false;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
    if (Character.isHighSurrogate(c)) {
      if (k + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(k + 1))) return true;
      return formatting(Character.toCodePoint(c, s.charAt(k + 1)));
    }
    if (Character.isLowSurrogate(c)) {
      if (k == 0 || !Character.isHighSurrogate(s.charAt(k - 1))) return true;
      return formatting(Character.toCodePoint(s.charAt(k - 1), c));
    }
    return formatting(c);
  }

  private static boolean formatting(int cp) {
    int t = Character.getType(cp);
    return t == Character.FORMAT || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
  }
}
