package io.aiosim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code aiosim validate}. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Checks workflow files and reports every problem with its position.")
final class ValidateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new IllegalStateException("validate: not built yet");
  }
}
