package io.aiosim.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the workflow files named on a command line: a file as given, a folder walked
 * recursively for {@code *.yaml}/{@code *.yml}, in sorted path order so that every run visits
 * them alike. Hidden entries (a leading dot: {@code .git}, temporaries) are skipped.
 */
public final class WorkflowFiles {
  /** A workflow file and the argument it came from ({@code root}: the folder, or the file's own folder). */
  public record Source(Path file, Path root) {
    /** The file's path below its argument folder: {@code topic/x.yaml}, or {@code x.yaml}. */
    public Path relative() {
      return root.relativize(file);
    }
  }

  /** The files found, and the arguments that named nothing. */
  public record Found(List<Source> sources, List<String> problems) {}

  private WorkflowFiles() {}

  public static Found find(List<Path> args) {
    List<Source> sources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path arg : args) {
      if (Files.isDirectory(arg)) {
        List<Path> files = walk(arg, WorkflowFiles::isWorkflow);
        if (files.isEmpty()) {
          problems.add(arg + ": no workflow files (*.yaml, *.yml) in this folder");
        }
        files.forEach(f -> sources.add(new Source(f, arg)));
      } else if (Files.exists(arg)) { // a file, or a pipe such as <(...): read once, later
        sources.add(new Source(arg, arg.getParent() == null ? Path.of("") : arg.getParent()));
      } else {
        problems.add(arg + ": no such file or folder");
      }
    }
    return new Found(sources, problems);
  }

  /**
   * Goldens and pending goldens under the folder arguments with no workflow beside them (a file
   * argument names a workflow, whose goldens are referenced by definition).
   */
  public static List<Path> unreferenced(List<Path> args) {
    List<Path> out = new ArrayList<>();
    for (Path arg : args) {
      if (Files.isDirectory(arg)) {
        out.addAll(walk(arg, p -> Scenario.isGoldenFile(p) && Scenario.owning(p) == null));
      }
    }
    return out;
  }

  static boolean isWorkflow(Path p) {
    String n = p.getFileName().toString();
    return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.contains(".golden.json");
  }

  private static List<Path> walk(Path dir, java.util.function.Predicate<Path> want) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !hidden(dir, p))
          .filter(Files::isRegularFile)
          .filter(want)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
