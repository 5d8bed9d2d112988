package io.aiosim.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.Aiosim;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import io.aiosim.report.RepositoryWorkflows;
import io.aiosim.report.RunResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace of every seed and conformance workflow is valid Trace Event Format as Perfetto reads
 * it: known phases only, events in time order, every {@code b} closed by an {@code e} of the same
 * name on the same track ({@code cat} + {@code id}), slices nesting per track, each track named
 * by {@code M} metadata and living on one thread, every flow ending after it starts.
 */
class TraceViewTest {
  private static final JsonMapper JSON = new JsonMapper();
  private static final Set<String> PHASES = Set.of("M", "b", "e", "n");

  @TestFactory
  Stream<DynamicTest> everyWorkflowsTraceIsWellFormed() {
    return RepositoryWorkflows.seedAndConformance().stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
      Workflow w = WorkflowReader.read(p).workflow();
      RunResult r = Aiosim.run(w);
      String trace = TraceView.trace(r, w);
      check(trace, r.tasks().size() + 1);
      assertThat(TraceView.trace(Aiosim.run(w), w)).as("same bytes on a second run").isEqualTo(trace);
    }));
  }

  static void check(String text, int tracks) {
    JsonNode root = JSON.readTree(text);
    JsonNode events = root.get("traceEvents");
    assertThat(events.isArray()).isTrue();
    Map<String, Deque<JsonNode>> open = new HashMap<>();
    Map<String, Integer> threadOfTrack = new HashMap<>();
    Set<Integer> named = new HashSet<>();
    Set<Long> flowsOut = new HashSet<>();
    BigDecimal last = BigDecimal.ZERO;
    int slices = 0;
    for (JsonNode e : events) {
      String ph = e.get("ph").asString();
      assertThat(PHASES).as("phase of " + e).contains(ph);
      assertThat(e.get("pid").asInt()).isEqualTo(1);
      if (ph.equals("M")) {
        if (e.get("name").asString().equals("thread_name")) {
          assertThat(e.get("args").get("name").asString()).isNotEmpty();
          named.add(e.get("tid").asInt());
        }
        continue;
      }
      BigDecimal ts = e.get("ts").decimalValue();
      assertThat(ts).as("time order at " + e).isGreaterThanOrEqualTo(last);
      last = ts;
      String track = e.get("cat").asString() + "/" + e.get("id").asString();
      int tid = e.get("tid").asInt();
      assertThat(named).as("thread named before use: " + e).contains(tid);
      assertThat(threadOfTrack.computeIfAbsent(track, k -> tid)).as("one thread per track").isEqualTo(tid);
      Deque<JsonNode> stack = open.computeIfAbsent(track, k -> new ArrayDeque<>());
      switch (ph) {
        case "b" -> {
          stack.push(e);
          slices++;
        }
        case "e" -> {
          assertThat(stack).as("an e without its b: " + e).isNotEmpty();
          JsonNode b = stack.pop();
          assertThat(e.get("name").asString()).as("e closes the innermost b").isEqualTo(b.get("name").asString());
          assertThat(ts).isGreaterThanOrEqualTo(b.get("ts").decimalValue());
        }
        default -> assertThat(stack).as("an instant inside its track's lifetime: " + e).isNotEmpty();
      }
      if (e.has("bind_id")) {
        long id = e.get("bind_id").asLong();
        if (e.path("flow_out").asBoolean(false)) {
          assertThat(flowsOut.add(id)).as("flow started once").isTrue();
        } else {
          assertThat(e.path("flow_in").asBoolean(false)).isTrue();
          assertThat(flowsOut).as("flow " + id + " started before it ends").contains(id);
        }
      }
    }
    open.forEach((track, stack) -> assertThat(stack).as("unclosed slices on " + track).isEmpty());
    assertThat(threadOfTrack).hasSize(tracks);
    assertThat(slices).isGreaterThanOrEqualTo(tracks);
  }

  @Test
  void timesAreMicrosecondsOfVirtualTime() {
    assertThat(TraceView.micros(0)).isEqualTo("0");
    assertThat(TraceView.micros(100_000_000)).isEqualTo("100000");
    assertThat(TraceView.micros(1)).isEqualTo("0.001");
    assertThat(TraceView.micros(1_234_560)).isEqualTo("1234.56");
    assertThat(TraceView.micros(1_000_000_000_000_000_000L)).isEqualTo("1000000000000000");
  }

  @Test
  void spawnAndCancelAreFlowsBetweenTracks() throws Exception {
    Workflow w = WorkflowReader.read(Path.of("workflows/seed/gather-handle-exception.yaml")).workflow();
    JsonNode events = JSON.readTree(TraceView.trace(Aiosim.run(w), w)).get("traceEvents");
    long spawns = 0;
    long cancels = 0;
    for (JsonNode e : events) {
      if (e.path("flow_out").asBoolean(false)) {
        String name = e.get("name").asString();
        spawns += name.startsWith("create ") ? 1 : 0;
        cancels += name.equals("cancel hello-0.3 (shutdown)") ? 1 : 0;
      }
    }
    assertThat(spawns).isEqualTo(3);
    assertThat(cancels).isEqualTo(1);
  }
}
