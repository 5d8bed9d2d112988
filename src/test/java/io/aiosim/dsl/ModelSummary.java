package io.aiosim.dsl;

import java.util.List;
import java.util.stream.Collectors;

/** A short text picture of a loaded workflow, for the reader's table tests. */
final class ModelSummary {
  private ModelSummary() {}

  static String of(Workflow wf) {
    StringBuilder b = new StringBuilder();
    b.append("workflow ").append(wf.name()).append(" seed=").append(wf.seed());
    if (wf.description() != null) b.append(" description=").append(YamlNode.quote(wf.description()));
    if (wf.python() != null) b.append(" python=").append(wf.python());
    b.append('\n');
    strategy(b, "", wf.strategy(), wf.tasks(), wf.after());
    if (wf.expect() != null) b.append("expect ").append(value(wf.expect())).append('\n');
    return b.toString();
  }

  private static void strategy(StringBuilder b, String indent, StrategySpec s, List<TaskSpec> tasks, After after) {
    b.append(indent).append("strategy ").append(s.kind().key());
    switch (s) {
      case StrategySpec.Gather g -> b.append(" return_exceptions=").append(g.returnExceptions());
      case StrategySpec.AsCompleted a -> b.append(" on_error=").append(a.onError().key());
      case StrategySpec.Wait w ->
          b.append(" return_when=").append(w.returnWhen()).append(" cancel_pending=").append(w.cancelPending())
              .append(w.retrieve() ? " retrieve=true" : "");
      case StrategySpec.CreateTask c -> b.append(" await=").append(c.await());
      case StrategySpec.TaskGroup g -> {}
    }
    if (s.timeoutNs() != null) b.append(" timeout=").append(s.timeoutNs());
    b.append('\n');
    for (TaskSpec t : tasks) task(b, indent + "  ", t);
    if (after != null) b.append(indent).append("after ").append(after.sleepNs()).append('\n');
  }

  private static void task(StringBuilder b, String indent, TaskSpec t) {
    b.append(indent).append("task ").append(t.name());
    switch (t.body()) {
      case TaskBody.Steps s -> {
        b.append(s.shorthand() ? " shorthand: " : " steps: ").append(steps(s.steps())).append('\n');
        for (Step step : s.steps()) if (step instanceof Step.Spawn sp) task(b, indent + "  spawned ", sp.task());
      }
      case TaskBody.Group g -> {
        b.append(" group:\n");
        strategy(b, indent + "  ", g.group().strategy(), g.group().tasks(), g.group().after());
      }
    }
    if (t.onCancel() != null) {
      OnCancel oc = t.onCancel();
      b.append(indent).append("  on_cancel ").append(oc.suppress() ? "suppress result=" + value(oc.result()) : "reraise")
          .append(": ").append(steps(oc.steps())).append('\n');
    }
  }

  private static String steps(List<Step> steps) {
    if (steps.isEmpty()) return "(no steps)";
    return steps.stream().map(ModelSummary::step).collect(Collectors.joining(", "));
  }

  private static String step(Step s) {
    return switch (s) {
      case Step.Sleep x -> "sleep " + x.ns();
      case Step.Log x -> "log " + value(x.message());
      case Step.Spawn x -> "spawn " + x.task().name();
      case Step.Return x -> "return " + value(x.value());
      case Step.Raise x -> "raise " + x.error().type() + "(" + value(x.error().message()) + ")";
    };
  }

  /** Values with their Java types visible: strings quoted, floats with their class. */
  static String value(Object v) {
    return switch (v) {
      case null -> "null";
      case String s -> YamlNode.quote(s);
      case Double d -> "float:" + Values.pythonRepr(d);
      case java.math.BigInteger i -> "bigint:" + i;
      case List<?> l -> l.stream().map(ModelSummary::value).collect(Collectors.joining(", ", "[", "]"));
      case java.util.Map<?, ?> m -> m.entrySet().stream()
          .map(e -> YamlNode.quote((String) e.getKey()) + ": " + value(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
      default -> v.toString();
    };
  }
}
