package io.aiosim.bench;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.Workflow;
import io.aiosim.engine.ClockKind;
import io.aiosim.run.Simulation;
import io.aiosim.report.RunResult;
import io.aiosim.view.HtmlView;
import io.aiosim.view.TraceView;
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
 * Rendering one gather run as the HTML page ({@code --format html}: lanes, band, outcome, and
 * the JSON report when it is small enough to embed) and as a Chrome trace (every task a track).
 * Each result's length is returned, so the work is not dead code; the page's length is the file
 * size in characters (the page is ASCII but for a few marks).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:+UseCompactObjectHeaders", "-Xms2g", "-Xmx2g"})
public class ViewBench {
  @Param({"10000", "100000"})
  int n;

  private Workflow workflow;
  private RunResult result;

  @Setup(Level.Trial)
  public void setUp() {
    workflow = Workflows.flat(StrategySpec.Kind.GATHER, n, Workflows.Delays.UNIFORM);
    result = Simulation.run(workflow, ClockKind.VIRTUAL);
    System.out.printf("%n[ViewBench] n=%d: page %,d chars, trace %,d chars%n", n, html(), trace());
  }

  @Benchmark
  public int html() {
    return HtmlView.page(result, workflow).length();
  }

  @Benchmark
  public int trace() {
    return TraceView.trace(result, workflow).length();
  }
}
