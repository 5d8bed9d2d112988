package io.aiosim.bench;

import io.aiosim.dsl.WorkflowReader;
import io.aiosim.engine.ClockKind;
import io.aiosim.run.Simulation;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.RunResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where one workflow's time goes, phase by phase, in one JVM: load (YAML to model), run (the
 * engine), write (the report to a file). Prints wall and CPU seconds per phase for each repeat;
 * CPU time is the figure to trust on a loaded machine. Usage: {@code java -cp
 * target/benchmarks.jar io.aiosim.bench.Phases FILE.yaml [repeats] [out.json]}
 */
public final class Phases {
  private Phases() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Path out = Path.of(args.length > 2 ? args[2] : "/dev/null");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    System.out.println("repeat  load_wall  load_cpu  run_wall  run_cpu  write_wall  write_cpu  tasks");
    for (int k = 0; k < repeats; k++) {
      long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
      WorkflowReader.Loaded loaded = WorkflowReader.read(file);
      if (loaded.workflow() == null) {
        loaded.diagnostics().forEach(System.err::println);
        System.exit(2);
      }
      long w1 = System.nanoTime(), c1 = mx.getCurrentThreadCpuTime();
      RunResult r = Simulation.run(loaded.workflow(), ClockKind.VIRTUAL);
      long w2 = System.nanoTime(), c2 = mx.getCurrentThreadCpuTime();
      try (Writer w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16)) {
        ReportWriter.write(r, w);
      }
      long w3 = System.nanoTime(), c3 = mx.getCurrentThreadCpuTime();
      System.out.printf(
          "%6d  %9.3f  %8.3f  %8.3f  %7.3f  %10.3f  %9.3f  %d%n",
          k, s(w1 - w0), s(c1 - c0), s(w2 - w1), s(c2 - c1), s(w3 - w2), s(c3 - c2), r.tasks().size());
    }
  }

  private static double s(long ns) {
    return ns / 1e9;
  }
}
