package io.aiosim.matrix;

import io.aiosim.dsl.Diagnostic;
import io.aiosim.dsl.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON value with the position where it starts, so that a mistake in a hand-edited table is
 * reported as {@code file:line:col: message} like a workflow's (Jackson's trees keep no
 * positions). {@code value} is null, a String, Boolean or Number (BigDecimal for fractions, so
 * {@code 0.15} is exactly 0.15), a {@code Map<String, Located>} in file order, or a
 * {@code List<Located>}. A mapping's {@code keys} tell where each key is written.
 */
record Located(Object value, Position pos, Map<String, Position> keys) {
  Located(Object value, Position pos) {
    this(value, pos, Map.of());
  }

  private static final JsonFactory JSON = new JsonFactory();

  /** The value in {@code text}, or null with the syntax error added to {@code problems}. */
  static Located parse(String label, String text, List<Diagnostic> problems) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
      p.nextToken();
      Located root = read(label, p, problems);
      if (p.nextToken() != null) {
        problems.add(new Diagnostic(at(label, p), "unexpected text after the end of the JSON value"));
        return null;
      }
      return root;
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      Position pos = loc == null ? new Position(label, 1, 1) : new Position(label, loc.getLineNr(), loc.getColumnNr());
      problems.add(new Diagnostic(pos, "invalid JSON: " + e.getOriginalMessage()));
      return null;
    }
  }

  private static Located read(String label, JsonParser p, List<Diagnostic> problems) {
    Position pos = at(label, p);
    JsonToken t = p.currentToken();
    if (t == null) throw new IllegalStateException("read past the end");
    return switch (t) {
      case START_OBJECT -> {
        Map<String, Located> map = new LinkedHashMap<>();
        Map<String, Position> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String key = p.currentName();
          Position keyPos = at(label, p);
          p.nextToken();
          if (map.put(key, read(label, p, problems)) != null) {
            problems.add(new Diagnostic(keyPos, "duplicate key '" + key + "'"));
          }
          keys.putIfAbsent(key, keyPos);
        }
        yield new Located(map, pos, keys);
      }
      case START_ARRAY -> {
        List<Located> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) list.add(read(label, p, problems));
        yield new Located(list, pos);
      }
      case VALUE_STRING -> new Located(p.getString(), pos);
      case VALUE_NUMBER_INT -> new Located(p.getNumberValue(), pos);
      case VALUE_NUMBER_FLOAT -> new Located(p.getDecimalValue(), pos);
      case VALUE_TRUE, VALUE_FALSE -> new Located(t == JsonToken.VALUE_TRUE, pos);
      case VALUE_NULL -> new Located(null, pos);
      default -> throw new IllegalStateException("unexpected token " + t);
    };
  }

  private static Position at(String label, JsonParser p) {
    TokenStreamLocation loc = p.currentTokenLocation();
    return new Position(label, loc.getLineNr(), loc.getColumnNr());
  }

  /** The mapping, or null when this is something else. */
  @SuppressWarnings("unchecked")
  Map<String, Located> map() {
    return value instanceof Map<?, ?> m ? (Map<String, Located>) m : null;
  }

  /** The list, or null when this is something else. */
  @SuppressWarnings("unchecked")
  List<Located> list() {
    return value instanceof List<?> l ? (List<Located>) l : null;
  }

  /** The value without positions: maps, lists and scalars, as a workflow's {@code expect} block holds. */
  Object plain() {
    if (map() != null) {
      Map<String, Object> out = new LinkedHashMap<>();
      map().forEach((k, v) -> out.put(k, v.plain()));
      return out;
    }
    if (list() != null) return list().stream().map(Located::plain).toList();
    return value;
  }

  /** What this is, for messages: {@code a mapping}, {@code the string "x"}, ... */
  String describe() {
    return switch (value) {
      case null -> "null";
      case Map<?, ?> m -> "a mapping";
      case List<?> l -> "a list";
      case String s -> "the string \"" + s + "\"";
      case Boolean b -> "the boolean " + b;
      default -> "the number " + value;
    };
  }
}
