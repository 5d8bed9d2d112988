package io.aiosim.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.WorkflowReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Names made through runs of copies are the specs' own names, whatever order the rows come in. */
class SpecRowsTest {
  private static List<TaskSpec> specs() {
    String yaml =
        """
        version: 1
        strategy: {kind: gather}
        tasks:
          - {name: 'w-{i}', count: 300, delay: 1.0}
          - {name: 'v{i}x{i}', count: 40, delay: {uniform: [0.0, 1.0]}, result: '{i}'}
          - {name: solo, delay: 1.0}
          - {name: 'also-{i}', count: 1, delay: 1.0}
          - {name: 'w2-{i}', count: 9, steps: [{sleep: 1.0}, {spawn: {name: 's-{i}', delay: 1.0}}]}
        """;
    WorkflowReader.Loaded loaded = WorkflowReader.read("rows.yaml", yaml);
    assertThat(loaded.diagnostics()).isEmpty();
    return loaded.workflow().tasks();
  }

  private static void check(List<TaskSpec> order, String what) {
    SpecRows rows = new SpecRows(4);
    order.forEach(rows::add);
    StringBuilder out = new StringBuilder();
    for (int row = 0; row < order.size(); row++) {
      out.setLength(0);
      rows.appendName(row, out);
      assertThat(out).as(what + ", row " + row).hasToString(order.get(row).name());
      assertThat(rows.get(row)).isSameAs(order.get(row));
    }
  }

  @Test
  void inTheirOrderAsRuns() {
    check(specs(), "in order");
  }

  @Test
  void shuffledSoThatRunsAreShortOrNone() {
    Random random = new Random(17);
    for (int round = 0; round < 20; round++) {
      List<TaskSpec> order = new ArrayList<>(specs());
      // Shuffle a stretch only, so that some runs stay long and the search is used too.
      int from = random.nextInt(order.size());
      int to = Math.min(order.size(), from + random.nextInt(order.size() / (round % 4 + 1)));
      Collections.shuffle(order.subList(from, to), random);
      check(order, "round " + round + " shuffled " + from + ".." + to);
    }
  }

  @Test
  void aRunIsExactlyTheConsecutiveCopiesOfOneTemplate() {
    List<TaskSpec> s = specs();
    assertThat(s.get(1).follows(s.get(0))).isTrue();
    assertThat(s.get(0).follows(s.get(1))).as("backwards").isFalse();
    assertThat(s.get(2).follows(s.get(0))).as("a gap").isFalse();
    assertThat(s.get(300).follows(s.get(299))).as("another template").isFalse();
    TaskSpec solo = s.get(340);
    assertThat(solo.name()).isEqualTo("solo");
    assertThat(solo.follows(s.get(339))).isFalse();
    assertThat(s.get(341).follows(solo)).as("after a name without {i}").isFalse();
    // Many runs (every row its own): names still right through the direct fetch.
    List<TaskSpec> alternating = new ArrayList<>();
    IntStream.range(0, 40).forEach(i -> {
      alternating.add(s.get(i));
      alternating.add(s.get(300 + i));
    });
    check(alternating, "alternating");
  }
}
