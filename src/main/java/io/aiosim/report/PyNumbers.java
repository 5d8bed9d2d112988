package io.aiosim.report;

import java.math.BigDecimal;

/** Numbers printed as the reference Python program prints them (SPEC 6). */
public final class PyNumbers {
  /** The most chars {@link #seconds(long, char[])} writes. */
  public static final int SECONDS_MAX_CHARS = 32;

  private PyNumbers() {}

  /**
   * A time in ns as seconds: whole seconds as {@code N.0}, otherwise up to 9 decimals without
   * trailing zeros. Exact: never goes through binary floating point.
   */
  public static String seconds(long ns) {
    char[] buf = new char[SECONDS_MAX_CHARS];
    return new String(buf, 0, seconds(ns, buf));
  }

  /**
   * {@link #seconds(long)} into {@code buf} (at least {@link #SECONDS_MAX_CHARS} long), without
   * allocating: a report writes two or three times per task. Returns the length.
   */
  public static int seconds(long ns, char[] buf) {
    if (ns < 0) {
      if (ns == Long.MIN_VALUE) {
        String s = BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString();
        s.getChars(0, s.length(), buf, 0);
        return s.length();
      }
      buf[0] = '-';
      return seconds(-ns, buf, 1);
    }
    return seconds(ns, buf, 0);
  }

  /** Writes from {@code buf[at]}; returns the end index. */
  private static int seconds(long ns, char[] buf, int at) {
    long whole = ns / 1_000_000_000L;
    int frac = (int) (ns % 1_000_000_000L);
    int end = at + digits(whole, buf, at);
    buf[end++] = '.';
    if (frac == 0) {
      buf[end++] = '0';
      return end;
    }
    for (int i = end + 8; i >= end; i--) { // nine digits, zero-padded
      buf[i] = (char) ('0' + frac % 10);
      frac /= 10;
    }
    end += 9;
    while (buf[end - 1] == '0') {
      end--;
    }
    return end;
  }

  /** The decimal digits of {@code v >= 0} at {@code buf[at]}; returns how many. */
  private static int digits(long v, char[] buf, int at) {
    int n = 1;
    for (long t = v; t >= 10; t /= 10) {
      n++;
    }
    for (int i = at + n - 1; i >= at; i--) {
      buf[i] = (char) ('0' + v % 10);
      v /= 10;
    }
    return n;
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
