package io.aiosim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's seed and conformance workflow files, in name order: inputs for view tests. */
public final class RepositoryWorkflows {
  private RepositoryWorkflows() {}

  public static List<Path> seedAndConformance() {
    try (Stream<Path> seed = Files.list(Path.of("workflows/seed"));
        Stream<Path> conformance = Files.list(Path.of("workflows/conformance"))) {
      return Stream.concat(seed, conformance).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
