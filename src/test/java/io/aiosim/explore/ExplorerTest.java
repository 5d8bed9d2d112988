package io.aiosim.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.explore.Exploration.Found;
import io.aiosim.explore.Exploration.TieChoice;
import io.aiosim.explore.Exploration.Verdict;
import io.aiosim.run.Schedule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Depth-first exploration of tie orders (SPEC 9), each case small enough to count by hand. */
class ExplorerTest {
  static Workflow yaml(String text) {
    WorkflowReader.Loaded loaded = WorkflowReader.read("<test>", "version: 1\nname: t\n" + text);
    assertThat(loaded.diagnostics()).isEmpty();
    return loaded.workflow();
  }

  @Test
  void aWorkflowWithoutTiesIsOneRunAndExhaustive() {
    Exploration e =
        Explorer.explore(yaml("strategy: {kind: gather}\ntasks: [{name: a, delay: 0.1}, {name: b, delay: 0.2}]\n"), 10);
    assertThat(e.verdict()).isEqualTo(Verdict.EXHAUSTIVE);
    assertThat(e.schedules()).isEqualTo(1);
    assertThat(e.ties()).isZero();
    assertThat(e.outcomes()).hasSize(1);
    assertThat(e.outcomes().get(0).witness()).isEqualTo(Schedule.FIFO);
    assertThat(e.orderDependent()).isFalse();
  }

  /** A tie of 2 at 0.1 s, then one of 3 at 0.2 s whatever the first chose: 2 x 6 schedules. */
  private static final String TWO_TIES =
      "strategy: {kind: gather}\ntasks:\n"
          + "  - {name: a, delay: 0.1, result: a}\n  - {name: b, delay: 0.1, result: b}\n"
          + "  - {name: c, delay: 0.2, result: c}\n  - {name: d, delay: 0.2, result: d}\n  - {name: e, delay: 0.2, result: e}\n";

  @Test
  void everyCombinationOfTieOrdersRunsOnce() {
    Exploration e = Explorer.explore(yaml(TWO_TIES), 10_000);
    assertThat(e.verdict()).isEqualTo(Verdict.EXHAUSTIVE);
    assertThat(e.schedules()).isEqualTo(12);
    assertThat(e.ties()).isEqualTo(3); // the tie at 0.1 s, and the one at 0.2 s after each of its 2 orders
    assertThat(e.outcomes()).singleElement().extracting(Found::count).isEqualTo(12);
  }

  @Test
  void theBudgetStopsTheSearchAndSaysSo() {
    Exploration e = Explorer.explore(yaml(TWO_TIES), 5);
    assertThat(e.verdict()).isEqualTo(Verdict.BUDGET);
    assertThat(e.schedules()).isEqualTo(5);
    assertThat(Explorer.explore(yaml(TWO_TIES), 12).verdict()).isEqualTo(Verdict.EXHAUSTIVE);
  }

  private static final String TWO_FAILURES =
      "strategy: {kind: taskgroup}\ntasks:\n"
          + "  - {name: c, delay: 0.05, result: c}\n  - {name: d, delay: 0.05, result: d}\n"
          + "  - {name: a, delay: 0.1, fail: {type: ValueError, message: a}}\n"
          + "  - {name: b, delay: 0.1, fail: {type: KeyError, message: b}}\n";

  @Test
  void eachDistinctOutcomeHasACountAWitnessAndWhereItParts() {
    Workflow wf = yaml(TWO_FAILURES);
    Exploration e = Explorer.explore(wf, 10_000);
    assertThat(e.schedules()).isEqualTo(4);
    assertThat(e.outcomes()).hasSize(2);
    Found fifo = e.outcomes().get(0);
    Found other = e.outcomes().get(1);
    assertThat(fifo.witness()).isEqualTo(Schedule.FIFO);
    assertThat(fifo.count() + other.count()).isEqualTo(4);
    assertThat(fifo.changes()).isEmpty();
    // The ExceptionGroup lists b's error first when b wakes first: only the tie at 0.1 s matters.
    assertThat(other.witness().token()).isEqualTo("s1:2=1.0");
    assertThat(other.changes()).extracting(FateChange::task).containsExactly("main");
    assertThat(other.deviations())
        .containsExactly(new TieChoice(2, 100_000_000L, List.of("sleep of a", "sleep of b"), List.of(1, 0)));
    assertThat(other.deviations().get(0).ran()).containsExactly("sleep of b", "sleep of a");
    assertThat(Explorer.outcome(wf, other.witness()))
        .isEqualTo(new Explorer.Key(other.outcome(), other.tasks()));
  }

  @Test
  void aSearchStoppedByTheBudgetStillGivesEachOutcomeFoundASimplestWitness() {
    Exploration e = Explorer.explore(yaml(TWO_FAILURES), 2); // FIFO, then the tie at 0.1 s swapped
    assertThat(e.verdict()).isEqualTo(Verdict.BUDGET);
    assertThat(e.outcomes()).extracting(f -> f.witness().token()).containsExactly("s1:", "s1:2=1.0");
  }

  @Test
  void theShrinkerDropsChoicesTheOutcomeDoesNotNeed() {
    Workflow wf = yaml(TWO_FAILURES);
    Schedule both = Schedule.parse("s1:1=1.0,2=1.0");
    Explorer.Key outcome = Explorer.outcome(wf, both);
    assertThat(Witnesses.shrink(wf, both, outcome).token()).isEqualTo("s1:2=1.0");
    // A choice that a simpler schedule no longer fits (no tie 3) is skipped, not an error.
    assertThat(Explorer.outcome(wf, Schedule.parse("s1:3=1.0"))).isNull();
  }

  @Test
  void simplerMeansFewerDeviationsThenFewerSwaps() {
    assertThat(Witnesses.simpler(Schedule.parse("s1:1=2.1.0"), Schedule.parse("s1:1=1.0,2=1.0"))).isTrue();
    assertThat(Witnesses.simpler(Schedule.parse("s1:1=1.0.2"), Schedule.parse("s1:1=2.1.0"))).isTrue();
    assertThat(Witnesses.simpler(Schedule.parse("s1:1=2.1.0"), Schedule.parse("s1:1=1.0.2"))).isFalse();
    assertThat(Witnesses.simpler(Schedule.FIFO, Schedule.FIFO)).isFalse();
  }

  @Test
  void permutationsComeInLexicographicOrderFromFifo() {
    for (int k = 1; k <= 6; k++) {
      int[] p = Permutations.identity(k);
      Set<List<Integer>> seen = new HashSet<>();
      List<Integer> previous = null;
      do {
        List<Integer> now = new ArrayList<>();
        for (int x : p) {
          now.add(x);
        }
        assertThat(seen.add(now)).as("k=%d repeats %s", k, now).isTrue();
        if (previous != null) {
          assertThat(compare(previous, now)).as("k=%d: %s then %s", k, previous, now).isNegative();
        }
        previous = now;
      } while (Permutations.next(p));
      assertThat(seen).hasSize(factorial(k));
      assertThat(Permutations.inversions(p)).isEqualTo(k * (k - 1) / 2); // the last is FIFO reversed
    }
  }

  @Test
  void inversionsCountThePairsOutOfFifoOrder() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      int[] p = Permutations.identity(1 + rng.nextInt(12));
      for (int i = p.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      long pairs = 0;
      for (int i = 0; i < p.length; i++) {
        for (int j = i + 1; j < p.length; j++) {
          pairs += p[i] > p[j] ? 1 : 0;
        }
      }
      assertThat(Permutations.inversions(p)).as("%s", java.util.Arrays.toString(p)).isEqualTo(pairs);
    }
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int factorial(int k) {
    return k <= 1 ? 1 : k * factorial(k - 1);
  }
}
