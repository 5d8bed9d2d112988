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
}
