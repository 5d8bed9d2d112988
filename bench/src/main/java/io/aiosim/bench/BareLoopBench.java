package io.aiosim.bench;

import io.aiosim.dsl.SplitMix64;
import io.aiosim.dsl.Values;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
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
 * The reference point: a bare discrete-event loop on the same JVM (a PriorityQueue of
 * timers ordered by (when, seq) and an ArrayDeque ready queue, no futures, no events), running
 * the same N tasks that each sleep their delay and then return. What the engine approaches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:+UseCompactObjectHeaders", "-Xms2g", "-Xmx2g"})
public class BareLoopBench {
  @Param({"10000", "100000", "1000000"})
  int n;

  private long[] delays;

  @Setup(Level.Trial)
  public void setUp() {
    SplitMix64 rng = new SplitMix64(1);
    delays = new long[n];
    for (int i = 0; i < n; i++) {
      delays[i] = Values.secondsToNs(rng.uniform(0.0, 10.0));
    }
  }

  private static final class BareTask {
    final int index;
    int pc;

    BareTask(int index) {
      this.index = index;
    }
  }

  private record Timer(long when, long seq, BareTask task) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(when, o.when);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  @Benchmark
  public Object[] run() {
    ArrayDeque<BareTask> ready = new ArrayDeque<>();
    PriorityQueue<Timer> timers = new PriorityQueue<>();
    Object[] results = new Object[n];
    long now = 0;
    long seq = 0;
    for (int i = 0; i < n; i++) {
      ready.addLast(new BareTask(i));
    }
    while (true) {
      for (int k = ready.size(); k > 0; k--) {
        BareTask t = ready.pollFirst();
        if (t.pc++ == 0) {
          timers.add(new Timer(now + delays[t.index], seq++, t)); // await sleep(d)
        } else {
          results[t.index] = (long) t.index; // return i
        }
      }
      if (ready.isEmpty()) {
        Timer first = timers.peek();
        if (first == null) {
          return results;
        }
        now = first.when();
      }
      while (!timers.isEmpty() && timers.peek().when() <= now) {
        ready.addLast(timers.poll().task());
      }
    }
  }
}
