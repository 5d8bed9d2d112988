package io.aiosim.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GoldenCompareTest {
  @TestFactory
  @SuppressWarnings("unchecked")
  Stream<DynamicTest> compareCases() {
    return TestData.table("compare-cases.yaml").stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    (String) c.get("name"),
                    () -> {
                      String spec = TestData.specReport();
                      String golden = TestData.replace(spec, c.get("golden_replace"));
                      if (c.get("golden_truncate") != null) {
                        golden = golden.substring(0, (Integer) c.get("golden_truncate"));
                      }
                      String actual = TestData.replace(spec, c.get("replace"));
                      List<String> lines = GoldenCompare.explain(golden, actual);
                      if (c.containsKey("lines")) {
                        assertThat(lines).containsExactlyElementsOf((List<String>) c.get("lines"));
                      } else {
                        List<String> starts = (List<String>) c.get("lines_start");
                        assertThat(lines).hasSameSizeAs(starts);
                        for (int i = 0; i < starts.size(); i++) {
                          assertThat(lines.get(i)).startsWith(starts.get(i));
                        }
                      }
                    }));
  }

  @Test
  void manyDifferencesAreCounted() {
    StringBuilder golden = new StringBuilder("{\"a\": [0");
    StringBuilder actual = new StringBuilder("{\"a\": [1");
    for (int i = 1; i < 40; i++) {
      golden.append(", ").append(i);
      actual.append(", ").append(i + 1);
    }
    List<String> lines = GoldenCompare.explain(golden + "]}", actual + "]}");
    assertThat(lines).hasSize(GoldenCompare.MAX_DIFFERENCES + 1);
    assertThat(lines.get(0)).isEqualTo("$.a[0]: expected 0, got 1");
    assertThat(lines.get(GoldenCompare.MAX_DIFFERENCES)).isEqualTo("... and 15 more differences");
  }
}
