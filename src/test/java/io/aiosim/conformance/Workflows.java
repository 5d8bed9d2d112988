package io.aiosim.conformance;

import io.aiosim.dsl.Diagnostic;
import io.aiosim.dsl.PythonVersion;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.golden.Scenario;
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

  /** A workflow's text, read as a file named {@code label} would be. */
  static Workflow parse(String label, String text) {
    WorkflowReader.Loaded loaded = WorkflowReader.read(label, text);
    if (loaded.workflow() == null) {
      throw new IllegalStateException(
          loaded.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    }
    return loaded.workflow();
  }

  /** {@code x.yaml} -> {@code x.golden.json}, beside it. */
  static Path golden(Path workflowFile) {
    return new Scenario(workflowFile).golden();
  }

  /** The golden of another version ({@code x.3.13.golden.json}), or the own one for null. */
  static Path golden(Path workflowFile, PythonVersion version) {
    return new Scenario(workflowFile, version == null ? null : version.key()).golden();
  }
}
