package io.aiosim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of the generated code (gofmt's .input/.golden): {@code cases/NAME.yaml} exports to
 * the program whose workflow part is {@code cases/NAME.py}; a missing or different golden is
 * written as {@code NAME.py.new} for review. The prelude is tested by running it (PreludeTest).
 */
class PythonExporterTest {
  static final Path CASES = Path.of("src/test/resources/io/aiosim/export/cases");
  private static final String WORKFLOW_PART = "# --- the workflow";

  @TestFactory
  Stream<DynamicTest> exportedWorkflowCode() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream()
          .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }
  }

  private static void check(Path yaml) throws IOException {
    String program = PythonExporter.export(load(yaml));
    assertThat(program).startsWith("#!/usr/bin/env python3\n");
    assertThat(program.chars().allMatch(c -> c < 128)).as("the program is ASCII").isTrue();
    assertThat(program).contains(prelude());
    String workflowPart = program.substring(program.indexOf(WORKFLOW_PART));
    Path golden = yaml.resolveSibling(yaml.getFileName().toString().replace(".yaml", ".py"));
    if (!Files.exists(golden) || !Files.readString(golden).equals(workflowPart)) {
      Path fresh = golden.resolveSibling(golden.getFileName() + ".new");
      Files.writeString(fresh, workflowPart);
      fail(golden + (Files.exists(golden) ? " differs" : " is missing") + "; wrote " + fresh + " for review");
    }
  }

  static Workflow load(Path yaml) {
    WorkflowReader.Loaded loaded = WorkflowReader.read(yaml);
    assertThat(loaded.diagnostics()).isEmpty();
    return loaded.workflow();
  }

  static String prelude() {
    return PythonExporter.prelude();
  }

}
