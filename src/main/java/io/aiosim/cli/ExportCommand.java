package io.aiosim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code aiosim export}. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Prints a workflow as an equivalent Python asyncio program.")
final class ExportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new IllegalStateException("export: not built yet");
  }
}
