package io.aiosim.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Checks, before anything runs, that an output path can be what it must be: a folder for
 * {@code run --out}, a file for {@code test --junit}. A run of many workflows should not end
 * in a failure that was certain from the start. What only writing can tell (permissions, a
 * full disk) is reported when it happens, as a {@link io.aiosim.golden.FileError}.
 */
final class OutputPaths {
  private OutputPaths() {}

  /** Why {@code dir} cannot be (or become) a folder to write into, or null. */
  static String folderProblem(Path dir) {
    if (dir == null) {
      return null;
    }
    if (Files.exists(dir)) {
      return Files.isDirectory(dir) ? null : dir + ": is a file, expected a folder";
    }
    return ancestorProblem(dir);
  }

  /** Why a file cannot be written at {@code file}, or null. */
  static String fileProblem(Path file) {
    if (file == null) {
      return null;
    }
    if (Files.isDirectory(file)) {
      return file + ": is a folder, expected a file";
    }
    // A device or a pipe would be replaced by the atomic rename, not written to.
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
      return file + ": is not a regular file";
    }
    return ancestorProblem(file);
  }

  /** The nearest existing folder above {@code p} must be a folder. */
  private static String ancestorProblem(Path p) {
    for (Path up = p.getParent(); up != null; up = up.getParent()) {
      if (Files.exists(up)) {
        return Files.isDirectory(up) ? null : p + ": " + up + " is a file, not a folder";
      }
    }
    return null;
  }
}
