package io.aiosim.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.Aiosim;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A small library changed case by case (src/test/resources/matrix/library-cases.yaml): the runs
 * and the rows' conditions decide the cells, and every mistake in a table or a scenario is a
 * positioned problem, never a cell that silently reads "-".
 */
class MatrixLibraryTest {
  @TempDir Path temp;

  @TestFactory
  @SuppressWarnings("unchecked")
  Stream<DynamicTest> libraryCases() throws IOException {
    Map<String, Object> data;
    try (InputStream in = getClass().getResourceAsStream("/matrix/library-cases.yaml")) {
      data = new YAMLMapper().readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
    }
    Map<String, String> base = (Map<String, String>) data.get("base");
    List<Map<String, Object>> cases = (List<Map<String, Object>>) data.get("cases");
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check(base, c)));
  }

  @SuppressWarnings("unchecked")
  private void check(Map<String, String> base, Map<String, Object> c) throws IOException {
    Path lib = Files.createDirectories(temp.resolve(String.valueOf(c.get("name").hashCode())));
    Map<String, String> files = new LinkedHashMap<>(base);
    ((List<String>) c.getOrDefault("drop", List.of())).forEach(files::remove);
    Map<String, List<List<String>>> replace = (Map<String, List<List<String>>>) c.getOrDefault("replace", Map.of());
    replace.forEach((name, pairs) -> {
      String text = files.get(name);
      for (List<String> p : pairs) {
        assertThat(text).as("case replaces text that is in " + name).contains(p.get(0));
        text = text.replace(p.get(0), p.get(1));
      }
      files.put(name, text);
    });
    for (Map.Entry<String, String> f : files.entrySet()) Files.writeString(lib.resolve(f.getKey()), f.getValue());

    Matrix.Computed computed = Matrix.compute(new Library.Folder(lib), Aiosim::run);
    List<String> problems = computed.problems().stream()
        .map(p -> p.lines().findFirst().orElse("").replace(lib + "/", "LIB/"))
        .toList();
    if (c.containsKey("errors")) {
      List<String> expected = ((String) c.get("errors")).strip().lines().toList();
      assertThat(problems).as("problems").hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) assertThat(problems.get(i)).startsWith(expected.get(i));
    } else {
      assertThat(problems).as("problems").isEmpty();
      assertThat(cells(computed.result())).isEqualTo(((String) c.get("cells")).strip());
    }
  }

  /** "gather - (seed ✓): fact; fact", one line per cell. */
  private static String cells(Matrix.Result result) {
    List<String> lines = new ArrayList<>();
    for (Matrix.RowResult r : result.rows()) {
      for (Matrix.Cell c : r.cells()) {
        lines.add(c.column().id() + " " + c.verdict() + (c.differs() ? " (seed " + c.seedVerdict() + ")" : "")
            + ": " + String.join("; ", c.facts()));
      }
    }
    return String.join("\n", lines);
  }
}
