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
    double a = Math.abs(d);
    // Double.toString's digits are Python's (the shortest that read back, the nearest among
    // those) except where it gives two digits and one would do (4.9E-324 for 5e-324): only
    // then the exact computation, whose BigDecimal arithmetic is slow in a fresh JVM.
    String s = Double.toString(a); // 123.45, 1.0E-5
    int e = s.indexOf('E');
    int dot = s.indexOf('.');
    StringBuilder digits = new StringBuilder(s.length()).append(s, 0, dot).append(s, dot + 1, e < 0 ? s.length() : e);
    int decpt = dot + (e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10)); // value = 0.DIGITS * 10^decpt
    int lead = 0;
    while (digits.charAt(lead) == '0') lead++;
    digits.delete(0, lead);
    decpt -= lead;
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') end--;
    digits.setLength(end);
    if (end == 2 && (oneDigit(digits.charAt(0) - '0', decpt, a) || oneDigit(digits.charAt(0) - '0' + 1, decpt, a))) {
      BigDecimal bd = shortest(a);
      digits.setLength(0);
      digits.append(bd.unscaledValue());
      decpt = digits.length() - bd.scale();
    }
    return format(d < 0, digits, decpt);
  }

  /** Whether the one digit {@code k} (10 carries) at {@code 0.k * 10^decpt} reads back as {@code a}. */
  private static boolean oneDigit(int k, int decpt, double a) {
    return Double.parseDouble(k == 10 ? "1E" + decpt : k + "E" + (decpt - 1)) == a;
  }

  /**
   * Python's layout of {@code 0.DIGITS * 10^decpt}: positional for exponents in [-4, 16).
   * PythonReprTest's exact definition shares it: what it checks is the choice of digits.
   */
  static String format(boolean negative, CharSequence digits, int decpt) {
    StringBuilder b = new StringBuilder(negative ? "-" : "");
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
