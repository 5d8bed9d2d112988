package io.aiosim.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ExpectCheckTest {
  @TestFactory
  @SuppressWarnings("unchecked")
  Stream<DynamicTest> expectCases() {
    var report = JsonTree.parseOwn(TestData.specReport());
    return TestData.table("expect-cases.yaml").stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    (String) c.get("name"),
                    () ->
                        assertThat(ExpectCheck.check((Map<String, Object>) c.get("expect"), report))
                            .containsExactlyElementsOf((List<String>) c.get("problems"))));
  }

  @Test
  void valuesBelowResultMustBeEqualWhole() {
    var report = JsonTree.parseOwn("{\"outcome\": {\"status\": \"returned\", \"value\": {\"a\": 1, \"b\": [2]}}}");
    assertThat(ExpectCheck.check(Map.of("outcome", Map.of("value", Map.of("a", 1L))), report))
        .containsExactly("expect.outcome.value: expected {\"a\": 1}, got {\"a\": 1, \"b\": [2]}");
    assertThat(ExpectCheck.check(Map.of("outcome", Map.of("value", Map.of("a", 1L, "b", List.of(2L)))), report))
        .isEmpty();
  }
}
