package io.aiosim.dsl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Values in a workflow (results, return values, the {@code expect:} block) are plain Java: null,
 * Boolean, Long (BigInteger when larger), Double (finite), String, {@code List<Object>} and
 * {@code LinkedHashMap<String, Object>} in YAML key order.
 */
public final class Values {
  private Values() {}

  /**
   * A float as Python's {@code repr} prints it: the shortest round-trip digits, in positional
   * notation when the decimal exponent is in [-4, 16), else scientific ({@code 1e-05},
   * {@code 1e+16}). Mirrors format_float_short in CPython's Python/pystrtod.c.
   */
  public static String pythonRepr(double d) {
    if (Double.isNaN(d)) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
    BigDecimal bd = shortest(Math.abs(d));
    String digits = bd.unscaledValue().toString();
    int decpt = digits.length() - bd.scale();
    StringBuilder b = new StringBuilder(d < 0 ? "-" : "");
    if (decpt <= -4 || decpt > 16) {
      b.append(digits.charAt(0));
      if (digits.length() > 1) b.append('.').append(digits, 1, digits.length());
      int exp = decpt - 1;
      b.append('e').append(exp < 0 ? '-' : '+');
      if (Math.abs(exp) < 10) b.append('0');
      b.append(Math.abs(exp));
    } else if (decpt <= 0) {
      b.append("0.").append("0".repeat(-decpt)).append(digits);
    } else if (decpt >= digits.length()) {
      b.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
    } else {
      b.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
    }
    return b.toString();
  }

  /**
   * The shortest decimal that reads back as {@code d}, the nearest to it among those (what
   * Python's repr picks). Double.toString is that since JDK 19 except that it never gives fewer
   * than two digits ({@code 4.9E-324} for Python's {@code 5e-324}), so one digit is tried first.
   */
  private static BigDecimal shortest(double d) {
    BigDecimal one = new BigDecimal(d).round(new MathContext(1, RoundingMode.HALF_EVEN));
    if (one.doubleValue() == d) return one.stripTrailingZeros();
    return new BigDecimal(Double.toString(d)).stripTrailingZeros();
  }

  /** Seconds to ns exactly as SPEC 5 says: {@code floor(d * 1e9 + 0.5)} in binary64. */
  public static long secondsToNs(double seconds) {
    return (long) Math.floor(seconds * 1e9 + 0.5);
  }
}
