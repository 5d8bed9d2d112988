package io.aiosim.run;

import static io.aiosim.run.Wf.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.dsl.StrategySpec.Kind;
import org.junit.jupiter.api.Test;

class SpecExampleTest {
  @Test
  void specSection6ExampleByteForByte() {
    String expected =
        """
        {
          "workflow": "gather-handle-exception",
          "strategy": {"kind": "gather", "return_exceptions": false},
          "clock": "virtual",
          "python": "3.12",
          "outcome": {"status": "raised", "at": 0.2, "error": {"type": "ValueError", "message": "Error"}},
          "tasks": [
            {"name": "hello-0.1", "state": "completed", "result": 0.1, "started_at": 0.0, "finished_at": 0.1},
            {"name": "boom", "state": "failed", "error": {"type": "ValueError", "message": "Error"}, "started_at": 0.0, "finished_at": 0.2},
            {"name": "hello-0.3", "state": "cancelled", "cancelled_by": "shutdown", "started_at": 0.0, "finished_at": 0.2}
          ],
          "events": [
            {"t": 0.0, "task": "hello-0.1", "event": "start"},
            {"t": 0.0, "task": "boom", "event": "start"},
            {"t": 0.0, "task": "hello-0.3", "event": "start"},
            {"t": 0.1, "task": "hello-0.1", "event": "completed", "result": 0.1},
            {"t": 0.2, "task": "boom", "event": "failed", "error": {"type": "ValueError", "message": "Error"}},
            {"t": 0.2, "task": "main", "event": "raised", "error": {"type": "ValueError", "message": "Error"}},
            {"t": 0.2, "task": "hello-0.3", "event": "cancel", "by": "shutdown"},
            {"t": 0.2, "task": "hello-0.3", "event": "cancelled"}
          ],
          "warnings": [],
          "finished_at": 0.2
        }
        """;
    String actual =
        run(
            workflow(
                "gather-handle-exception",
                kind(Kind.GATHER),
                null,
                ok("hello-0.1", 0.1, 0.1),
                fail("boom", 0.2, "ValueError", "Error"),
                ok("hello-0.3", 0.3, 0.3)));
    assertThat(actual).isEqualTo(expected);
  }
}
