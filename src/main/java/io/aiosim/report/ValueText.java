package io.aiosim.report;

import io.aiosim.dsl.Values;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Values and errors as one line of text within a budget of characters: what does not fit is
 * left out and counted ({@code [0, 1, 2, ... 99,997 more]}), so a 100,000-item result stays one
 * readable line and costs no more than the budget to print. Values look like JSON with floats as
 * Python prints them; an error inside a value is {@code <ValueError: Error>}.
 */
public final class ValueText {
  /** No limit: the whole value. */
  public static final int WHOLE = Integer.MAX_VALUE;

  private ValueText() {}

  public static String value(Object v, int budget) {
    StringBuilder sb = new StringBuilder();
    value(sb, v, limit(sb, budget));
    return sb.toString();
  }

  /** {@code ValueError: Error}; a group lists its members: {@code ExceptionGroup: msg [A: x, B]}. */
  public static String error(ErrorValue e, int budget) {
    if (e == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    error(sb, e, limit(sb, budget));
    return sb.toString();
  }

  /** Plain text (a log message) cut to {@code budget} characters, with the count left out. */
  public static String text(String s, int budget) {
    if (s.length() <= budget) {
      return s;
    }
    return s.substring(0, Math.max(1, budget)) + "… (" + count(s.length() - Math.max(1, budget)) + " more chars)";
  }

  /** {@code 99997} as {@code 99,997}, whatever the default locale. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static int limit(StringBuilder sb, int budget) {
    return budget == WHOLE ? WHOLE : sb.length() + Math.max(8, budget);
  }

  private static void error(StringBuilder sb, ErrorValue e, int limit) {
    sb.append(e.type());
    if (e.message() != null && !e.message().isEmpty()) {
      sb.append(": ");
      int room = limit == WHOLE ? WHOLE : Math.max(8, limit - sb.length());
      sb.append(text(e.message(), room));
    }
    List<ErrorValue> members = e.exceptions();
    if (members != null) {
      sb.append(" [");
      items(sb, members.size(), limit, (i, l) -> error(sb, members.get(i), l));
      sb.append(']');
    }
  }

  private static void value(StringBuilder sb, Object v, int limit) {
    switch (v) {
      case null -> sb.append("null");
      case String s -> quote(sb, s, limit);
      case Double d -> sb.append(Values.pythonRepr(d));
      case Boolean b -> sb.append(b);
      case Long l -> sb.append(l);
      case Integer i -> sb.append(i);
      case BigInteger b -> sb.append(b);
      case ErrorValue e -> {
        sb.append('<');
        error(sb, e, limit);
        sb.append('>');
      }
      case List<?> list -> {
        sb.append('[');
        items(sb, list.size(), limit, (i, l) -> value(sb, list.get(i), l));
        sb.append(']');
      }
      case Map<?, ?> map -> {
        sb.append('{');
        var entries = map.entrySet().iterator();
        items(
            sb,
            map.size(),
            limit,
            (i, l) -> {
              var e = entries.next();
              quote(sb, String.valueOf(e.getKey()), l);
              sb.append(": ");
              value(sb, e.getValue(), l);
            });
        sb.append('}');
      }
      default -> throw new IllegalStateException("not a report value: " + v.getClass().getName());
    }
  }

  private interface Item {
    void write(int index, int limit);
  }

  /**
   * Items separated by {@code ", "} until the limit; the first is always written (itself cut), a
   * later one that would overflow is taken back and replaced by {@code ... N more}.
   */
  private static void items(StringBuilder sb, int n, int limit, Item item) {
    for (int i = 0; i < n; i++) {
      int mark = sb.length();
      if (i > 0) {
        if (sb.length() >= limit) {
          sb.append(", ... ").append(count(n - i)).append(" more");
          return;
        }
        sb.append(", ");
      }
      item.write(i, limit);
      if (i > 0 && sb.length() > limit) {
        sb.setLength(mark);
        sb.append(", ... ").append(count(n - i)).append(" more");
        return;
      }
    }
  }

  private static void quote(StringBuilder sb, String s, int limit) {
    int room = limit == WHOLE ? s.length() : Math.max(8, limit - sb.length() - 2);
    int end = Math.min(s.length(), room);
    sb.append('"');
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    if (end < s.length()) {
      sb.append("…\" (").append(count(s.length() - end)).append(" more chars)");
    } else {
      sb.append('"');
    }
  }
}
