package io.aiosim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bucketed timer heap against the plain definition of SPEC 5's order: a PriorityQueue by
 * (when, seq) from which cancelled timers are skipped. Random schedules with many ties (a few
 * instants), interleaved adds, cancels and moves; the seed is in each test's name.
 */
class TimerQueueTest {

  @TestFactory
  Stream<DynamicTest> sameOrderAsAPriorityQueueByWhenThenSeq() {
    return LongStream.range(0, 40).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  private static void check(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    TimerQueue queue = new TimerQueue();
    PriorityQueue<TimerHandle> reference =
        new PriorityQueue<>(Comparator.<TimerHandle>comparingLong(h -> h.when).thenComparingLong(h -> h.seq));
    List<TimerHandle> live = new ArrayList<>();
    long seq = 0;
    long now = 0;
    int spread = 1 + rng.nextInt(5); // few instants: many ties and shared buckets
    for (int step = 0; step < 3000; step++) {
      int op = rng.nextInt(10);
      if (op < 6) {
        TimerHandle h = new TimerHandle(now + 1 + rng.nextInt(spread), () -> {});
        h.seq = seq++;
        queue.add(h);
        reference.add(h);
        live.add(h);
      } else if (op < 8 && !live.isEmpty()) {
        live.get(rng.nextInt(live.size())).cancel();
      } else {
        while (!reference.isEmpty() && reference.peek().cancelled) {
          reference.poll();
        }
        long first = queue.firstWhen();
        assertThat(queue.isEmpty()).isEqualTo(reference.isEmpty());
        if (reference.isEmpty()) {
          continue;
        }
        assertThat(first).isEqualTo(reference.peek().when);
        now = Math.max(now, first);
        long endTime = now + 1;
        List<TimerHandle> expected = new ArrayList<>();
        while (!reference.isEmpty() && reference.peek().when < endTime) {
          TimerHandle h = reference.poll();
          if (!h.cancelled) {
            expected.add(h);
          }
        }
        ArrayDeque<Handle> ready = new ArrayDeque<>();
        queue.moveDue(endTime, ready);
        assertThat(new ArrayList<>(ready)).as("seed %d step %d", seed, step).containsExactlyElementsOf(expected);
        live.removeAll(expected);
      }
    }
  }
}
