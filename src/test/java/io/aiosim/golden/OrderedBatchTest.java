package io.aiosim.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedBatchTest {

  @Test
  void resultsComeInItemOrderWhateverOrderTheyFinishIn() {
    List<Integer> items = IntStream.range(0, 40).boxed().toList();
    List<Integer> seen = new ArrayList<>();
    OrderedBatch.run(
        items,
        4,
        i -> {
          sleep((40 - i) % 7); // later items often finish first
          return i * 10;
        },
        seen::add);
    assertThat(seen).isEqualTo(items.stream().map(i -> i * 10).toList());
  }

  @Test
  void atMostTwiceTheJobsResultsWaitAhead() {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger handed = new AtomicInteger();
    AtomicInteger worstLead = new AtomicInteger();
    OrderedBatch.run(
        IntStream.range(0, 50).boxed().toList(),
        3,
        i -> {
          int lead = started.incrementAndGet() - handed.get();
          worstLead.accumulateAndGet(lead, Math::max);
          return i;
        },
        i -> {
          handed.incrementAndGet();
          sleep(1);
        });
    assertThat(worstLead.get()).isBetween(1, 2 * 3 + 1);
  }

  @Test
  void aFailureIsRethrownAtItsTurn() {
    List<Integer> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                OrderedBatch.run(
                    List.of(0, 1, 2, 3),
                    2,
                    i -> {
                      if (i == 2) {
                        throw new IllegalArgumentException("two");
                      }
                      return i;
                    },
                    seen::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two");
    assertThat(seen).containsExactly(0, 1);
  }

  private static void sleep(int ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
