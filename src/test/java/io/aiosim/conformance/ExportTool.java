package io.aiosim.conformance;

import io.aiosim.export.PythonExporter;
import java.nio.file.Path;

/** Scratch: prints the export of a corpus file (until WorkflowReader lands). */
final class ExportTool {
  public static void main(String[] args) throws Exception {
    System.out.print(PythonExporter.export(CorpusYaml.read(Path.of(args[0]))));
  }
}
