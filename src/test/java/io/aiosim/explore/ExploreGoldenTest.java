package io.aiosim.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.dsl.WorkflowReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every workflow under {@code workflows/explore/} has its exploration pinned beside it in {@code
 * NAME.explore.json} (what {@code aiosim explore --format json} prints for it):
 * {@code mvn test -Dtest=ExploreGoldenTest -Dexplore.update=true} rewrites them; review the diff.
 */
class ExploreGoldenTest {
  static final Path FOLDER = Path.of("workflows", "explore");
  private static final boolean UPDATE = Boolean.getBoolean("explore.update");

  @TestFactory
  Stream<DynamicTest> everyExplorationMatchesItsGolden() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .toList()
          .stream()
          .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }
  }

  private static void check(Path file) throws IOException {
    WorkflowReader.Loaded loaded = WorkflowReader.read(file);
    assertThat(loaded.diagnostics()).isEmpty();
    StringWriter json = new StringWriter();
    ExplorationWriter.json(Explorer.explore(loaded.workflow(), 10_000), file.toString(), new PrintWriter(json));
    String stem = file.getFileName().toString().replaceFirst("\\.yaml$", "");
    Path golden = file.resolveSibling(stem + ".explore.json");
    if (UPDATE) {
      Files.writeString(golden, json.toString());
      return;
    }
    assertThat(golden).as("no golden: run with -Dexplore.update=true, then review it").exists();
    assertThat(json.toString()).as("the exploration of %s (-Dexplore.update=true rewrites %s)", file, golden)
        .isEqualTo(Files.readString(golden));
  }
}
