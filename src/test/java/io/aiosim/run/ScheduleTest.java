package io.aiosim.run;

import static io.aiosim.run.Wf.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aiosim.dsl.StrategySpec.Kind;
import io.aiosim.dsl.Workflow;
import io.aiosim.engine.ClockKind;
import io.aiosim.report.RunResult;
import io.aiosim.report.TaskReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The schedule token (SPEC 9): what it reads, what it refuses and why, and what a run does with it. */
class ScheduleTest {
  /** A token, and the canonical token it reads as or (starting with "!") a part of its error. */
  private static final String[][] TOKENS = {
    {"s1:", "s1:"},
    {"s1:1=1.0", "s1:1=1.0"},
    {"s1:2=1.0,5=2.0.1", "s1:2=1.0,5=2.0.1"},
    {"s1:3=9.8.7.6.5.4.3.2.1.0.10", "s1:3=9.8.7.6.5.4.3.2.1.0.10"},
    {"", "!it is empty"},
    {"1=1.0", "!starts with s1:"},
    {"S1:1=1.0", "!starts with s1:"},
    {"s2:1=1.0", "!notation s2, and this aiosim reads only s1"},
    {"s10:", "!notation s10"},
    {"s1:1", "!entry 1 (1) is not TIE=ORDER"},
    {"s1:1=1.0,", "!entry 2 () is not TIE=ORDER"},
    {"s1:,1=1.0", "!entry 1 () is not TIE=ORDER"},
    {"s1:0=1.0", "!numbered from 1, not 0"},
    {"s1:01=1.0", "!\"01\" is not a tie number"},
    {"s1:-1=1.0", "!\"-1\" is not a tie number"},
    {"s1:99999999999=1.0", "!\"99999999999\" is not a tie number"},
    {"s1:3000000000=1.0", "!3000000000 is too large for a tie number"},
    {"s1:1=1.0,1=1.0", "!tie 1 comes after tie 1"},
    {"s1:2=1.0,1=1.0", "!tie 1 comes after tie 2"},
    {"s1:1=0.1", "!0.1 is the default (FIFO) order"},
    {"s1:1=0.1.2", "!0.1.2 is the default (FIFO) order"},
    {"s1:1=0", "!0 is not an order of a tie's timers"},
    {"s1:1=1.1", "!1.1 is not an order"},
    {"s1:1=2.0", "!2.0 is not an order"},
    {"s1:1=1..0", "!\"\" is not a timer position"},
    {"s1:1=1.0 ", "!\"0 \" is not a timer position"},
    {"s1:1=a.b", "!\"a\" is not a timer position"},
    {"s1:\u001b[2J", "!(\\u001b[2J) is not TIE=ORDER"},
  };

  @TestFactory
  Stream<DynamicTest> tokens() {
    return Stream.of(TOKENS)
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0].isEmpty() ? "(empty)" : c[0],
                    () -> {
                      if (c[1].startsWith("!")) {
                        assertThatThrownBy(() -> Schedule.parse(c[0]))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining(c[1].substring(1))
                            .hasMessageNotContaining("\u001b");
                      } else {
                        Schedule s = Schedule.parse(c[0]);
                        assertThat(s.token()).isEqualTo(c[1]);
                        assertThat(Schedule.parse(s.token())).isEqualTo(s);
                      }
                    }));
  }

  @Test
  void ofLeavesFifoTiesOutAndEditsStayCanonical() {
    Schedule s = Schedule.of(new int[] {1, 2, 4}, new int[][] {{0, 1}, {1, 0}, {2, 0, 1}});
    assertThat(s.token()).isEqualTo("s1:2=1.0,4=2.0.1");
    assertThat(s.deviations()).isEqualTo(2);
    assertThat(s.without(0).token()).isEqualTo("s1:4=2.0.1");
    assertThat(s.with(1, new int[] {0, 1, 2})).isEqualTo(Schedule.parse("s1:2=1.0"));
    assertThat(s.without(0).without(0)).isSameAs(Schedule.FIFO);
    assertThat(Schedule.FIFO.isDefault()).isTrue();
  }

  /** Three tasks wake at 0.1 s (one tie of three) and log; the schedule decides their order. */
  private static Workflow threeAtOnce() {
    return workflow(
        "three",
        kind(Kind.GATHER),
        null,
        steps("a", sleep(0.1), log("a")),
        steps("b", sleep(0.1), log("b")),
        steps("c", sleep(0.1), log("c")));
  }

  private static List<String> logs(RunResult r) {
    List<String> out = new ArrayList<>();
    r.events().forEach(e -> {
      if (e.kind() == io.aiosim.report.Event.Kind.LOG) {
        out.add((String) e.detail());
      }
    });
    return out;
  }

  private static RunResult run(Workflow wf, String token) {
    return Simulation.run(wf, ClockKind.VIRTUAL, new Simulation.Options(true, Schedule.parse(token)));
  }

  @Test
  void aTieRunsInTheOrderTheTokenGives() {
    assertThat(logs(run(threeAtOnce(), "s1:"))).containsExactly("a", "b", "c");
    assertThat(logs(run(threeAtOnce(), "s1:1=2.0.1"))).containsExactly("c", "a", "b");
    assertThat(logs(run(threeAtOnce(), "s1:1=1.2.0"))).containsExactly("b", "c", "a");
  }

  @Test
  void theReportNamesTheScheduleOnlyWhenItIsNotTheDefault() {
    assertThat(run(threeAtOnce(), "s1:").schedule()).isNull();
    assertThat(run(threeAtOnce(), "s1:1=2.0.1").schedule()).isEqualTo("s1:1=2.0.1");
  }

  @Test
  void aTokenThatDoesNotFitTheRunStopsIt() {
    assertThatThrownBy(() -> run(threeAtOnce(), "s1:1=1.0"))
        .isInstanceOf(Simulation.RunStopped.class)
        .hasMessage("schedule s1:1=1.0 does not fit this workflow: tie 1 (at 0.1 s) has 3 timers, the token orders 2");
    assertThatThrownBy(() -> run(threeAtOnce(), "s1:2=1.0"))
        .isInstanceOf(Simulation.RunStopped.class)
        .hasMessage("schedule s1:2=1.0 does not fit this workflow: it orders tie 2, but the run meets only 1 tie");
    Workflow noTies = workflow("none", kind(Kind.GATHER), null, ok("a", 0.1, 1), ok("b", 0.2, 2));
    assertThatThrownBy(() -> run(noTies, "s1:1=1.0"))
        .isInstanceOf(Simulation.RunStopped.class)
        .hasMessageEndingWith("but the run meets no tie");
  }

  @Test
  void tiesAreCountedInTheOrderTheRunMeetsThem() {
    // Tie 1 at 0.1 s (a, b), tie 2 at 0.2 s (the steps after, again a then b FIFO).
    Workflow wf =
        workflow(
            "two ties",
            kind(Kind.GATHER),
            null,
            steps("a", sleep(0.1), log("a1"), sleep(0.1), log("a2")),
            steps("b", sleep(0.1), log("b1"), sleep(0.1), log("b2")));
    assertThat(logs(run(wf, "s1:2=1.0"))).containsExactly("a1", "b1", "b2", "a2");
    assertThat(logs(run(wf, "s1:1=1.0"))).containsExactly("b1", "a1", "b2", "a2");
    List<String> seen = new ArrayList<>();
    Simulation.run(
        wf,
        ClockKind.VIRTUAL,
        new Simulation.Options(false, Schedule.parse("s1:1=1.0")),
        (n, when, timers, order) -> seen.add(n + "@" + when + " " + timers.size() + (order == null ? " fifo" : " chosen")));
    assertThat(seen).containsExactly("1@100000000 2 chosen", "2@200000000 2 fifo");
    TaskReport a = run(wf, "s1:1=1.0").tasks().get(0);
    assertThat(a.finishedAtNs()).isEqualTo(ns(0.2));
  }
}
