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
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-XX:+UseSerialGC");
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
    Process p = builder(env, log, args).start();
    if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("child aiosim did not finish within 120 s (a guard against hangs)");
    }
    return p.exitValue();
  }
}
