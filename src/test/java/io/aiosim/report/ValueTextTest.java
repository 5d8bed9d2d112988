package io.aiosim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ValueTextTest {
  private record Case(String name, Object value, int budget, String expected) {}

  private static final List<Object> HUNDRED_K = IntStream.range(0, 100_000).<Object>mapToObj(i -> (long) i).toList();

  @TestFactory
  Stream<DynamicTest> valuesAreCutWithACount() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1L);
    map.put("b", List.of(1L, 2L, 3L));
    map.put("c", "x".repeat(50));
    return Stream.of(
            new Case("a short value is whole", List.of(0.1, "a", true), 40, "[0.1, \"a\", true]"),
            new Case("100,000 items", HUNDRED_K, 8, "[0, 1, 2, ... 99,997 more]"),
            new Case("a wider budget shows more", HUNDRED_K, 20, "[0, 1, 2, 3, 4, 5, 6, ... 99,993 more]"),
            new Case("a long string", "y".repeat(1000), 10, "\"yyyyyyyy…\" (992 more chars)"),
            new Case("a map's items", map, 24, "{\"a\": 1, \"b\": [1, 2, 3], ... 1 more}"),
            new Case("nested lists are cut inside", List.of(HUNDRED_K, 1L), 12, "[[0, 1, 2, 3, ... 99,996 more], ... 1 more]"),
            new Case("an error inside a value", List.of(new ErrorValue("ValueError", "bad")), 40, "[<ValueError: bad>]"),
            new Case("whole", HUNDRED_K.subList(0, 5), ValueText.WHOLE, "[0, 1, 2, 3, 4]"))
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> assertThat(ValueText.value(c.value(), c.budget())).isEqualTo(c.expected())));
  }

  @Test
  void errorsAndTextAreCutToo() {
    List<ErrorValue> many = IntStream.range(0, 500).mapToObj(i -> new ErrorValue("E" + i, "")).toList();
    assertThat(ValueText.error(new ErrorValue("ExceptionGroup", "m", many), 30)).isEqualTo("ExceptionGroup: m [E0, E1, E2, ... 497 more]");
    assertThat(ValueText.text("z".repeat(2000), 5)).isEqualTo("zzzzz… (1,995 more chars)");
    assertThat(ValueText.count(1234567)).isEqualTo("1,234,567");
  }
}
