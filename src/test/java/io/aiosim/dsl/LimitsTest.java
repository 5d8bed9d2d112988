package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds of hostile input, at and just past each limit. */
class LimitsTest {

  @Test
  void aMillionTaskCountLoadsWithinTheDefaultHeap() {
    String text =
        "version: 1\nseed: 7\nstrategy: {kind: gather}\ntasks:\n"
            + "  - name: worker-{i}\n    count: 1000000\n    delay: {uniform: [0.0, 10.0]}\n    result: \"{i}\"\n";
    WorkflowReader.Loaded loaded = WorkflowReader.read("million.yaml", text);
    assertThat(loaded.diagnostics()).isEmpty();
    List<TaskSpec> tasks = loaded.workflow().tasks();
    assertThat(tasks).hasSize(1_000_000);
    TaskSpec last = tasks.get(999_999);
    assertThat(last.name()).isEqualTo("worker-999999");
    TaskBody.Steps body = (TaskBody.Steps) last.body();
    assertThat(body.steps().get(1)).isEqualTo(new Step.Return(999_999L));
    // The millionth draw of SplitMix64(7), as SPEC 4 computes it.
    SplitMix64 rng = new SplitMix64(7);
    double d = 0;
    for (int k = 0; k < 1_000_000; k++) d = rng.uniform(0.0, 10.0);
    assertThat(body.steps().get(0)).isEqualTo(new Step.Sleep(Values.secondsToNs(d)));
  }

  /** Groups nested exactly as deep as allowed: the reader and the schema both cope. */
  @Test
  void groupsNestedOneHundredDeepAreFineAndOneMoreIsNot() {
    assertThat(WorkflowReader.read("deep.yaml", nested(100)).diagnostics()).isEmpty();
    assertThat(WorkflowReader.read("deep.yaml", nested(101)).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("tasks nested deeper than 100 levels (groups and spawns)");
  }

  /** A workflow whose innermost task sits {@code levels} groups below the top level. */
  static String nested(int levels) {
    StringBuilder b = new StringBuilder("version: 1\nstrategy: {kind: gather}\ntasks:\n");
    String indent = "  ";
    for (int k = 0; k < levels; k++) {
      b.append(indent).append("- name: g").append(k).append('\n');
      b.append(indent).append("  group:\n");
      b.append(indent).append("    strategy: {kind: taskgroup}\n");
      b.append(indent).append("    tasks:\n");
      indent += "      ";
    }
    return b.append(indent).append("- name: leaf\n").toString();
  }

  @Test
  void yamlNestingAtTheBoundIsReadAndOneMoreIsNot() {
    String ok = "version: 1\nstrategy: {kind: gather}\ntasks: [{name: a, result: " + "[".repeat(997) + "]".repeat(997) + "}]\n";
    assertThat(WorkflowReader.read("d.yaml", ok).diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("d.yaml:3:127: a value nested deeper than 100 levels of lists and mappings");
    String deep = ok.replace("result: [", "result: [[").replace("]}]", "]]}]");
    assertThat(WorkflowReader.read("d.yaml", deep).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("YAML nested deeper than 1000 levels");
  }

  @Test
  void valuesNestOneHundredLevels() {
    String ok = "version: 1\nstrategy: {kind: gather}\ntasks: [{name: a, result: " + "[".repeat(100) + "]".repeat(100) + "}]\n";
    assertThat(WorkflowReader.read("v.yaml", ok).diagnostics()).isEmpty();
  }

  /** Where a scalar is expected, a deep value is one positioned error, whatever its depth. */
  @Test
  void aDeepValueWhereAScalarIsExpectedIsAPositionedError() {
    String deep = "[".repeat(900) + "1" + "]".repeat(900);
    String[] texts = {
      "version: " + deep + "\nstrategy: {kind: gather}\ntasks: [{name: a}]\n",
      "version: 1\nstrategy: {kind: " + deep + "}\ntasks: [{name: a}]\n",
      "version: 1\nstrategy: {kind: gather}\ntasks: [{name: " + deep + "}]\n",
    };
    for (String text : texts) {
      List<Diagnostic> ds = WorkflowReader.read("s.yaml", text).diagnostics();
      assertThat(ds).hasSize(1);
      assertThat(ds.get(0).message()).contains("expected").contains("got a list");
    }
  }

  @Test
  void aliasesWithinTheBoundAreExpanded() {
    String text =
        "version: 1\nstrategy: {kind: gather}\ntasks:\n  - {name: a, result: &x [1, 2, 3]}\n  - {name: b, result: [*x, *x]}\n";
    WorkflowReader.Loaded loaded = WorkflowReader.read("a.yaml", text);
    assertThat(loaded.diagnostics()).isEmpty();
    TaskBody.Steps b = (TaskBody.Steps) loaded.workflow().tasks().get(1).body();
    assertThat(b.steps().get(1)).isEqualTo(new Step.Return(List.of(List.of(1L, 2L, 3L), List.of(1L, 2L, 3L))));
  }

  /** An 80 KB file that aliases a 64 KiB string 4,000 times used to write a 1 GB report. */
  @Test
  void aliasesAreCountedByTheBytesTheyRepeat() {
    StringBuilder b = new StringBuilder("version: 1\nstrategy: {kind: gather}\ntasks:\n");
    b.append("  - {name: a, result: &s ").append("x".repeat(65_536)).append("}\n");
    for (int k = 0; k < 4000; k++) b.append("  - {name: t").append(k).append(", result: *s}\n");
    assertThat(WorkflowReader.read("a.yaml", b.toString()).diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("a.yaml:261:26: YAML aliases expand to more than 16777216 bytes of text (a long value aliased many times?)");
  }

  /** The same bytes made by count instead of aliases: the projected report is over 1 GB. */
  @Test
  void theProjectedReportIsBoundedBeforeAnythingRuns() {
    String text = "version: 1\nstrategy: {kind: gather}\ntasks:\n"
        + "  - {name: \"t{i}\", count: 4000, result: " + "x".repeat(65_536) + "}\n";
    assertThat(WorkflowReader.read("r.yaml", text).diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("r.yaml:3:1: tasks: the report could reach 1.31 GB (4000 tasks after count expansion, their"
            + " names, logs and values, each value as often as the report repeats it); the limit is 1 GB");
  }

  /** A workflow at the old 10M-task cap with an on_cancel ran out of memory after minutes. */
  @Test
  void theTaskBudgetCountsWhatEachTaskCarries() {
    String plain = "version: 1\nstrategy: {kind: gather, timeout: 1}\ntasks:\n  - name: \"w{i}\"\n    count: 1000000\n";
    String steps = "    steps: [{sleep: 10}, {return: 1}]\n";
    String cleanup = "    on_cancel: {steps: [{sleep: 0.5}, {log: c}]}\n";
    assertThat(WorkflowReader.read("m.yaml", (plain + steps + cleanup).replace("1000000", "100000")).diagnostics()).isEmpty();
    String tenMillion = (plain + steps + cleanup).replace("1000000", "10000000");
    assertThat(WorkflowReader.read("m.yaml", tenMillion).diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("m.yaml:3:1: tasks: 10000000 tasks after count expansion would need about 7.1 GB of"
            + " memory to run; the limit is 1.2 GB (use fewer tasks, steps or values, or smaller ones)");
    String manyLogs = plain + "    steps: [" + "{log: m}, ".repeat(30) + "{return: 1}]\n";
    assertThat(WorkflowReader.read("m.yaml", manyLogs).diagnostics())
        .extracting(Diagnostic::message)
        .singleElement()
        .asString()
        .startsWith("tasks: 1000000 tasks after count expansion would need about 2");
  }

  @Test
  void diagnosticsAreCappedSoThatAFloodStaysReadable() {
    StringBuilder b = new StringBuilder("version: 1\nstrategy: {kind: gather}\ntasks:\n");
    for (int k = 0; k < 150; k++) b.append("  - {name: t").append(k).append(", delay: -1}\n");
    List<Diagnostic> ds = WorkflowReader.read("f.yaml", b.toString()).diagnostics();
    assertThat(ds).hasSize(Diagnostics.MAX + 1);
    assertThat(ds.get(Diagnostics.MAX).message()).isEqualTo("... and 50 more problems not shown");
  }
}
