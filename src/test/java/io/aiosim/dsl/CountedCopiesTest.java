package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A counted task's copies share one body when theirs came out equal (TaskReader.expand). */
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
}
