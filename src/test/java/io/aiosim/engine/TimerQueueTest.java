package io.aiosim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bucketed timer queue against the plain definition of SPEC 5's order: a PriorityQueue by
 * (when, seq) from which cancelled timers are skipped. Random schedules with many ties (a few
 * instants), interleaved adds, bursts of adds, cancels and moves; the seed is in each test's
 * name.
 */
class TimerQueueTest {

  @TestFactory
  Stream<DynamicTest> sameOrderAsAPriorityQueueByWhenThenSeq() {
    return LongStream.range(0, 40).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed, false)));
  }

  /**
   * With a TieOrder (SPEC 9), here one that reverses every tie: it is asked about exactly the
   * groups of two or more live timers due at one instant, each in (when, seq) order, and the
   * timers reach the ready queue in the order it leaves them.
   */
  @TestFactory
  Stream<DynamicTest> eachTiePassesThroughTheTieOrder() {
    return LongStream.range(0, 40).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed, true)));
  }

  private static void check(long seed, boolean reversing) {
    SplittableRandom rng = new SplittableRandom(seed);
    // Every third seed keeps new buckets in blocks of 8, so that a burst spans many blocks.
    TimerQueue queue = seed % 3 == 0 ? new TimerQueue(3) : new TimerQueue();
    // The order timers were set, as the reference sees it: apart from seq, which may wrap.
    Map<TimerHandle, Integer> setAt = new IdentityHashMap<>();
    PriorityQueue<TimerHandle> reference =
        new PriorityQueue<>(Comparator.<TimerHandle>comparingLong(h -> h.when).thenComparingLong(setAt::get));
    List<TimerHandle> live = new ArrayList<>();
    // Every other seed starts near the int's end, so that seq wraps in the middle of the run.
    int seq = seed % 2 == 0 ? Integer.MAX_VALUE - 1500 : 0;
    long now = 0;
    int spread = 1 + rng.nextInt(5); // few instants: many ties and shared buckets
    for (int step = 0; step < 3000; step++) {
      int op = rng.nextInt(10);
      if (op < 6) {
        // Now and then a burst (a gather starting its tasks): past TimerQueue.BATCH it is sorted
        // and merged into the run, and with a wider spread some of it is left for later bursts.
        boolean burst = rng.nextInt(40) == 0;
        int n = burst ? TimerQueue.BATCH + rng.nextInt(8 * TimerQueue.BATCH) : 1;
        // A few bursts span more instants than fit beside an index in a long: into the heap.
        long width = burst ? (rng.nextInt(8) == 0 ? 1L << 58 : spread * (1L + rng.nextInt(200))) : spread;
        for (int k = 0; k < n; k++) {
          TimerHandle h = new TimerHandle.Call(now + 1 + rng.nextLong(width), null, () -> {}, null);
          setAt.put(h, setAt.size());
          h.seq = seq++;
          queue.add(h);
          reference.add(h);
          live.add(h);
        }
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
        // Now and then past a further instant too (a real clock late by more than a tick).
        long endTime = now + 1 + (rng.nextInt(4) == 0 ? rng.nextInt(spread) : 0);
        List<TimerHandle> expected = new ArrayList<>();
        while (!reference.isEmpty() && reference.peek().when < endTime) {
          TimerHandle h = reference.poll();
          if (!h.cancelled) {
            expected.add(h);
          }
        }
        ReadyQueue ready = new ReadyQueue();
        live.removeAll(expected);
        if (!reversing) {
          queue.moveDue(endTime, ready);
          assertThat(ready.callbacks()).as("seed %d step %d", seed, step).containsExactlyElementsOf(expected);
          continue;
        }
        List<List<TimerHandle>> asked = new ArrayList<>();
        queue.moveDue(
            endTime,
            ready,
            (when, tie) -> {
              assertThat(tie).allMatch(h -> h.when == when);
              asked.add(List.copyOf(tie));
              Collections.reverse(tie);
            },
            new ArrayList<>());
        List<List<TimerHandle>> ties = new ArrayList<>();
        List<TimerHandle> reversed = new ArrayList<>();
        for (int i = 0, j; i < expected.size(); i = j) {
          for (j = i; j < expected.size() && expected.get(j).when == expected.get(i).when; j++) {}
          List<TimerHandle> group = new ArrayList<>(expected.subList(i, j));
          if (group.size() > 1) {
            ties.add(List.copyOf(group));
            Collections.reverse(group);
          }
          reversed.addAll(group);
        }
        assertThat(asked).as("seed %d step %d: the ties", seed, step).isEqualTo(ties);
        assertThat(ready.callbacks()).as("seed %d step %d", seed, step).containsExactlyElementsOf(reversed);
      }
    }
  }
}
