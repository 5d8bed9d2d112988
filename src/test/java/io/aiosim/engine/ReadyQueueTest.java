package io.aiosim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ready queue's pairs against a plain FIFO of what each entry would do: random interleavings
 * of handles (some cancelled before they run), done callbacks with their futures, runs of the
 * first entry, and entries added while one runs, across blocks: every other seed uses blocks of
 * two or three pairs, so that the head and the tail cross from block to block, meet and start
 * over at any point. The seed is in each test's name.
 */
class ReadyQueueTest {

  @TestFactory
  Stream<DynamicTest> runsWhatWasAddedInOrderSkippingCancelledHandles() {
    return LongStream.range(0, 40).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  private static void check(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    ReadyQueue queue = seed % 2 == 0 ? new ReadyQueue(4 + 2 * (int) (seed % 4 / 2)) : new ReadyQueue();
    ArrayDeque<String> reference = new ArrayDeque<>(); // what each entry logs when it runs; "" for none
    List<String> log = new ArrayList<>();
    List<Handle> live = new ArrayList<>();
    Future future = new Future(new EventLoop(new Clock.Virtual()));
    int[] next = {0};
    for (int step = 0; step < 3_000; step++) {
      int op = rng.nextInt(10);
      if (op < 3 || (op < 6 && rng.nextInt(64) == 0)) {
        // Bursts past a block's size, so that the tail crosses blocks with the head anywhere.
        for (int k = rng.nextInt(op < 3 ? 2 : 80) + 1; k > 0; k--) {
          add(rng, queue, reference, log, live, future, next, 0);
        }
      } else if (op < 5 && !live.isEmpty()) {
        Handle h = live.remove(rng.nextInt(live.size()));
        h.cancel();
        List<String> kept = new ArrayList<>(reference);
        int at = kept.indexOf(((Logging) h).name);
        if (at >= 0) { // not run yet
          kept.set(at, "");
          reference.clear();
          reference.addAll(kept);
        }
      } else if (!queue.isEmpty()) {
        assertThat(queue.size()).as("seed %d step %d", seed, step).isEqualTo(reference.size());
        log.clear();
        queue.runFirst();
        String expected = reference.pollFirst();
        assertThat(log.isEmpty() ? "" : log.get(0)).as("seed %d step %d", seed, step).isEqualTo(expected);
        if (log.size() > 1) {
          // Entries the run added come after everything before them.
          assertThat(reference).endsWith(log.subList(1, log.size()).toArray(String[]::new));
        }
      }
    }
    assertThat(queue.size()).isEqualTo(reference.size());
  }

  /** Adds a handle (which may add more when it runs, up to depth 2) or a done callback. */
  private static void add(
      SplittableRandom rng, ReadyQueue queue, ArrayDeque<String> reference, List<String> log, List<Handle> live, Future future, int[] next, int depth) {
    String name = "e" + next[0]++;
    if (rng.nextBoolean()) {
      queue.addDoneCallback(f -> log.add(f == future ? name : "wrong future"), future);
      reference.addLast(name);
      return;
    }
    int more = depth < 2 && rng.nextInt(8) == 0 ? rng.nextInt(40) + 1 : 0;
    long childSeed = rng.nextLong();
    Logging h =
        new Logging(
            name,
            () -> {
              log.add(name);
              SplittableRandom child = new SplittableRandom(childSeed);
              for (int k = 0; k < more; k++) {
                int before = next[0];
                add(child, queue, reference, log, live, future, next, depth + 1);
                log.add(reference.peekLast()); // what this run added, in order
                assertThat(next[0]).isGreaterThan(before);
              }
            });
    live.add(h);
    queue.add(h);
    reference.addLast(name);
  }

  private static final class Logging extends Handle {
    final String name;
    private final Runnable body;

    Logging(String name, Runnable body) {
      this.name = name;
      this.body = body;
    }

    @Override
    void run() {
      body.run();
    }
  }
}
