package io.aiosim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code aiosim run}. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs workflows and prints their reports.")
final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new IllegalStateException("run: not built yet");
  }
}
