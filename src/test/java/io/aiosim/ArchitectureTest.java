package io.aiosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering the README promises, read off the sources' imports: engine/ mirrors asyncio alone,
 * and the packages form no cycle (data flows one way: dsl -> run -> report -> output).
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/io/aiosim");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?io\\.aiosim\\.(?:([a-z]+)\\.|[A-Z])");

  /** Each package's project packages it imports (the root package is "aiosim"). */
  static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> deps = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path dir = SOURCES.relativize(f).getParent();
        String pkg = dir == null ? "aiosim" : dir.toString();
        Set<String> set = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          String imported = m.group(1) == null ? "aiosim" : m.group(1);
          if (!imported.equals(pkg)) {
            set.add(imported);
          }
        }
      }
    }
    return deps;
  }

  @Test
  void engineImportsNothingFromTheProject() throws IOException {
    Map<String, Set<String>> deps = dependencies();
    assertThat(deps).containsKey("engine");
    assertThat(deps.get("engine")).as("project packages engine/ imports").isEmpty();
  }

  @Test
  void packagesFormNoCycle() throws IOException {
    Map<String, Set<String>> deps = dependencies();
    assertThat(deps.keySet()).contains("dsl", "engine", "strategy", "run", "report", "cli");
    List<String> cycle = new ArrayList<>();
    for (String start : deps.keySet()) {
      if (reaches(deps, start, start, new TreeSet<>(), cycle)) {
        break;
      }
    }
    assertThat(cycle).as("a package cycle").isEmpty();
  }

  @Test
  void theCycleCheckFindsACycle() {
    Map<String, Set<String>> deps = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
    List<String> cycle = new ArrayList<>();
    assertThat(reaches(deps, "a", "a", new TreeSet<>(), cycle)).isTrue();
    assertThat(cycle).containsExactly("a", "b", "c");
  }

  /** Whether {@code target} is reachable from {@code from}; {@code path} collects the way there. */
  private static boolean reaches(
      Map<String, Set<String>> deps, String from, String target, Set<String> seen, List<String> path) {
    path.add(from);
    for (String next : deps.getOrDefault(from, Set.of())) {
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next) && reaches(deps, next, target, seen, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }
}
