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
}
