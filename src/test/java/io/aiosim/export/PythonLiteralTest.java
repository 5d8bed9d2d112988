package io.aiosim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PythonLiteralTest {
  private record Case(Object value, String literal) {}

  @TestFactory
  Stream<DynamicTest> valuesBecomePythonLiterals() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", 1L);
    map.put("a", Arrays.asList(null, true));
    return Stream.of(
            new Case(null, "None"),
            new Case(true, "True"),
            new Case(false, "False"),
            new Case(-7L, "-7"),
            new Case(new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890"),
            new Case(0.1, "0.1"),
            new Case(1e-5, "1.0E-5"), // Python reads it as the same binary64
            new Case(-0.0, "-0.0"),
            new Case("plain", "\"plain\""),
            new Case("q\"b\\n\nt\t", "\"q\\\"b\\\\n\\nt\\t\""),
            new Case("café ☃ 😀 \u0001", "\"caf\\xe9 \\u2603 \\U0001f600 \\x01\""),
            new Case(List.of(), "[]"),
            new Case(map, "{\"z\": 1, \"a\": [None, True]}"),
            new Case(Map.of(), "{}"))
        .map(c -> DynamicTest.dynamicTest(String.valueOf(c.value), () ->
            assertThat(PythonLiteral.of(c.value)).isEqualTo(c.literal)));
  }

  @Test
  void nanosAreGroupedByThousands() {
    assertThat(PythonLiteral.nanos(0)).isEqualTo("0");
    assertThat(PythonLiteral.nanos(999)).isEqualTo("999");
    assertThat(PythonLiteral.nanos(1000)).isEqualTo("1_000");
    assertThat(PythonLiteral.nanos(150_000_000)).isEqualTo("150_000_000");
    assertThat(PythonLiteral.nanos(86_400_000_000_001L)).isEqualTo("86_400_000_000_001");
  }

  @Test
  void secondsPrintAsTheReportDoes() {
    assertThat(PythonLiteral.seconds(0)).isEqualTo("0.0");
    assertThat(PythonLiteral.seconds(2_000_000_000)).isEqualTo("2.0");
    assertThat(PythonLiteral.seconds(150_000_000)).isEqualTo("0.15");
    assertThat(PythonLiteral.seconds(1)).isEqualTo("0.000000001");
    assertThat(PythonLiteral.seconds(86_400_000_000_001L)).isEqualTo("86400.000000001");
  }

  @Test
  void nonFiniteNumbersAreNotValues() {
    assertThatThrownBy(() -> PythonLiteral.of(Double.NaN)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PythonLiteral.of(new Object())).isInstanceOf(IllegalStateException.class);
  }
}
