package io.aiosim.report;

import java.math.BigDecimal;

/** Round-number ticks for a time axis from 0 to {@code total} ns, shared by the charts. */
public final class TimeAxis {
  private TimeAxis() {}

  /** The smallest 1, 2 or 5 times a power of ten (in ns) that cuts {@code total} into at most {@code n} parts. */
  public static long step(long total, int n) {
    long p = 1;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if (p * m * n >= total) {
          return p * m;
        }
      }
      if (p > Long.MAX_VALUE / 100) {
        return total;
      }
      p *= 10;
    }
  }

  /** A tick's label in seconds, without trailing zeros: {@code 0}, {@code 0.05}, {@code 1.5}. */
  public static String label(long ns) {
    return BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString();
  }
}
