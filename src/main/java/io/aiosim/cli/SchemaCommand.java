package io.aiosim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code aiosim schema}. */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Prints the JSON Schema of the workflow DSL.")
final class SchemaCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new IllegalStateException("schema: not built yet");
  }
}
