package io.aiosim.conformance;

import io.aiosim.dsl.Diagnostic;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Loading workflow files for the conformance tests, and where their goldens are. */
final class Workflows {
  private Workflows() {}

  /** The workflow of a file; an invalid file is a broken test input, so it fails loudly. */
  static Workflow load(Path file) {
    WorkflowReader.Loaded loaded = WorkflowReader.read(file);
    if (loaded.workflow() == null) {
      throw new IllegalStateException(
          loaded.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    }
    return loaded.workflow();
  }

  /** {@code x.yaml} -> {@code x.golden.json}, beside it. */
  static Path golden(Path workflowFile) {
    String name = workflowFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return workflowFile.resolveSibling(name + ".golden.json");
  }
}
