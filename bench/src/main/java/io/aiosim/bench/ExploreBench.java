package io.aiosim.bench;

import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.engine.ClockKind;
import io.aiosim.explore.Exploration;
import io.aiosim.explore.Explorer;
import io.aiosim.report.RunResult;
import io.aiosim.run.Simulation;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code aiosim explore} without the command line (SPEC 9): {@code explore} is one whole
 * exploration (schedules/s = its schedules / score; 864 for explore-ten-tasks), {@code run} one
 * plain run of the same workflow without events (what each schedule costs at least). Run from
 * {@code bench/}: the files are relative to it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:+UseCompactObjectHeaders", "-Xms1g", "-Xmx1g"})
public class ExploreBench {
  @Param({"workflows/explore-ten-tasks.yaml", "../workflows/seed/gather-handle-exception.yaml"})
  String file;

  private Workflow workflow;

  @Setup(Level.Trial)
  public void setUp() {
    workflow = WorkflowReader.read(Path.of(file)).workflow();
    if (workflow == null) {
      throw new IllegalStateException("cannot read " + file);
    }
  }

  @Benchmark
  public Exploration explore() {
    return Explorer.explore(workflow, 10_000);
  }

  @Benchmark
  public RunResult run() {
    return Simulation.run(workflow, ClockKind.VIRTUAL, new Simulation.Options(false));
  }
}
