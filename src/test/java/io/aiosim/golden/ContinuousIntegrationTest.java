package io.aiosim.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The one CI rule of the command line and the JUnit helper, value by value. */
class ContinuousIntegrationTest {
  @TestFactory
  Stream<DynamicTest> ciIsOnForAnyValueButEmptyZeroOrFalse() {
    Object[][] cases = {
      {null, false}, {"", false}, {"  ", false}, {"0", false}, {"false", false}, {"FALSE", false},
      {"False", false}, {"true", true}, {"1", true}, {"yes", true}, {"on", true}, {"woodpecker", true},
    };
    return Arrays.stream(cases)
        .map(
            c ->
                DynamicTest.dynamicTest(
                    "CI=" + (c[0] == null ? "(unset)" : "\"" + c[0] + "\""),
                    () -> assertThat(ContinuousIntegration.detected((String) c[0])).isEqualTo(c[1])));
  }
}
