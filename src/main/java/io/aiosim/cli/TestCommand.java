package io.aiosim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code aiosim test}. */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Runs workflows and compares each report with its golden file.")
final class TestCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new IllegalStateException("test: not built yet");
  }
}
