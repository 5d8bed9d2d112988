package io.aiosim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.Aiosim;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.report.Lane.Mark;
import io.aiosim.report.Lane.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LanesTest {
  private static final long MS = 1_000_000;

  private static Lanes lanes(String file) {
    Workflow w = WorkflowReader.read(Path.of(file)).workflow();
    return Lanes.of(Aiosim.run(w), w, Integer.MAX_VALUE);
  }

  private static Lane lane(Lanes lanes, String name) {
    return lanes.lanes().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  private static String spans(Lane lane) {
    return String.join(" ", lane.spans().stream().map(s -> s.kind() + " " + s.fromNs() / MS + "-" + s.toNs() / MS).toList());
  }

  private static String arrows(Lanes lanes) {
    return String.join(", ", lanes.arrows().stream().filter(a -> a.kind() == Lanes.Arrow.Kind.CANCEL)
        .map(a -> lanes.lanes().get(a.from()).name() + ">" + lanes.lanes().get(a.to()).name() + " " + a.cause() + " " + a.atNs() / MS).toList());
  }

  @Test
  void aCleanupRunsFromTheCancelToTheEnd() {
    Lanes l = lanes("workflows/conformance/cleanup-second-cancel-taskgroup.yaml");
    assertThat(spans(lane(l, "worker"))).isEqualTo("SLEEP 0-100 CLEANUP 100-600");
    assertThat(spans(lane(l, "main"))).isEqualTo("AWAIT 0-600");
    assertThat(arrows(l)).isEqualTo("main>main strategy 100, main>worker strategy 100, main>main timeout 300");
  }

  @Test
  void mainSleepsItsAfterOnceItsStepIsOver() {
    Lanes l = lanes("workflows/conformance/cleanup-sleep-after-gather-timeout.yaml");
    assertThat(spans(lane(l, "main"))).isEqualTo("AWAIT 0-100 SLEEP 100-600");
    assertThat(spans(lane(l, "slow-cleanup"))).isEqualTo("SLEEP 0-100 CLEANUP 100-300");
    assertThat(lane(l, "main").marks().stream().map(Mark::kind).toList())
        .containsSubsequence(Mark.Kind.CANCEL, Mark.Kind.STEP_RAISED, Mark.Kind.MAIN_RETURNED);
  }

  @Test
  void aGroupAwaitsItsStepThenSleepsItsAfter() {
    Lanes l = lanes("workflows/conformance/nested-group-after-on-error.yaml");
    assertThat(spans(lane(l, "group"))).isEqualTo("AWAIT 0-100 SLEEP 100-300");
    assertThat(lane(l, "g1").depth()).isEqualTo(2);
  }

  @Test
  void aTaskGroupOwnerCancelsItsChildrenAndWakesItself() {
    Lanes l = lanes("workflows/conformance/nested-gather-of-taskgroups.yaml");
    assertThat(arrows(l)).isEqualTo("left>left strategy 200, left>l3 strategy 200");
    assertThat(l.lanes().stream().map(Lane::name).toList()).containsExactly("main", "left", "l1", "l2", "l3", "right", "r1", "r2");
  }

  @Test
  void aLimitLeavesTasksOutAndCountsThem() {
    Workflow w = WorkflowReader.read(Path.of("workflows/seed/gather-basic.yaml")).workflow();
    Lanes l = Lanes.of(Aiosim.run(w), w, 2);
    assertThat(l.lanes()).hasSize(3);
    assertThat(l.hidden()).isEqualTo(1);
  }

  /** What every picture relies on, for every workflow in the repository. */
  @TestFactory
  Stream<DynamicTest> everyLaneIsConsistentWithItsReport() {
    return RepositoryWorkflows.seedAndConformance().stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
      Workflow w = WorkflowReader.read(p).workflow();
      RunResult r = Aiosim.run(w);
      Lanes l = Lanes.of(r, w, Integer.MAX_VALUE);
      assertThat(l.lanes()).hasSize(r.tasks().size() + 1);
      assertThat(l.hidden()).isZero();
      long cancels = 0;
      for (int i = 0; i < l.lanes().size(); i++) {
        Lane lane = l.lanes().get(i);
        long from = lane.isMain() || lane.task().startedAtNs() == null ? 0 : lane.task().startedAtNs();
        long to = lane.isMain() || lane.task().finishedAtNs() == null ? r.finishedAtNs() : lane.task().finishedAtNs();
        long at = from;
        for (Span s : lane.spans()) {
          assertThat(s.fromNs()).as(lane.name() + " spans in order, apart: " + lane.spans()).isGreaterThanOrEqualTo(at);
          assertThat(s.toNs()).as(lane.name() + " span ends after it starts").isGreaterThan(s.fromNs());
          at = s.toNs();
        }
        assertThat(at).as(lane.name() + " spans end by its end").isLessThanOrEqualTo(to);
        for (Mark m : lane.marks()) {
          assertThat(m.atNs()).as(lane.name() + " " + m).isBetween(lane.isMain() ? 0 : Math.min(from, to), to);
        }
        if (!lane.isMain()) {
          assertThat(lane.marks().stream().filter(m -> m.kind().ordinal() >= Mark.Kind.COMPLETED.ordinal())).hasSize(1);
          assertThat(lane.marks().getLast().atNs()).isEqualTo(to);
          int lane0 = i;
          assertThat(l.arrows().stream().filter(a -> a.kind() == Lanes.Arrow.Kind.SPAWN && a.to() == lane0)).hasSize(1);
        }
        cancels += lane.marks().stream().filter(m -> m.kind() == Mark.Kind.CANCEL).count();
      }
      assertThat(l.arrows().stream().filter(a -> a.kind() == Lanes.Arrow.Kind.CANCEL).count()).as("an arrow per cancel").isEqualTo(cancels);
      assertThat(cancels).isEqualTo(Stream.iterate(0, i -> i + 1).limit(r.events().size()).filter(i -> r.events().kind(i) == Event.Kind.CANCEL).count());
    }));
  }
}
