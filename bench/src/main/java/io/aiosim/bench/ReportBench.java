package io.aiosim.bench;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.engine.ClockKind;
import io.aiosim.run.Simulation;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.RunResult;
import java.io.Writer;
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

/** Writing one gather run's report (SPEC 6 layout) to a writer that discards it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:+UseCompactObjectHeaders", "-Xms2g", "-Xmx2g"})
public class ReportBench {
  @Param({"10000", "100000"})
  int n;

  private RunResult result;

  @Setup(Level.Trial)
  public void setUp() {
    result =
        Simulation.run(Workflows.flat(StrategySpec.Kind.GATHER, n, Workflows.Delays.UNIFORM), ClockKind.VIRTUAL);
  }

  @Benchmark
  public long write() {
    CountingWriter w = new CountingWriter();
    ReportWriter.write(result, w);
    return w.chars;
  }

  /** Counts what it is given, so that nothing is dead code and no I/O is timed. */
  static final class CountingWriter extends Writer {
    long chars;

    @Override
    public void write(char[] buf, int off, int len) {
      chars += len;
    }

    @Override
    public void write(String s, int off, int len) {
      chars += len;
    }

    @Override
    public void write(int c) {
      chars++;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
