package io.aiosim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.dsl.WorkflowReader;
import io.aiosim.engine.ClockKind;
import io.aiosim.run.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A run's tasks reach the writer as the recorder's rows (TaskRows: no object per task, which a
 * million-task report would feel; the first check keeps that path from vanishing unseen), and
 * the reports a row list makes (the view other formats read, and TaskRows.of for a plain list)
 * write the same bytes, for every workflow: tasks completed, failed, cancelled by each cause and
 * pending, with and without parents. The goldens check the bytes themselves.
 */
class TaskRowsTest {
  @Test
  void theRecordersRowsWriteWhatTheirReportsWrite() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("workflows"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int checked = 0;
    for (Path f : files) {
      WorkflowReader.Loaded loaded = WorkflowReader.read(f);
      if (loaded.workflow() == null) continue;
      RunResult r = Simulation.run(loaded.workflow(), ClockKind.VIRTUAL);
      assertThat(r.tasks()).as(f.toString()).isInstanceOf(TaskRows.class);
      RunResult plain = new RunResult(r.workflow(), r.strategy(), r.clock(), r.python(), r.schedule(), r.outcome(),
          List.copyOf(r.tasks()), r.events(), r.warnings(), r.finishedAtNs());
      assertThat(ReportWriter.toJson(r)).as(f.toString()).isEqualTo(ReportWriter.toJson(plain));
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  /**
   * Names reach the report unescaped when they need no escape, which every workflow's do (letters,
   * digits, '_', '.' and '-'); any other name, as a hand-made report may have, is escaped as
   * Python's json.dumps escapes it.
   */
  @Test
  void aNameThatNeedsEscapesIsEscapedInTasksAndEvents() {
    WorkflowReader.Loaded loaded = WorkflowReader.read("w.yaml", """
        version: 1
        name: w
        strategy: {kind: gather}
        tasks:
          - {name: a, delay: 1, result: 1}
        """);
    RunResult r = Simulation.run(loaded.workflow(), ClockKind.VIRTUAL);
    String odd = "q\"b\\s\u00e9\u007f\n.-_9";
    List<TaskReport> tasks = List.of(new TaskReport(odd, TaskReport.State.COMPLETED, 1L, null, null, 0L, 1L, odd));
    EventLog events = new EventLog(task -> odd);
    events.add(0, 0, Event.Kind.START, null);
    RunResult renamed = new RunResult(r.workflow(), r.strategy(), r.clock(), r.python(), r.schedule(), r.outcome(),
        tasks, events, r.warnings(), r.finishedAtNs());
    String escaped = "\"q\\\"b\\\\s\\u00e9\\u007f\\n.-_9\"";
    assertThat(ReportWriter.toJson(renamed))
        .contains("{\"name\": " + escaped + ", \"state\"")
        .contains("\"parent\": " + escaped + "}")
        .contains("\"task\": " + escaped + ", \"event\": \"start\"");
    assertThat(ReportWriter.toJson(r)).contains("{\"name\": \"a\", \"state\"");
  }
}
