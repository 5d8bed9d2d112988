package io.aiosim.conformance;

import io.aiosim.dsl.Workflow;
import java.io.IOException;
import java.nio.file.Path;

/** Loading workflow files for the conformance tests, and where their goldens are. */
final class Workflows {
  private Workflows() {}

  static Workflow load(Path file) throws IOException {
    return CorpusYaml.read(file);
  }

  /** {@code x.yaml} -> {@code x.golden.json}, beside it. */
  static Path golden(Path workflowFile) {
    String name = workflowFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return workflowFile.resolveSibling(name + ".golden.json");
  }
}
