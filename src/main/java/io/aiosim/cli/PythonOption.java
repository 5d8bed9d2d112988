package io.aiosim.cli;

import io.aiosim.dsl.PythonVersion;
import picocli.CommandLine.Option;

/** {@code --python VERSION} of {@code run} and {@code explore} (SPEC 8): null keeps the file's own. */
final class PythonOption {
  @Option(
      names = "--python",
      paramLabel = "VERSION",
      converter = PythonVersionConverter.class,
      description = "The CPython whose asyncio to model: 3.12 (default), 3.13 or 3.11; overrides the workflow's python: key.")
  PythonVersion python;
}
