package io.aiosim.bench;

import io.aiosim.dsl.WorkflowReader;
import io.aiosim.export.PythonExporter;
import java.nio.file.Path;

/**
 * Prints a workflow file as its Python program with the project's own exporter, for {@code
 * compare.py} on a tree where {@code aiosim export --python} is not wired into the CLI yet.
 */
public final class ExportPython {
  private ExportPython() {}

  public static void main(String[] args) {
    WorkflowReader.Loaded loaded = WorkflowReader.read(Path.of(args[0]));
    if (loaded.workflow() == null) {
      loaded.diagnostics().forEach(System.err::println);
      System.exit(2);
    }
    System.out.print(PythonExporter.export(loaded.workflow()));
  }
}
