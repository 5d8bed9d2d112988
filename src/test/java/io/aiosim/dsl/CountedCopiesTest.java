package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A counted task's copies share one body when theirs came out equal, and shorthand copies keep
 * only their draw and index (TaskReader.smallest).
 */
class CountedCopiesTest {
  private static List<TaskSpec> tasks(String tasksYaml) {
    WorkflowReader.Loaded loaded =
        WorkflowReader.read("case.yaml", "version: 1\nseed: 3\nstrategy: {kind: gather}\ntasks:\n" + tasksYaml);
    assertThat(loaded.diagnostics()).isEmpty();
    return loaded.workflow().tasks();
  }

  @Test
  void equalCopiesShareTheirBodyAndKeepTheirNames() {
    List<TaskSpec> t =
        tasks("  - {name: 'w-{i}', count: 3, steps: [{sleep: 0.5}, {log: hi}, {return: [1, 2]}],"
            + " on_cancel: {steps: [{log: bye}]}}\n");
    assertThat(t).extracting(TaskSpec::name).containsExactly("w-0", "w-1", "w-2");
    assertThat(t.get(1).body()).isSameAs(t.get(0).body());
    assertThat(t.get(2).body()).isSameAs(t.get(0).body());
    assertThat(t.get(2).onCancel()).isSameAs(t.get(0).onCancel());
  }

  @Test
  void copiesThatDifferKeepTheirOwn() {
    for (String task :
        new String[] {
          "  - {name: 'w-{i}', count: 3, delay: 1.0, result: '{i}'}\n", // {i} in a value
          "  - {name: 'w-{i}', count: 3, delay: {uniform: [0.0, 1.0]}, result: x}\n", // a draw per copy
          "  - {name: 'w-{i}', count: 3, steps: [{spawn: {name: 's-{i}', delay: 1.0}}]}\n" // {i} in a spawn
        }) {
      List<TaskSpec> t = tasks(task);
      assertThat(t.get(1).body()).as(task).isNotEqualTo(t.get(0).body());
      assertThat(t.get(2).body()).as(task).isNotEqualTo(t.get(1).body());
    }
  }

  /** A copy keeps its name as template and index, made when asked for, and is equal to a spec named by the string. */
  @Test
  void aCopysNameIsMadeWhenAskedForAndIsItsStringForm() {
    List<TaskSpec> t = tasks("  - {name: 'w{i}-{i}', count: 12, delay: 1}\n  - {name: 'k{i}', delay: 1}\n");
    TaskSpec eleventh = t.get(11);
    assertThat(eleventh.name()).isEqualTo("w11-11").isEqualTo(eleventh.toString());
    StringBuilder out = new StringBuilder("> ");
    eleventh.appendName(out);
    assertThat(out).hasToString("> w11-11");
    assertThat(eleventh).isEqualTo(new TaskSpec("w11-11", eleventh.body(), null)).hasSameHashCodeAs(new TaskSpec("w11-11", eleventh.body(), null));
    assertThat(t.get(12).name()).as("{i} outside a count stays").isEqualTo("k{i}");
    out.setLength(0);
    t.get(12).appendName(out);
    assertThat(out).hasToString("k{i}");
  }

  /** One counted shorthand task, whether its copies are made from draw and index, and copy i's last step. */
  private record Shorthand(String task, boolean made, IntFunction<Step> end) {}

  @Test
  void shorthandCopiesAreMadeFromTheirDrawAndIndexAndGiveTheBodyTheyWereReadWith() {
    String uniform = "delay: {uniform: [0.0, 1.0]}";
    List<Shorthand> cases =
        List.of(
            new Shorthand(uniform + ", result: '{i}'", true, i -> new Step.Return((long) i)),
            new Shorthand("delay: 1.0, result: 'r-{i}-{i}'", true, i -> new Step.Return("r-" + i + "-" + i)),
            new Shorthand(uniform + ", result: x", true, i -> new Step.Return("x")),
            new Shorthand(uniform, true, i -> new Step.Return(null)),
            new Shorthand("delay: 1.0, result: 7", true, i -> new Step.Return(7L)),
            new Shorthand(uniform + ", fail: ValueError", true, i -> new Step.Raise(new ErrorSpec("ValueError", ""))),
            new Shorthand(uniform + ", result: '{i}', on_cancel: {steps: [{log: 'c-{i}'}]}", true, i -> new Step.Return((long) i)),
            // {i} where no shape makes it: kept as read.
            new Shorthand(uniform + ", fail: {type: ValueError, message: 'm-{i}'}", false,
                i -> new Step.Raise(new ErrorSpec("ValueError", "m-" + i))),
            new Shorthand(uniform + ", result: [1, '{i}']", false, i -> new Step.Return(List.of(1L, (long) i))));
    for (Shorthand c : cases) {
      List<TaskSpec> t = tasks("  - {name: 'w-{i}', count: 40, " + c.task() + "}\n");
      List<Long> delays = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        TaskSpec copy = t.get(i);
        String what = c.task() + ", copy " + i;
        // The first copy always fits its own shape.
        assertThat(copy.made()).as(what).isEqualTo(c.made() || i == 0);
        TaskBody.Steps body = (TaskBody.Steps) copy.body();
        assertThat(body.shorthand()).as(what).isTrue();
        assertThat(body.steps()).as(what).hasSize(2).element(1).isEqualTo(c.end().apply(i));
        assertThat(steps(copy)).as(what).isEqualTo(body.steps());
        long ns = ((Step.Sleep) body.steps().get(0)).ns();
        assertThat(ns).as(what).isBetween(0L, 1_000_000_000L);
        delays.add(ns);
        if (c.task().contains("on_cancel")) {
          assertThat(copy.onCancel().steps()).as(what).containsExactly(new Step.Log("c-" + i));
        }
      }
      if (c.task().startsWith(uniform)) {
        assertThat(delays).as(c.task() + ": each copy its own draw").doesNotHaveDuplicates();
      } else {
        assertThat(delays).as(c.task()).containsOnly(1_000_000_000L);
      }
    }
  }

  /**
   * A count reads as the same tasks written out one by one (the reader draws in reading order):
   * the copies the reader makes without reading a body (TaskReader.quick) among them.
   */
  @Test
  void aCountReadsAsItsCopiesWrittenOut() {
    String[][] cases = {
      {"delay: {uniform: [0.0, 2.0]}, result: '{i}'", "result: %d"},
      {"delay: {uniform: [0.0, 2.0]}, result: 'r-{i}'", "result: r-%d"},
      {"delay: {uniform: [0.0, 2.0]}, result: 2.5", "result: 2.5"},
      {"delay: {uniform: [0.0, 2.0]}", ""},
      {"delay: 0.25, result: '{i}'", "result: %d"},
      {"delay: {uniform: [0.0, 2.0]}, fail: ValueError", "fail: ValueError"},
    };
    for (String[] c : cases) {
      List<TaskSpec> counted = tasks("  - {name: 'w-{i}', count: 30, " + c[0] + "}\n  - {name: x, delay: {uniform: [0.0, 1.0]}}\n");
      StringBuilder out = new StringBuilder();
      String delay = c[0].contains("uniform") ? "delay: {uniform: [0.0, 2.0]}" : "delay: 0.25";
      for (int i = 0; i < 30; i++) {
        String end = c[1].isEmpty() ? "" : ", " + c[1].formatted(i);
        out.append("  - {name: 'w-").append(i).append("', ").append(delay).append(end).append("}\n");
      }
      List<TaskSpec> written = tasks(out + "  - {name: x, delay: {uniform: [0.0, 1.0]}}\n");
      assertThat(counted).as(c[0]).hasSize(31).isEqualTo(written);
      assertThat(counted.subList(0, 30)).as(c[0]).allMatch(TaskSpec::made);
    }
  }

  /** A copy whose name has no {i} keeps its body as read: the name's index is not the value's. */
  @Test
  void aCopyNamedWithoutIndexKeepsItsBody() {
    List<TaskSpec> t = tasks("  - {name: w, count: 1, delay: 1.0, result: '{i}'}\n");
    assertThat(t.get(0).made()).isFalse();
    assertThat(((TaskBody.Steps) t.get(0).body()).steps()).element(1).isEqualTo(new Step.Return(0L));
  }

  /** Every task of every workflow in the repository: its steps read one at a time are its body's. */
  @Test
  void stepsReadOneAtATimeAreTheBodys() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("workflows"))) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    int checked = 0;
    for (Path f : files) {
      WorkflowReader.Loaded loaded = WorkflowReader.read(f);
      if (loaded.workflow() == null) continue;
      List<TaskSpec> todo = new ArrayList<>(loaded.workflow().tasks());
      while (!todo.isEmpty()) {
        TaskSpec t = todo.removeLast();
        if (t.body() instanceof TaskBody.Group g) {
          assertThat(t.hasSteps()).as(t.name()).isFalse();
          todo.addAll(g.group().tasks());
          continue;
        }
        List<Step> body = ((TaskBody.Steps) t.body()).steps();
        assertThat(steps(t)).as(f + ": " + t.name()).isEqualTo(body);
        for (Step s : body) if (s instanceof Step.Spawn sp) todo.add(sp.task());
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  private static List<Step> steps(StepSequence s) {
    List<Step> out = new ArrayList<>();
    for (int k = 0; k < s.stepCount(); k++) out.add(s.step(k));
    return out;
  }
}
