package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Values#pythonRepr} takes Double.toString's digits and computes exactly only where those
 * can differ from Python's; this holds it to the exact definition (the shortest decimal that
 * reads back, the nearest among those, with BigDecimal) on random bit patterns, subnormals and
 * the two-digit cases where one digit would do. Seeds are fixed; a failure names the double.
 */
class PythonReprTest {
  private static final int PER_SEED = 20_000;

  @TestFactory
  Stream<DynamicTest> theFastPathIsTheExactDefinition() {
    return LongStream.range(0, 10)
        .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
          SplitMix64 rng = new SplitMix64(seed);
          for (int k = 0; k < PER_SEED; k++) {
            double d = switch (k % 4) {
              case 0 -> Double.longBitsToDouble(rng.next()); // any exponent
              case 1 -> Double.longBitsToDouble(rng.next() >>> 12); // subnormals
              case 2 -> (1 + (rng.next() >>> 1) % 9) * Math.pow(10, (int) ((rng.next() >>> 1) % 617) - 308); // one digit
              default -> ((rng.next() >>> 1) % 100_000) / 1000.0; // a workflow's values
            };
            if (!Double.isFinite(d)) continue;
            assertThat(Values.pythonRepr(d)).as("%s (bits %x)", d, Double.doubleToRawLongBits(d)).isEqualTo(exact(d));
          }
        }));
  }

  /** The definition, as Values computed it before the fast path. */
  static String exact(double d) {
    if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
    double a = Math.abs(d);
    BigDecimal one = new BigDecimal(a).round(new MathContext(1, RoundingMode.HALF_EVEN));
    BigDecimal bd = one.doubleValue() == a ? one.stripTrailingZeros() : new BigDecimal(Double.toString(a)).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int decpt = digits.length() - bd.scale();
    return Values.format(d < 0, digits, decpt);
  }
}
