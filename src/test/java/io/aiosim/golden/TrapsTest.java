package io.aiosim.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.Aiosim;
import io.aiosim.dsl.Workflow;
import io.aiosim.dsl.WorkflowReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every trap in workflows/traps/ pins its surprise: its {@code expect:} block holds on the real
 * report and fails on the report of the asyncio its victims expect ("fixed", written as changes
 * in src/test/resources/traps/fixed.yaml). A trap whose expect would also pass with the
 * surprise fixed checks nothing surprising.
 */
class TrapsTest {
  private static final Path TRAPS = Path.of("workflows", "traps");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private record Fixed(String trap, String naive, Map<String, Object> fix) {}

  private static List<Fixed> fixes() throws IOException {
    String text = Files.readString(Path.of("src", "test", "resources", "traps", "fixed.yaml"));
    List<Map<String, Object>> rows = new YAMLMapper().readValue(text, new TypeReference<List<Map<String, Object>>>() {});
    return rows.stream().map(TrapsTest::fixed).toList();
  }

  @SuppressWarnings("unchecked")
  private static Fixed fixed(Map<String, Object> row) {
    return new Fixed((String) row.get("trap"), (String) row.get("naive"), (Map<String, Object>) row.get("fix"));
  }

  @TestFactory
  Stream<DynamicTest> eachExpectFailsWhenTheSurpriseIsFixed() throws IOException {
    return fixes().stream().map(f -> DynamicTest.dynamicTest(f.trap() + " (naive: " + f.naive() + ")", () -> check(f)));
  }

  private static void check(Fixed f) {
    Workflow wf = workflow(TRAPS.resolve(f.trap() + ".yaml"));
    assertThat(wf.expect()).as("the trap has an expect block").isNotNull();
    JsonNode report = JsonTree.parseOwn(Aiosim.toJson(Aiosim.run(wf)));
    assertThat(ExpectCheck.check(wf.expect(), report)).as("expect holds on the real report").isEmpty();
    JsonNode fixedReport = apply(f.fix(), report.deepCopy());
    assertThat(fixedReport).as("the fix changes the report").isNotEqualTo(report);
    assertThat(ExpectCheck.check(wf.expect(), fixedReport))
        .as("expect fails on the report of the naive asyncio (" + f.naive() + ")")
        .isNotEmpty();
  }

  /** Every trap has its fixed report, and says which trap it is and where users met it. */
  @Test
  void everyTrapIsCoveredAndNamed() throws IOException {
    List<String> covered = fixes().stream().map(Fixed::trap).sorted().toList();
    List<String> traps;
    try (Stream<Path> files = Files.list(TRAPS)) {
      traps = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .toList();
    }
    assertThat(covered).as("traps in fixed.yaml").isEqualTo(traps);
    for (String trap : traps) {
      String description = workflow(TRAPS.resolve(trap + ".yaml")).description();
      assertThat(description).as(trap + " description").startsWith("Trap: ");
      assertThat(description).as(trap + " names the CPython issue")
          .containsAnyOf("cpython#", "no CPython issue of its own");
    }
  }

  private static Workflow workflow(Path file) {
    WorkflowReader.Loaded loaded = WorkflowReader.read(file);
    assertThat(loaded.diagnostics()).as(file.toString()).isEmpty();
    return loaded.workflow();
  }

  @SuppressWarnings("unchecked")
  private static JsonNode apply(Map<String, Object> fix, JsonNode report) {
    ObjectNode root = (ObjectNode) report;
    fix.forEach((key, change) -> {
      switch (key) {
        case "outcome" -> set((ObjectNode) root.get("outcome"), (Map<String, Object>) change);
        case "tasks" -> ((Map<String, Map<String, Object>>) change).forEach((name, fields) -> {
          for (JsonNode t : root.get("tasks")) {
            if (name.equals(t.get("name").asString())) set((ObjectNode) t, fields);
          }
        });
        case "events" -> ((List<Map<String, Object>>) change).forEach(c -> event((ArrayNode) root.get("events"), c));
        case "warnings" -> root.set("warnings", JSON.valueToTree(change));
        default -> throw new IllegalArgumentException("fixed.yaml: unknown change " + key);
      }
    });
    return root;
  }

  @SuppressWarnings("unchecked")
  private static void event(ArrayNode events, Map<String, Object> change) {
    for (int i = 0; i < events.size(); i++) {
      if (!ExpectCheck.matches(change.get("match"), events.get(i), false)) continue;
      if (change.containsKey("insert")) events.insert(i, (JsonNode) JSON.valueToTree(change.get("insert")));
      else if (Boolean.TRUE.equals(change.get("remove"))) events.remove(i);
      else set((ObjectNode) events.get(i), (Map<String, Object>) change.get("set"));
      return;
    }
    throw new IllegalArgumentException("fixed.yaml: no event matches " + change.get("match"));
  }

  private static void set(ObjectNode node, Map<String, Object> fields) {
    fields.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
  }
}
