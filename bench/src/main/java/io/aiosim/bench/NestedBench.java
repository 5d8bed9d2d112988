package io.aiosim.bench;

import io.aiosim.dsl.Workflow;
import io.aiosim.engine.ClockKind;
import io.aiosim.run.Simulation;
import io.aiosim.report.RunResult;
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

/** Nested groups: gather over {@code groups} group tasks, each a taskgroup over n/groups tasks. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:+UseCompactObjectHeaders", "-Xms2g", "-Xmx2g", "-Xss8m"})
public class NestedBench {
  @Param({"10000", "100000", "1000000"})
  int n;

  @Param({"100"})
  int groups;

  @Param({"UNIFORM"})
  Workflows.Delays delays;

  private Workflow workflow;

  @Setup(Level.Trial)
  public void setUp() {
    workflow = Workflows.nested(n, groups, delays);
  }

  @Benchmark
  public RunResult run() {
    return Simulation.run(workflow, ClockKind.VIRTUAL);
  }
}
