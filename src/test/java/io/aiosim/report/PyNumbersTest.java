package io.aiosim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The allocation-free time formatter against SPEC 6's definition, computed with BigDecimal. */
class PyNumbersTest {
  private static String reference(long ns) {
    String s = BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString();
    return s.indexOf('.') < 0 ? s + ".0" : s;
  }

  @Test
  void table() {
    assertThat(PyNumbers.seconds(0)).isEqualTo("0.0");
    assertThat(PyNumbers.seconds(1)).isEqualTo("0.000000001");
    assertThat(PyNumbers.seconds(100_000_000)).isEqualTo("0.1");
    assertThat(PyNumbers.seconds(1_000_000_000)).isEqualTo("1.0");
    assertThat(PyNumbers.seconds(10_000_000_000L)).isEqualTo("10.0");
    assertThat(PyNumbers.seconds(12_345_678_900L)).isEqualTo("12.3456789");
    assertThat(PyNumbers.seconds(-1_500_000_000L)).isEqualTo("-1.5");
    assertThat(PyNumbers.seconds(Long.MAX_VALUE)).isEqualTo("9223372036.854775807");
    assertThat(PyNumbers.seconds(Long.MIN_VALUE)).isEqualTo("-9223372036.854775808");
  }

  @TestFactory
  Stream<DynamicTest> agreesWithBigDecimal() {
    return LongStream.of(1, 2, 3)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      SplittableRandom rng = new SplittableRandom(seed);
                      for (int i = 0; i < 20_000; i++) {
                        // Mix magnitudes, and round values whose trailing zeros must go.
                        long ns = rng.nextLong() >> rng.nextInt(64);
                        ns -= ns % (long) Math.pow(10, rng.nextInt(10));
                        assertThat(PyNumbers.seconds(ns)).as("ns=%d", ns).isEqualTo(reference(ns));
                      }
                    }));
  }
}
