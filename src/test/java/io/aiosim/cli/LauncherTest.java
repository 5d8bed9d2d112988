package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launchers' shared script (src/dist/libexec/java.sh), run by bash. */
class LauncherTest {
  @TempDir Path tmp;

  private static List<String> bash(String script, Map<String, String> env) throws Exception {
    return bashOutput(script, env).lines().toList();
  }

  /** What {@code script} prints (stdout and stderr), after java.sh is sourced; it must end with status 0. */
  private static String bashOutput(String script, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". src/dist/libexec/java.sh\n" + script).redirectErrorStream(true);
    pb.environment().remove("AIOSIM_JAVA");
    pb.environment().remove("AIOSIM_TIER");
    for (String options : List.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) pb.environment().remove(options);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  /**
   * java.sh's aot_kind picks the run cache exactly for the command lines PlainRun.matches accepts
   * (of workflows that are not there: for a large one, see the next test), and the text cache
   * exactly for --version and the help forms HelpTexts answers.
   */
  @Test
  void theLauncherPicksTheCacheOfTheCommandLine() throws Exception {
    record Row(String kind, String... args) {}
    List<Row> rows =
        List.of(
            new Row("run", "run", "a.yaml"),
            new Row("run", "run", "a.yaml", "dir", "b c.yml"),
            new Row("all", "run"),
            new Row("all", "run", "-"),
            new Row("run", "run", "--no-events", "a.yaml"),
            new Row("run", "run", "a.yaml", "--no-events"),
            new Row("all", "run", "--no-events"),
            new Row("all", "run", "--no-events", "a.yaml", "--no-events"),
            new Row("all", "run", "--no-events=true", "a.yaml"),
            new Row("all", "run", "a.yaml", "--format", "text"),
            new Row("all", "run", "@args.txt"),
            new Row("all", "run", ""),
            new Row("run", "run", "help"),
            new Row("text", "--version"),
            new Row("text", "-V"),
            new Row("all", "--version", "--help"),
            new Row("all", "run", "--version"),
            new Row("text", "--help"),
            new Row("text", "-h"),
            new Row("text", "help"),
            new Row("text", "run", "--help"),
            new Row("text", "validate", "-h"),
            new Row("text", "help", "matrix"),
            new Row("text", "rnu", "--help"),
            new Row("all", "help", "--help"),
            new Row("all", "help", "aiosim"),
            new Row("all", "Run", "--help"),
            new Row("all", "run", "a.yaml", "--help"),
            new Row("all", "help", "run", "x"),
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
      String line = String.join(" ", row.args());
      if (row.args().length > 0 && row.args()[0].equals("run")) {
        assertThat(PlainRun.matches(row.args())).as(line).isEqualTo(row.kind().equals("run"));
      }
      boolean version = row.args().length == 1 && (row.args()[0].equals("--version") || row.args()[0].equals("-V"));
      assertThat(version || HelpTexts.topic(row.args()) != null).as(line).isEqualTo(row.kind().equals("text"));
    }
    assertThat(kinds).isEqualTo(expected);
    assertThat(CacheTraining.KINDS).containsExactlyInAnyOrderElementsOf(Set.copyOf(expected));
  }

  /**
   * A run command line that aot_kind would give the all cache for its options gets the run cache
   * when it names a workflow file too large for C1 (small_files): a large run's profiles are the
   * run cache's. Other commands, and runs of small files, keep the all cache.
   */
  @Test
  void aLargeRunGetsTheRunCacheWhateverItsOptions() throws Exception {
    Files.writeString(tmp.resolve("small.yaml"), "version: 1\nstrategy: {kind: gather}\ntasks: [{name: a, delay: 1}]\n");
    Files.writeString(tmp.resolve("counted.yaml"), "version: 1\nstrategy: {kind: gather}\ntasks: [{name: 'a{i}', count: 1000000, delay: 1}]\n");
    Files.createDirectories(tmp.resolve("out"));
    record Row(String kind, String... args) {}
    List<Row> rows =
        List.of(
            new Row("run", "run", "counted.yaml", "--out", "out"),
            new Row("run", "run", "--format", "jsonl", "counted.yaml"),
            new Row("run", "run", "small.yaml", "-o", "out", "counted.yaml"),
            new Row("run", "run", "--no-events", "--no-events", "counted.yaml"),
            new Row("run", "run", "counted.yaml"),
            new Row("all", "run", "small.yaml", "--out", "out"),
            new Row("all", "run", "--format", "text", "small.yaml", "missing.yaml"),
            new Row("all", "run", "-", "--out", "out"),
            new Row("all", "validate", "counted.yaml"),
            new Row("all", "test", "counted.yaml", "--update"));
    StringBuilder script = new StringBuilder("cd '" + tmp + "'\n");
    for (Row row : rows) {
      script.append("aot_kind");
      for (String a : row.args()) script.append(" '").append(a).append('\'');
      script.append("; echo \"$REPLY\"\n");
    }
    assertThat(bash(script.toString(), Map.of())).isEqualTo(rows.stream().map(Row::kind).toList());
  }

  /**
   * The text command lines run in the interpreter, and off a terminal they tell picocli not to
   * color, which is what picocli decides by itself there (this JVM's stdout is a pipe too); a
   * plain run of workflows of at most 100,000 tasks uses C1 only (java.sh kind_flags), the
   * workflow's own name counting no task.
   */
  @Test
  void eachKindOfCommandLineGetsItsFlags() throws Exception {
    Files.writeString(tmp.resolve("small.yaml"), "version: 1\nstrategy: {kind: gather}\ntasks: [{name: a, delay: 1}]\n");
    Files.writeString(tmp.resolve("small2.yaml"), "version: 1\nstrategy: {kind: gather}\ntasks: [{name: b, delay: 2}]\n");
    Files.writeString(tmp.resolve("counted.yaml"), "version: 1\nstrategy: {kind: gather}\ntasks: [{name: 'a{i}', count: 1000000, delay: 1}]\n");
    Files.writeString(tmp.resolve("large.yaml"), "# " + "x".repeat(70_000) + "\nversion: 1\n");
    Files.writeString(tmp.resolve("thousand.yaml"), "version: 1\nstrategy: {kind: gather}\ntasks: [{name: 'a{i}', count: 1000, delay: 1}]\n");
    Files.writeString(tmp.resolve("nested.yaml"), """
        version: 1
        strategy: {kind: gather}
        tasks:
          - name: 'g{i}'
            count: 400 # 400 x 300 > 100,000
            group: {strategy: {kind: gather}, tasks: [{name: 't{i}', count: 300, delay: 1}]}
        """);
    Files.writeString(tmp.resolve("hex.yaml"), "version: 1\nstrategy: {kind: gather}\ntasks: [{name: 'a{i}', count: 0xF4240, delay: 1}]\n");
    // The workflow's own name counts no task; a second "name:" at column 0 (flow) does.
    Files.writeString(tmp.resolve("named.yaml"), "version: 1\nname: big\nstrategy: {kind: gather}\ntasks: [{name: 'a{i}', count: 100000, delay: 1}]\n");
    Files.writeString(tmp.resolve("named2.yaml"), "name: big\nversion: 1\nstrategy: {kind: gather}\ntasks: [{name: 'a{i}', count: 100000, delay: 1}]\n");
    Files.writeString(tmp.resolve("twotasks.yaml"), "version: 1\nname: big\nstrategy: {kind: gather}\ntasks: [{name: 'a{i}', count: 60000, delay: 1},\n  {name: 'b{i}', count: 60000, delay: 1}]\n");
    Files.writeString(tmp.resolve("indented.yaml"), "version: 1\nstrategy: {kind: gather}\ntasks:\n  - name: 'a{i}'\n    count: 100000\n    delay: 1\n  - name: b\n    delay: 1\n");
    Files.writeString(tmp.resolve("word.yaml"), "version: 1\nstrategy: {kind: gather}\ntasks: [{name: a, steps: [{log: count them}]}]\n");
    Files.createDirectories(tmp.resolve("folder"));
    record Row(String expected, Map<String, String> env, String kind, String... args) {}
    // java_flags (with which the cache is trained), then | and this run's own flags.
    String c1 = "-Xss8m|-XX:TieredStopAtLevel=1";
    List<Row> rows =
        List.of(
            new Row("-Xss8m -Xint|-Dpicocli.ansi=false", Map.of("CLICOLOR_FORCE", "0"), "text", "--version"),
            new Row("-Xss8m -Xint|", Map.of("CLICOLOR_FORCE", "1"), "text", "--help"),
            new Row("-Xss8m|", Map.of(), "all", "validate", "small.yaml"),
            new Row(c1, Map.of(), "run", "run", "small.yaml"),
            new Row(c1, Map.of(), "run", "run", "small.yaml", "small2.yaml"),
            new Row(c1, Map.of(), "run", "run", "--no-events", "small.yaml"),
            new Row("-Xss8m|", Map.of(), "run", "run", "small.yaml", "--no-events", "counted.yaml"),
            new Row("-Xss8m|", Map.of(), "run", "run", "counted.yaml"),
            new Row(c1, Map.of(), "run", "run", "thousand.yaml", "small.yaml"),
            new Row("-Xss8m|", Map.of(), "run", "run", "nested.yaml"),
            new Row("-Xss8m|", Map.of(), "run", "run", "hex.yaml"),
            new Row("-Xss8m|", Map.of(), "run", "run", "word.yaml"),
            new Row(c1, Map.of(), "run", "run", "named.yaml"),
            new Row(c1, Map.of(), "run", "run", "named2.yaml"),
            new Row("-Xss8m|", Map.of(), "run", "run", "twotasks.yaml"),
            new Row("-Xss8m|", Map.of(), "run", "run", "indented.yaml"),
            new Row("-Xss8m|", Map.of(), "run", "run", "small.yaml", "counted.yaml"),
            new Row("-Xss8m|", Map.of(), "run", "run", "large.yaml"),
            new Row("-Xss8m|", Map.of(), "run", "run", "folder"),
            new Row("-Xss8m|", Map.of(), "run", "run", "missing.yaml"),
            new Row("-Xss8m|", Map.of("AIOSIM_TIER", "4"), "run", "run", "small.yaml"));
    for (Row row : rows) {
      StringBuilder script = new StringBuilder("cd '" + tmp + "'; java_flags=(-Xss8m); kind_flags " + row.kind());
      for (String a : row.args()) script.append(" '").append(a).append('\'');
      script.append("; echo \"${java_flags[*]}|${kind_java_flags[*]}\"");
      assertThat(bash(script.toString(), row.env())).as(row.kind() + " " + String.join(" ", row.args())).containsExactly(row.expected());
    }
    Assumptions.assumeTrue(System.console() == null && System.getProperty("picocli.ansi") == null
        && (System.getenv("CLICOLOR_FORCE") == null || System.getenv("CLICOLOR_FORCE").equals("0")),
        "this JVM runs on a terminal, or with CLICOLOR_FORCE or picocli.ansi set");
    assertThat(CommandLine.Help.Ansi.AUTO.enabled()).isFalse();
  }

  /**
   * texts_print prints --version always, a help form only when kind_flags found that picocli
   * would not color it (texts_plain), and returns to start the JVM for a command line without a
   * file. texts_setup offers no folder when the caches are off or options for the JVM are set,
   * nor when its java fails, and starts no java for a folder newer than the jar.
   */
  @Test
  void theLauncherPrintsTheTextsItHasAndLeavesTheRestToTheJvm() throws Exception {
    Path texts = Files.createDirectories(tmp.resolve("aiosim-B.texts"));
    record Row(String expected, String plain, String... args) {}
    List<Row> rows =
        List.of(
            new Row("v 1\nJava x\n", "0", "--version"),
            new Row("v 1\nJava x\n", "0", "-V"),
            new Row("returned\n", "0", "--help"),
            new Row("all\n", "1", "--help"),
            new Row("all\n", "1", "-h"),
            new Row("all\n", "1", "help"),
            new Row("run's\n\n", "1", "run", "--help"),
            new Row("run's\n\n", "1", "run", "-h"),
            new Row("run's\n\n", "1", "help", "run"),
            new Row("returned\n", "0", "help", "run"),
            new Row("returned\n", "1", "validate", "--help"));
    Files.writeString(texts.resolve("version.txt"), "v 1\nJava x\n");
    Files.writeString(texts.resolve("aiosim.plain.txt"), "all\n");
    Files.writeString(texts.resolve("run.plain.txt"), "run's\n\n");
    for (Row row : rows) {
      StringBuilder script = new StringBuilder("texts='" + texts + "' texts_plain=" + row.plain() + "; texts_print");
      for (String a : row.args()) script.append(" '").append(a).append('\'');
      script.append("; echo returned");
      assertThat(bashOutput(script.toString(), Map.of())).as(String.join(" ", row.args()) + " plain=" + row.plain())
          .isEqualTo(row.expected());
    }
    assertThat(bash("kind_flags text --help; echo $texts_plain; kind_flags run run a.yaml; echo $texts_plain", Map.of("CLICOLOR_FORCE", "0")))
        .containsExactly("1", "0");
    assertThat(bash("kind_flags text --help; echo $texts_plain", Map.of("CLICOLOR_FORCE", "1"))).containsExactly("0");
    Path stamp = Files.writeString(tmp.resolve("stamp.jar"), "");
    Files.setLastModifiedTime(stamp, FileTime.fromMillis(Files.getLastModifiedTime(texts.resolve("version.txt")).toMillis() - 10_000));
    String setup = "java_bin=/bin/false java_build=B; texts_setup '" + tmp + "' '" + stamp + "'; echo \"[$texts]\"";
    assertThat(bash(setup, Map.of("AIOSIM_AOT", "1"))).containsExactly("[" + texts + "]");
    assertThat(bash(setup, Map.of("AIOSIM_AOT", "0"))).containsExactly("[]");
    assertThat(bash(setup, Map.of("AIOSIM_AOT", "1", "JAVA_OPTS", "-Xmx1g"))).containsExactly("[]");
    assertThat(bash(setup, Map.of("AIOSIM_AOT", "1", "JDK_JAVA_OPTIONS", "-Xmx1g"))).containsExactly("[]");
    Files.setLastModifiedTime(stamp, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    assertThat(bash(setup, Map.of("AIOSIM_AOT", "1"))).as("java fails on a stale folder").containsExactly("[]");
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
