package io.aiosim.bench;

import io.aiosim.dsl.StrategySpec;
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

/**
 * One {@code asyncio.run} of N tasks under each strategy, events recorded, report not written:
 * the engine alone. Tasks/s = n / score. The model is built once per trial (loading is the dsl's
 * cost, measured by {@link Phases}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:+UseCompactObjectHeaders", "-Xms2g", "-Xmx2g", "-Xss8m"})
public class EngineBench {
  @Param({"10000", "100000", "1000000"})
  int n;

  @Param({"GATHER", "TASKGROUP", "AS_COMPLETED", "WAIT", "CREATE_TASK"})
  StrategySpec.Kind kind;

  @Param({"UNIFORM"})
  Workflows.Delays delays;

  private Workflow workflow;

  @Setup(Level.Trial)
  public void setUp() {
    workflow = Workflows.flat(kind, n, delays);
  }

  @Benchmark
  public RunResult run() {
    return Simulation.run(workflow, ClockKind.VIRTUAL);
  }
}
