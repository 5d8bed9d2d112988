package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The reader's table (gojq's test.yaml): each case is a name, an input, and either the expected
 * model summary ({@code model}) or the expected diagnostics ({@code errors}, one per line).
 */
class ReaderTableTest {

  /** A table is a YAML list of mappings whose values are strings (block literals). */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cases(String resource) throws IOException {
    try (InputStream in = ReaderTableTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new YAMLMapper().readValue(text, List.class);
    }
  }

  @TestFactory
  Stream<DynamicTest> readerCases() throws IOException {
    return cases("/dsl/reader-cases.yaml").stream()
        .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check(c)));
  }

  private static void check(Map<String, Object> c) {
    WorkflowReader.Loaded loaded = WorkflowReader.read("case.yaml", (String) c.get("input"));
    String errors = String.join("\n", loaded.diagnostics().stream().map(Diagnostic::toString).toList());
    if (c.containsKey("errors")) {
      assertThat(errors).isEqualTo(((String) c.get("errors")).strip());
    } else {
      assertThat(errors).as("diagnostics").isEmpty();
      assertThat(ModelSummary.of(loaded.workflow()).strip()).isEqualTo(((String) c.get("model")).strip());
    }
  }
}
