package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Files that SPEC and CPython accept although they look like mistakes: each under {@code
 * dsl/warn/} is valid and gives exactly the warnings its {@code # warn: line:col: message} lines
 * name (none when it has none).
 */
class WarningTest {

  @TestFactory
  Stream<DynamicTest> eachFileIsValidWithExactlyItsWarnings() throws IOException, URISyntaxException {
    Path dir = Path.of(WarningTest.class.getResource("/dsl/warn").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      List<String> want = new ArrayList<>();
                      for (String line : Files.readAllLines(f)) {
                        if (!line.startsWith("# warn: ")) break;
                        want.add(line.substring("# warn: ".length()));
                      }
                      WorkflowReader.Loaded loaded = WorkflowReader.read(f);
                      assertThat(loaded.diagnostics()).as("valid").isEmpty();
                      assertThat(loaded.warnings())
                          .extracting(d -> d.position().line() + ":" + d.position().column() + ": " + d.message())
                          .containsExactlyElementsOf(want);
                    }));
  }
}
