package io.aiosim.export;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Python source text for workflow values: the literal a YAML value means, strings kept ASCII
 * (escapes for everything else, so the program is plain ASCII), durations as integer ns.
 */
final class PythonLiteral {
  private PythonLiteral() {}

  /** The Python literal of a model value (null, Boolean, integer, Double, String, List, Map). */
  static String of(Object value) {
    return switch (value) {
      case null -> "None";
      case Boolean b -> b ? "True" : "False";
      case Long n -> n.toString();
      case Integer n -> n.toString();
      case BigInteger n -> n.toString();
      case Double d -> ofDouble(d);
      case String s -> string(s);
      case List<?> list -> {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
          sb.append(i == 0 ? "" : ", ").append(of(list.get(i)));
        }
        yield sb.append(']').toString();
      }
      case Map<?, ?> map -> {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          sb.append(first ? "" : ", ").append(string((String) e.getKey())).append(": ");
          sb.append(of(e.getValue()));
          first = false;
        }
        yield sb.append('}').toString();
      }
      default ->
          throw new IllegalStateException(
              "not a workflow value: " + value.getClass().getName());
    };
  }

  /** Any exact decimal of the double reads back as the same binary64 in Python. */
  private static String ofDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalStateException("NaN and infinities are not workflow values");
    }
    return Double.toString(d);
  }

  /** A double-quoted Python str literal, ASCII only. */
  static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                  if (cp >= 0x20 && cp < 0x7f) {
                    sb.append((char) cp);
                  } else if (cp <= 0xff) {
                    sb.append(String.format("\\x%02x", cp));
                  } else if (cp <= 0xffff) {
                    sb.append(String.format("\\u%04x", cp));
                  } else {
                    sb.append(String.format("\\U%08x", cp));
                  }
                }
              }
            });
    return sb.append('"').toString();
  }

  /** Integer ns with digit groups: {@code 150_000_000}. */
  static String nanos(long ns) {
    String digits = Long.toString(ns);
    StringBuilder sb = new StringBuilder();
    int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    sb.append(digits, 0, head);
    for (int i = head; i < digits.length(); i += 3) {
      sb.append('_').append(digits, i, i + 3);
    }
    return sb.toString();
  }

  /** Seconds as the report prints them (SPEC 6): {@code 1.0}, {@code 0.15}. */
  static String seconds(long ns) {
    long s = ns / 1_000_000_000L;
    long frac = ns % 1_000_000_000L;
    if (frac == 0) {
      return s + ".0";
    }
    String f = String.format("%09d", frac).replaceAll("0+$", "");
    return s + "." + f;
  }
}
