package io.aiosim.run;

import static io.aiosim.run.Wf.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.StrategySpec.Kind;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.Workflow;
import io.aiosim.engine.ClockKind;
import io.aiosim.report.ErrorValue;
import io.aiosim.report.Event;
import io.aiosim.report.RunResult;
import io.aiosim.report.TaskReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The loop's own semantics, each case reasoned from CPython 3.12's asyncio sources (and checked
 * against CPython by the conformance suite): one scenario a test, asserting the facts it is about.
 */
class RunSemanticsTest {

  private static RunResult sim(Workflow wf) {
    return Simulation.run(wf, ClockKind.VIRTUAL);
  }

  /** Events as "task event" strings, optionally only those of some kinds. */
  private static List<String> events(RunResult r, Event.Kind... kinds) {
    List<String> out = new ArrayList<>();
    for (Event e : r.events()) {
      if (kinds.length == 0 || List.of(kinds).contains(e.kind())) {
        out.add(e.task() + " " + e.kind().key() + (e.kind() == Event.Kind.LOG ? " " + e.detail() : ""));
      }
    }
    return out;
  }

  private static TaskReport task(RunResult r, String name) {
    return r.tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void readyQueueIsFifoAndSleepZeroIsOneYield() {
    RunResult r =
        sim(
            workflow(
                "fifo",
                kind(Kind.GATHER),
                null,
                steps("a", log("a1"), sleep(0), log("a2")),
                steps("b", log("b1"), sleep(0), log("b2")),
                steps("c", log("c1"), sleep(0), log("c2"))));
    assertThat(events(r, Event.Kind.LOG))
        .containsExactly("a log a1", "b log b1", "c log c1", "a log a2", "b log b2", "c log c2");
    assertThat(r.finishedAtNs()).isZero();
  }

  @Test
  void timersDueAtOneInstantFireInTheOrderTheyWereSet() {
    // On a frozen clock CPython's heapq would wake these as 0 2 6 5 7 4 1 3 (SPEC 5); not here.
    TaskSpec[] tasks =
        IntStream.range(0, 8).mapToObj(i -> ok("t" + i, 1.0, (long) i)).toArray(TaskSpec[]::new);
    RunResult r = sim(workflow("ties", kind(Kind.GATHER), null, tasks));
    assertThat(events(r, Event.Kind.COMPLETED))
        .containsExactly(
            "t0 completed", "t1 completed", "t2 completed", "t3 completed", "t4 completed",
            "t5 completed", "t6 completed", "t7 completed");
    assertThat(r.outcome().value()).isEqualTo(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L));
  }

  @Test
  void aTaskCancelledBeforeItsFirstStepNeverStarts() {
    // boom fails in the first batch; the TaskGroup's abort reaches "inner" (created by g's
    // gather in that same batch) before inner's first step: it never starts, on_cancel never runs.
    RunResult r =
        sim(
            workflow(
                "cancel-before-start",
                kind(Kind.TASKGROUP),
                null,
                steps("boom", raise("ValueError", "now")),
                group(
                    "g",
                    kind(Kind.GATHER),
                    null,
                    withOnCancel(ok("inner", 1.0, 1L), false, null, log("cleanup")))));
    TaskReport inner = task(r, "inner");
    assertThat(inner.state()).isEqualTo(TaskReport.State.CANCELLED);
    assertThat(inner.startedAtNs()).isNull();
    assertThat(inner.cancelledBy()).isEqualTo("parent");
    assertThat(task(r, "g").cancelledBy()).isEqualTo("strategy");
    assertThat(events(r)).doesNotContain("inner start", "inner log cleanup");
    assertThat(r.outcome().error().type()).isEqualTo("ExceptionGroup");
  }

  @Test
  void aSecondCancelInterruptsCleanupAndKeepsTheFirstCause() {
    // wait(timeout=0.1) returns and cancels T (strategy); T's cleanup sleeps; main returns, and
    // asyncio.run's shutdown cancels T again, interrupting the cleanup at 0.1.
    StrategySpec wait =
        timeout(
            new StrategySpec.Wait(StrategySpec.ReturnWhen.ALL_COMPLETED, true, false, null),
            0.1);
    RunResult r =
        sim(
            workflow(
                "second-cancel",
                wait,
                null,
                withOnCancel(ok("t", 1.0, 1L), false, null, sleep(0.5), log("cleaned up"))));
    TaskReport t = task(r, "t");
    assertThat(t.state()).isEqualTo(TaskReport.State.CANCELLED);
    assertThat(t.cancelledBy()).isEqualTo("strategy");
    assertThat(t.finishedAtNs()).isEqualTo(ns(0.1));
    assertThat(events(r, Event.Kind.LOG)).isEmpty();
  }

  @Test
  void cleanupRunsToTheEndWhenNothingInterruptsIt() {
    RunResult r =
        sim(
            workflow(
                "cleanup",
                timeout(kind(Kind.GATHER), 0.1),
                null,
                withOnCancel(ok("t", 1.0, 1L), false, null, sleep(0.5), log("cleaned up"))));
    assertThat(events(r, Event.Kind.LOG)).containsExactly("t log cleaned up");
    assertThat(task(r, "t").cancelledBy()).isEqualTo("timeout");
    // The cancelled gather waits for its child's cleanup; then the timeout turns it into TimeoutError.
    assertThat(r.outcome().atNs()).isEqualTo(ns(0.6));
    assertThat(r.outcome().error()).isEqualTo(new ErrorValue("TimeoutError", ""));
  }

  @Test
  void suppressedCancellationUnderTimeoutReturnsNormally() {
    StrategySpec ct =
        timeout(
            new StrategySpec.CreateTask(List.of("t"), null),
            0.1);
    RunResult r =
        sim(workflow("suppress-timeout", ct, null, withOnCancel(ok("t", 1.0, 1L), true, "partial")));
    assertThat(r.outcome().returned()).isTrue();
    assertThat(r.outcome().value()).isEqualTo(List.of("partial"));
    assertThat(task(r, "t").state()).isEqualTo(TaskReport.State.COMPLETED);
    assertThat(task(r, "t").result()).isEqualTo("partial");
  }

  @Test
  void suppressedCancellationUnderATaskGroupStillRaisesTheGroupsError() {
    RunResult r =
        sim(
            workflow(
                "suppress-taskgroup",
                kind(Kind.TASKGROUP),
                null,
                fail("boom", 0.1, "ValueError", "bad"),
                withOnCancel(ok("t", 1.0, 1L), true, "partial")));
    assertThat(task(r, "t").result()).isEqualTo("partial");
    assertThat(r.outcome().error())
        .isEqualTo(
            new ErrorValue(
                "ExceptionGroup",
                "unhandled errors in a TaskGroup",
                List.of(new ErrorValue("ValueError", "bad"))));
  }

  @Test
  void exceptionGroupHoldsEveryErrorInOrderOfOccurrence() {
    RunResult r =
        sim(
            workflow(
                "two-failures",
                kind(Kind.TASKGROUP),
                null,
                fail("a", 0.1, "ValueError", "a"),
                fail("b", 0.1, "KeyError", "b"),
                ok("c", 0.5, 3L)));
    assertThat(r.outcome().error().exceptions())
        .containsExactly(new ErrorValue("ValueError", "a"), new ErrorValue("KeyError", "b"));
    assertThat(task(r, "c").cancelledBy()).isEqualTo("strategy");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void anErrorNobodyRetrievesIsWarnedAbout() {
    RunResult r =
        sim(
            workflow(
                "never-retrieved",
                kind(Kind.WAIT),
                null,
                fail("boom", 0.1, "ValueError", "x"),
                ok("fine", 0.2, 1L)));
    assertThat(r.warnings()).hasSize(1);
    assertThat(r.warnings().get(0).message()).isEqualTo("Task exception was never retrieved");
    assertThat(r.warnings().get(0).task()).isEqualTo("boom");
  }

  @Test
  void groupsNestThreeDeep() {
    RunResult r =
        sim(
            workflow(
                "nested",
                kind(Kind.GATHER),
                null,
                group(
                    "g1",
                    kind(Kind.TASKGROUP),
                    null,
                    group(
                        "g2",
                        kind(Kind.AS_COMPLETED),
                        null,
                        group("g3", kind(Kind.WAIT), 0.1, ok("leaf", 0.2, "x"))))));
    assertThat(task(r, "leaf").parent()).isEqualTo("g3");
    assertThat(task(r, "g3").parent()).isEqualTo("g2");
    assertThat(task(r, "g2").parent()).isEqualTo("g1");
    assertThat(task(r, "g1").parent()).isNull();
    assertThat(task(r, "g1").finishedAtNs()).isEqualTo(ns(0.3));
    assertThat(r.outcome().value().toString())
        .isEqualTo("[[[{task=g3, result={done=[leaf], pending=[]}}]]]");
  }

  @Test
  void theSameFileGivesTheSameBytes() {
    Workflow wf =
        workflow(
            "twice",
            kind(Kind.TASKGROUP),
            0.5,
            fail("boom", 0.1, "ValueError", "x"),
            ok("a", 0.1, 1L),
            withOnCancel(ok("b", 1.0, 2L), false, null, sleep(0.2), log("bye")));
    String first = Wf.run(wf);
    for (int i = 0; i < 5; i++) {
      assertThat(Wf.run(wf)).isEqualTo(first);
    }
  }
}
