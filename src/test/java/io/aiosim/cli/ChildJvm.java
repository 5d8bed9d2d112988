package io.aiosim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code aiosim} in a child JVM with this test run's classpath (for env and kill tests). */
final class ChildJvm {
  private ChildJvm() {}

  static ProcessBuilder builder(Map<String, String> env, Path log, String... args) {
    return builder(List.of(), env, log, args);
  }

  /** As above, started through {@code prefix} (a shell that sets a limit, say). */
  static ProcessBuilder builder(List<String> prefix, Map<String, String> env, Path log, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(java);
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:-UsePerfData");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("CI");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb;
  }

  static int run(Map<String, String> env, Path log, String... args) throws IOException, InterruptedException {
    return run(builder(env, log, args));
  }

  static int run(ProcessBuilder pb) throws IOException, InterruptedException {
    Process p = pb.start();
    // A guard against hangs, not a timing assertion: a JVM start on a 2-core machine shared by
    // several builds can take tens of seconds.
    if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("child aiosim did not finish within 120 s");
    }
    return p.exitValue();
  }
}
