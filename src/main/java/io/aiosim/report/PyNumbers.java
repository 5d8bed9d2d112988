package io.aiosim.report;

import java.math.BigDecimal;

/** Numbers printed as the reference Python program prints them (SPEC 6). */
public final class PyNumbers {
  private PyNumbers() {}

  /**
   * A time in ns as seconds: whole seconds as {@code N.0}, otherwise up to 9 decimals without
   * trailing zeros. Exact: never goes through binary floating point.
   */
  public static String seconds(long ns) {
    String s = BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString();
    return s.indexOf('.') < 0 ? s + ".0" : s;
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that round-trip (what {@link
   * Double#toString} gives since JDK 19), laid out as CPython's {@code format_float_short} does:
   * scientific when the decimal exponent is below -4 or above 16, e.g. {@code 1e-05}, {@code
   * 1e+16}, {@code 12345678.0}.
   */
  public static String floatRepr(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("NaN and infinities are not valid values: " + d);
    }
    String java = Double.toString(Math.abs(d));
    String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
    int e = java.indexOf('E');
    String mantissa = e < 0 ? java : java.substring(0, e);
    int exp = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
    int dot = mantissa.indexOf('.');
    String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int decpt = dot + exp; // value = 0.<digits> * 10^decpt
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    digits = digits.substring(lead);
    decpt -= lead;
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    digits = digits.substring(0, end);
    if (digits.equals("0")) {
      return sign + "0.0";
    }
    int n = digits.length();
    StringBuilder out = new StringBuilder(sign);
    if (decpt <= -4 || decpt > 16) {
      out.append(digits.charAt(0));
      if (n > 1) {
        out.append('.').append(digits, 1, n);
      }
      int x = decpt - 1;
      out.append('e').append(x < 0 ? '-' : '+');
      int ax = Math.abs(x);
      if (ax < 10) {
        out.append('0');
      }
      out.append(ax);
    } else if (decpt <= 0) {
      out.append("0.").append("0".repeat(-decpt)).append(digits);
    } else if (decpt < n) {
      out.append(digits, 0, decpt).append('.').append(digits, decpt, n);
    } else {
      out.append(digits).append("0".repeat(decpt - n)).append(".0");
    }
    return out.toString();
  }
}
