package io.aiosim.dsl;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A YAML node with its position: the reader's private tree, so that every diagnostic can name
 * where it comes from while the model itself stays free of positions.
 */
sealed interface YamlNode {
  Position pos();

  /**
   * A scalar resolved by the YAML 1.2 core schema.
   *
   * @param value null, Boolean, Long, BigInteger, Double (possibly not finite) or String
   * @param text the scalar as written (without quotes)
   */
  record Scalar(Object value, String text, Position pos) implements YamlNode {}

  record Seq(List<YamlNode> items, Position pos) implements YamlNode {}

  /** A mapping whose keys are strings, in document order. */
  record Mapping(Map<String, Entry> entries, Position pos) implements YamlNode {
    Entry entry(String key) {
      return entries.get(key);
    }

    YamlNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }
  }

  record Entry(String key, Position keyPos, YamlNode value) {}

  /** What a user would call this node, for "expected X, got Y" messages. */
  static String describe(YamlNode node) {
    return switch (node) {
      case Mapping m -> "a mapping";
      case Seq s -> "a list";
      case Scalar s -> switch (s.value()) {
        case null -> "null";
        case Boolean b -> "the boolean " + b;
        case Long l -> "the integer " + l;
        case BigInteger b -> "the integer " + abbreviate(s.text());
        case Double d -> "the number " + abbreviate(s.text());
        case String str -> "the string " + quote(abbreviate(str));
        default -> throw new IllegalStateException("unexpected scalar " + s.value().getClass());
      };
    };
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                  if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", c));
                  else b.appendCodePoint(c);
                }
              }
            });
    return b.append('"').toString();
  }
}
