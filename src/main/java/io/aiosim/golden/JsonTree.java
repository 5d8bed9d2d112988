package io.aiosim.golden;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads report JSON into Jackson trees that keep every number exact (floats as BigDecimal with
 * their trailing zeros, so {@code 1.0} stays {@code 1.0}) and renders nodes back as one-line JSON
 * in the report's own spacing ({@code ", "} and {@code ": "}), for diff messages.
 */
public final class JsonTree {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonTree() {}

  /** A parse failure of a golden or report text: a value, since a hand-edited golden may be broken. */
  public record Broken(String message) {}

  /** Parses {@code text}; returns a {@link JsonNode} or a {@link Broken}. */
  public static Object parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      return new Broken(e.getOriginalMessage() + locationOf(e));
    }
  }

  /** Parses text that the runner itself wrote; a failure is a bug. */
  public static JsonNode parseOwn(String text) {
    return switch (parse(text)) {
      case JsonNode node -> node;
      case Broken b -> throw new IllegalStateException("report is not valid JSON: " + b.message());
      default -> throw new IllegalStateException();
    };
  }

  private static String locationOf(JacksonException e) {
    var loc = e.getLocation();
    return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }

  /** One-line JSON in the report's spacing; numbers keep their digits. */
  public static String compact(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    append(sb, node);
    return sb.toString();
  }

  private static void append(StringBuilder sb, JsonNode node) {
    if (node.isObject()) {
      sb.append('{');
      Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        quote(sb, e.getKey());
        sb.append(": ");
        append(sb, e.getValue());
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, node.get(i));
      }
      sb.append(']');
    } else if (node.isString()) {
      quote(sb, node.stringValue());
    } else if (node.isFloatingPointNumber()) {
      sb.append(number(node.decimalValue()));
    } else {
      sb.append(node.toString());
    }
  }

  /** Python-like spelling of an exact float: {@code 1e+16}, not BigDecimal's {@code 1E+16}. */
  static String number(BigDecimal d) {
    return d.toString().replace('E', 'e');
  }

  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
