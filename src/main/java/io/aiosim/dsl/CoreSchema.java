package io.aiosim.dsl;

import io.aiosim.dsl.YamlNode.Scalar;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;

/**
 * YAML 1.2's core schema (yaml.org/spec/1.2.2 10.3.2, SPEC 6.1): what a plain scalar means and
 * which tags a file may write. Jackson's own scalar typing is not this schema ({@code True},
 * {@code ~}, {@code 0x1F}, {@code +12} come back as strings, {@code .inf} fails), so the reader
 * types scalars here, as Python's YAML loaders for 1.2 do.
 */
final class CoreSchema {
  static final String CORE = "tag:yaml.org,2002:";
  /** CPython's int/str conversion limit (sys.int_info.default_max_str_digits). */
  static final int MAX_INT_DIGITS = 4300;

  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCT = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  static void checkCollectionTag(CollectionStartEvent cs, Position pos, List<Diagnostic> diagnostics) {
    Optional<String> tag = cs.getTag();
    if (tag.isEmpty() || tag.get().equals("!")) return;
    String want = cs.getEventId() == Event.ID.MappingStart ? CORE + "map" : CORE + "seq";
    if (!tag.get().equals(want)) diagnostics.add(new Diagnostic(pos, "unsupported YAML tag " + shortTag(tag.get())));
  }

  static Scalar scalar(ScalarEvent se, Position pos, List<Diagnostic> diagnostics) {
    String v = se.getValue();
    Optional<String> tag = se.getTag();
    if (tag.isPresent() && !tag.get().equals("!")) {
      String t = tag.get();
      switch (t) {
        case CORE + "str" -> {
          return new Scalar(v, v, pos);
        }
        case CORE + "null", CORE + "bool", CORE + "int", CORE + "float" -> {
          Object r = resolve(v, pos, diagnostics);
          String want = t.substring(CORE.length());
          String got =
              switch (r) {
                case null -> "null";
                case Boolean b -> "bool";
                case Long l -> "int";
                case BigInteger b -> "int";
                case Double d -> "float";
                default -> "str";
              };
          if (want.equals("float") && got.equals("int")) {
            return new Scalar(((Number) r).doubleValue(), v, pos);
          }
          if (!want.equals(got)) {
            diagnostics.add(new Diagnostic(pos, "'" + YamlNode.abbreviate(v) + "' is not a valid !!" + want));
          }
          return new Scalar(r, v, pos);
        }
        default -> {
          diagnostics.add(new Diagnostic(pos, "unsupported YAML tag " + shortTag(t)));
          return new Scalar(v, v, pos);
        }
      }
    }
    if (!se.isPlain() || tag.isPresent()) return new Scalar(v, v, pos);
    return new Scalar(resolve(v, pos, diagnostics), v, pos);
  }

  private static String shortTag(String tag) {
    return YamlNode.abbreviate(tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : tag);
  }

  /** The YAML 1.2 core schema (yaml.org/spec/1.2.2 10.3.2) for a plain scalar. */
  private static Object resolve(String v, Position pos, List<Diagnostic> diagnostics) {
    switch (v) {
      case "", "~", "null", "Null", "NULL" -> {
        return null;
      }
      case "true", "True", "TRUE" -> {
        return Boolean.TRUE;
      }
      case "false", "False", "FALSE" -> {
        return Boolean.FALSE;
      }
      default -> {}
    }
    char c = v.charAt(0);
    if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) return v;
    if (INT.matcher(v).matches()) return integer(v.startsWith("+") ? v.substring(1) : v, 10, pos, diagnostics);
    if (OCT.matcher(v).matches()) return integer(v.substring(2), 8, pos, diagnostics);
    if (HEX.matcher(v).matches()) return integer(v.substring(2), 16, pos, diagnostics);
    if (FLOAT.matcher(v).matches()) {
      double d = Double.parseDouble(v);
      if (Double.isInfinite(d)) {
        diagnostics.add(new Diagnostic(pos, "number too large: " + YamlNode.abbreviate(v)));
      }
      return d;
    }
    if (INF.matcher(v).matches() || NAN.matcher(v).matches()) {
      diagnostics.add(new Diagnostic(pos, v + ": NaN and infinities are not valid values"));
      if (NAN.matcher(v).matches()) return Double.NaN;
      return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return v;
  }

  private static Object integer(
      String digits, int radix, Position pos, List<Diagnostic> diagnostics) {
    if (digits.length() > MAX_INT_DIGITS) {
      diagnostics.add(new Diagnostic(pos, "number too large: more than " + MAX_INT_DIGITS + " digits"));
      return null;
    }
    BigInteger b = new BigInteger(digits, radix);
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }

  /** A non-string key as Python's json.dumps prints it (1 -> "1", true -> "true"). */
  static String keyString(Object key) {
    // instanceof, not a pattern switch: see engine.Task.stepRunAndHandleResult.
    if (key == null) return "null";
    if (key instanceof String s) return s;
    if (key instanceof Double d) return Values.pythonRepr(d);
    return key.toString();
  }

}
