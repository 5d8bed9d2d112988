package io.aiosim.conformance;

import io.aiosim.dsl.After;
import io.aiosim.dsl.ErrorSpec;
import io.aiosim.dsl.GroupSpec;
import io.aiosim.dsl.OnCancel;
import io.aiosim.dsl.Step;
import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.Workflow;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A test-only stand-in for the dsl's WorkflowReader until it lands on main: loads the subset of
 * the DSL the conformance corpus uses (no {@code count}, no {@code uniform}), without positions.
 */
final class CorpusYaml {
  private static final YAMLMapper YAML = new YAMLMapper();

  private CorpusYaml() {}

  static Workflow read(Path file) throws IOException {
    JsonNode root = YAML.readTree(Files.readString(file));
    String fileName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return new Workflow(
        root.has("name") ? root.get("name").asString() : fileName,
        root.has("description") ? root.get("description").asString() : null,
        root.has("seed") ? root.get("seed").longValue() : 0,
        strategy(root.get("strategy")),
        tasks(root.get("tasks")),
        after(root.get("after")),
        null);
  }

  private static StrategySpec strategy(JsonNode n) {
    StrategySpec.Kind kind =
        StrategySpec.Kind.valueOf(n.get("kind").asString().toUpperCase());
    StrategySpec d = StrategySpec.defaults(kind);
    List<String> await = null;
    if (n.has("await")) {
      await = new ArrayList<>();
      for (JsonNode name : n.get("await")) {
        await.add(name.asString());
      }
    }
    return new StrategySpec(
        kind,
        n.has("return_exceptions") ? n.get("return_exceptions").booleanValue() : d.returnExceptions(),
        n.has("on_error")
            ? StrategySpec.OnError.valueOf(n.get("on_error").asString().toUpperCase())
            : d.onError(),
        n.has("return_when")
            ? StrategySpec.ReturnWhen.valueOf(n.get("return_when").asString())
            : d.returnWhen(),
        n.has("cancel_pending") ? n.get("cancel_pending").booleanValue() : d.cancelPending(),
        await,
        n.has("timeout") ? ns(n.get("timeout")) : null);
  }

  private static List<TaskSpec> tasks(JsonNode n) {
    List<TaskSpec> tasks = new ArrayList<>();
    for (JsonNode t : n) {
      tasks.add(task(t));
    }
    return tasks;
  }

  private static TaskSpec task(JsonNode n) {
    TaskBody body;
    if (n.has("group")) {
      JsonNode g = n.get("group");
      body =
          new TaskBody.Group(
              new GroupSpec(strategy(g.get("strategy")), tasks(g.get("tasks")), after(g.get("after"))));
    } else if (n.has("steps")) {
      body = new TaskBody.Steps(steps(n.get("steps")), false);
    } else {
      List<Step> steps = new ArrayList<>();
      steps.add(new Step.Sleep(n.has("delay") ? ns(n.get("delay")) : 0));
      steps.add(
          n.has("fail") ? new Step.Raise(error(n.get("fail"))) : new Step.Return(value(n.get("result"))));
      body = new TaskBody.Steps(steps, true);
    }
    OnCancel onCancel = null;
    if (n.has("on_cancel")) {
      JsonNode oc = n.get("on_cancel");
      onCancel =
          new OnCancel(
              oc.has("steps") ? steps(oc.get("steps")) : List.of(),
              oc.has("then") && oc.get("then").asString().equals("suppress"),
              value(oc.get("result")));
    }
    return new TaskSpec(n.get("name").asString(), body, onCancel);
  }

  private static List<Step> steps(JsonNode n) {
    List<Step> steps = new ArrayList<>();
    for (JsonNode s : n) {
      Map.Entry<String, JsonNode> e = s.properties().iterator().next();
      steps.add(
          switch (e.getKey()) {
            case "sleep" -> new Step.Sleep(ns(e.getValue()));
            case "log" -> new Step.Log(e.getValue().asString());
            case "spawn" -> new Step.Spawn(task(e.getValue()));
            case "return" -> new Step.Return(value(e.getValue()));
            case "raise" -> new Step.Raise(error(e.getValue()));
            default -> throw new IllegalArgumentException("unknown step " + e.getKey());
          });
    }
    return steps;
  }

  private static ErrorSpec error(JsonNode n) {
    if (n.isString()) {
      return new ErrorSpec(n.asString(), "");
    }
    return new ErrorSpec(n.get("type").asString(), n.has("message") ? n.get("message").asString() : "");
  }

  private static After after(JsonNode n) {
    return n == null || n.isNull() ? null : new After(ns(n.get("sleep")));
  }

  /** SPEC 5: floor(d * 1e9 + 0.5) in binary64. */
  private static long ns(JsonNode n) {
    return (long) Math.floor(n.doubleValue() * 1e9 + 0.5);
  }

  private static Object value(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      BigInteger b = n.bigIntegerValue();
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isString()) {
      return n.asString();
    }
    if (n.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode x : n) {
        list.add(value(x));
      }
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      map.put(e.getKey(), value(e.getValue()));
    }
    return map;
  }
}
