package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launchers' shared script (src/dist/libexec/java.sh), run by bash. */
class LauncherTest {
  @TempDir Path tmp;

  private static List<String> bash(String script, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". src/dist/libexec/java.sh\n" + script).redirectErrorStream(true);
    pb.environment().remove("AIOSIM_JAVA");
    pb.environment().putAll(env);
    Process p = pb.start();
    List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(p.waitFor()).as(String.join("\n", lines)).isZero();
    return lines;
  }

  /** java.sh's aot_kind picks the run cache exactly for the command lines RunCommand.plain runs. */
  @Test
  void theLauncherPicksTheCacheOfTheCommandLine() throws Exception {
    record Row(String kind, String... args) {}
    List<Row> rows =
        List.of(
            new Row("run", "run", "a.yaml"),
            new Row("run", "run", "a.yaml", "dir", "b c.yml"),
            new Row("all", "run"),
            new Row("all", "run", "-"),
            new Row("all", "run", "--no-events", "a.yaml"),
            new Row("all", "run", "a.yaml", "--format", "text"),
            new Row("all", "run", "@args.txt"),
            new Row("all", "run", ""),
            new Row("version", "--version"),
            new Row("version", "-V"),
            new Row("all", "--version", "--help"),
            new Row("all", "run", "--version"),
            new Row("all", "--help"),
            new Row("all"),
            new Row("all", "test", "a.yaml"),
            new Row("all", "validate", "a.yaml"));
    StringBuilder script = new StringBuilder();
    for (Row row : rows) {
      script.append("aot_kind");
      for (String a : row.args()) script.append(" '").append(a).append('\'');
      script.append("; echo \"$REPLY\"\n");
    }
    List<String> kinds = bash(script.toString(), Map.of());
    List<String> expected = new ArrayList<>();
    for (Row row : rows) {
      expected.add(row.kind());
      if (row.args().length > 0 && row.args()[0].equals("run")) {
        assertThat(RunCommand.plain(row.args())).as(String.join(" ", row.args())).isEqualTo(row.kind().equals("run"));
      }
    }
    assertThat(kinds).isEqualTo(expected);
    assertThat(CacheTraining.KINDS).containsExactlyInAnyOrderElementsOf(Set.copyOf(expected));
  }

  /** A JDK whose release file says {@code version}; its java only prints that it ran. */
  private Path fakeJdk(String name, String version) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve(name).resolve("bin"));
    Files.writeString(tmp.resolve(name).resolve("release"), "JAVA_VERSION=\"" + version + "\"\nJAVA_RUNTIME_VERSION=\"" + version + "+1\"\n");
    Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho fake\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return java;
  }

  /**
   * The newest JDK >= 21 wins wherever it is found, also when one JDK is reachable by several
   * paths (java.sh skips the aliases with -ef instead of resolving each link), and a qualifying
   * AIOSIM_JAVA wins over a newer one.
   */
  @Test
  void theNewestJdkWinsAndAnAliasIsTheSameJdk() throws Exception {
    Path newest = fakeJdk("jdk-99", "99.0.1");
    Path old = fakeJdk("jdk-20", "20.0.2");
    Path bin = Files.createDirectories(tmp.resolve("path"));
    Files.createSymbolicLink(bin.resolve("java"), newest); // the PATH's java: the same JDK again
    String script = "find_java; echo \"$java_bin $java_major ${java_flags[*]}\"";
    String path = bin + ":" + System.getenv("PATH");
    List<String> found = bash(script, Map.of("JAVA_HOME", newest.getParent().getParent().toString(), "PATH", path));
    assertThat(found).singleElement().asString().startsWith(newest + " 99 ").contains("-XX:+UseCompactObjectHeaders");
    found = bash(script, Map.of("JAVA_HOME", old.getParent().getParent().toString(), "PATH", path));
    assertThat(found).singleElement().asString().startsWith(bin.resolve("java") + " 99 ");
    String jdk25 = ProcessHandle.current().info().command().orElseThrow();
    found = bash(script, Map.of("AIOSIM_JAVA", jdk25, "JAVA_HOME", newest.getParent().getParent().toString(), "PATH", path));
    assertThat(found).singleElement().asString().startsWith(jdk25 + " " + Runtime.version().feature() + " ");
  }
}
