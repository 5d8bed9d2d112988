package io.aiosim.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.aiosim.dsl.Workflow;
import io.aiosim.engine.ClockKind;
import io.aiosim.explore.Exploration;
import io.aiosim.explore.Explorer;
import io.aiosim.export.PythonExporter;
import io.aiosim.report.ReportWriter;
import io.aiosim.report.RunResult;
import io.aiosim.run.Schedule;
import io.aiosim.run.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential test of SPEC 9: for workflows with ties (those of {@code workflows/explore/}
 * and seeded random ones), every witness that {@code explore} finds, and the schedule that
 * reverses every tie, replayed by the runner ({@code run --schedule}) and by CPython 3.12 running
 * the exported program ({@code export --schedule}) give the same report, byte for byte; and the
 * runner's replay of a witness gives the outcome explore grouped it under. A mismatch is shrunk
 * (same token, smaller workflow) and written under {@code target/explore-conformance/}.
 */
class ScheduleConformanceTest {
  private static final Path TARGET = Path.of("target", "explore-conformance");
  private static final int CASES = Integer.getInteger("explore.cases", 200);
  private static final long SEED = Long.getLong("explore.seed", 20_261_204L);
  /** Enough for most random workflows to be explored whole; a few stop at it. */
  private static final int BUDGET = 200;

  private static Python python;
  private static final AtomicInteger workflows = new AtomicInteger();
  private static final AtomicInteger schedules = new AtomicInteger();
  private static final AtomicInteger dependent = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> exploreScenarios() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("workflows", "explore"))) {
      return s.filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .toList()
          .stream()
          .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(Workflows.load(f))));
    }
  }

  @TestFactory
  Stream<DynamicTest> randomWorkflowsWithTies() {
    return Stream.iterate(SEED, s -> s + 1)
        .limit(CASES)
        .map(seed -> DynamicTest.dynamicTest("seed=" + seed, () -> check(RandomWorkflows.generate(seed))));
  }

  @AfterAll
  static void line() {
    if (python != null) {
      python.close();
    }
    System.out.printf(
        "explore conformance: %d workflows with ties (%d order-dependent), %d schedules replayed by CPython 3.12,"
            + " all identical (random seeds from %d)%n",
        workflows.get(), dependent.get(), schedules.get(), SEED);
  }

  private static void check(Workflow wf) throws IOException {
    Exploration e = Explorer.explore(wf, BUDGET);
    assertThat(e.outcomes().get(0).witness()).isEqualTo(Schedule.FIFO);
    assertThat(e.outcomes().stream().mapToInt(Exploration.Found::count).sum()).isEqualTo(e.schedules());
    if (e.ties() == 0) {
      return; // nothing to order: ConformanceTest covers the one run
    }
    workflows.incrementAndGet();
    if (e.orderDependent()) {
      dependent.incrementAndGet();
    }
    Set<Schedule> replay = new LinkedHashSet<>();
    for (Exploration.Found f : e.outcomes()) {
      RunResult r = run(wf, f.witness());
      assertThat(r.outcome()).as("the outcome of %s's witness %s", wf.name(), f.witness()).isEqualTo(f.outcome());
      assertThat(r.tasks()).as("the tasks of %s's witness %s", wf.name(), f.witness()).isEqualTo(f.tasks());
      replay.add(f.witness());
    }
    replay.add(everyTieReversed(wf));
    for (Schedule s : replay) {
      if (s.isDefault()) {
        continue; // ConformanceTest compares the default run of every workflow
      }
      schedules.incrementAndGet();
      String mismatch = mismatch(wf, s);
      if (mismatch != null) {
        Workflow small = Shrinker.shrink(wf, candidate -> mismatch(candidate, s) != null, 200);
        Path file = TARGET.resolve(wf.name() + ".yaml");
        Files.createDirectories(file.getParent());
        String yaml = WorkflowYaml.write(small);
        Files.writeString(file, yaml);
        String smallDiff = mismatch(small, s);
        fail("runner and CPython differ for " + wf.name() + " under --schedule " + s + "; shrunk case " + file
            + ":\n" + yaml + "\n" + (smallDiff != null ? smallDiff : mismatch));
      }
    }
  }

  /** Null when both replay {@code s} alike (or it does not fit {@code wf}: a shrinking step), else where they part. */
  private static String mismatch(Workflow wf, Schedule s) {
    String runner;
    try {
      runner = ReportWriter.toJson(run(wf, s));
    } catch (Simulation.RunStopped notFit) {
      return null;
    }
    String cpython = python().run(wf.name(), PythonExporter.export(wf, s));
    return runner.equals(cpython) ? null : ReportDiff.describe(cpython, runner, "CPython 3.12", "runner");
  }

  private static RunResult run(Workflow wf, Schedule s) {
    return Simulation.run(wf, ClockKind.VIRTUAL, new Simulation.Options(true, s));
  }

  /** The schedule that runs every tie in the reverse of FIFO, found one tie at a time. */
  static Schedule everyTieReversed(Workflow wf) {
    List<int[]> orders = new ArrayList<>();
    while (true) {
      Schedule s = of(orders);
      int[] size = {0};
      Simulation.run(
          wf,
          ClockKind.VIRTUAL,
          new Simulation.Options(false, s),
          (n, when, timers, order) -> {
            if (n == orders.size() + 1) {
              size[0] = timers.size();
            }
          });
      if (size[0] == 0) {
        return s;
      }
      orders.add(IntStream.range(0, size[0]).map(i -> size[0] - 1 - i).toArray());
    }
  }

  private static Schedule of(List<int[]> orders) {
    return Schedule.of(IntStream.rangeClosed(1, orders.size()).toArray(), orders.toArray(int[][]::new));
  }

  private static synchronized Python python() {
    if (python == null) {
      python = Python.require(12, TARGET.resolve("py312"));
    }
    return python;
  }
}
