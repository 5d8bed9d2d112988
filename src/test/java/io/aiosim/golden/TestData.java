package io.aiosim.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Test tables and sample reports from src/test/resources/golden. */
final class TestData {
  private static final YAMLMapper YAML = new YAMLMapper();

  private TestData() {}

  static String text(String name) {
    try (InputStream in = TestData.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SPEC section 6 example report, byte for byte. */
  static String specReport() {
    return text("spec-example.json");
  }

  static List<Map<String, Object>> table(String name) {
    return YAML.readValue(text(name), new TypeReference<List<Map<String, Object>>>() {});
  }

  /** Applies [from, to] pairs; each {@code from} must occur, or the case is broken. */
  @SuppressWarnings("unchecked")
  static String replace(String text, Object pairs) {
    if (pairs == null) {
      return text;
    }
    for (Object pair : (List<Object>) pairs) {
      List<String> p = (List<String>) pair;
      if (!text.contains(p.get(0))) {
        throw new IllegalStateException("test case replaces text that is not there: " + p.get(0));
      }
      text = text.replace(p.get(0), p.get(1));
    }
    return text;
  }
}
