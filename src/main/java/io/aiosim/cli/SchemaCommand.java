package io.aiosim.cli;

import io.aiosim.dsl.SchemaValidator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aiosim schema}: prints dsl-schema/workflow.schema.json, as packed into the jar. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the JSON Schema of the workflow DSL.",
      "Editors use it for completion and hover help; the full reference is docs/spec.md."
    })
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(SchemaValidator.schemaText());
    out.flush();
    return ExitCode.OK.code();
  }
}
