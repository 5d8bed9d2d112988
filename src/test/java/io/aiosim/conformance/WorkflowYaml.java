package io.aiosim.conformance;

import io.aiosim.dsl.After;
import io.aiosim.dsl.ErrorSpec;
import io.aiosim.dsl.OnCancel;
import io.aiosim.dsl.Step;
import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.StrategySpec.Kind;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.Workflow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a workflow model as a YAML file (generated and shrunk cases are files a person can add
 * to the corpus). Durations are written as exact decimal seconds, which read back as the same ns.
 */
final class WorkflowYaml {
  private final StringBuilder out = new StringBuilder();

  private WorkflowYaml() {}

  static String write(Workflow wf) {
    WorkflowYaml y = new WorkflowYaml();
    y.out.append("version: 1\n");
    y.out.append("name: ").append(string(wf.name())).append('\n');
    if (wf.description() != null) {
      y.out.append("description: ").append(string(wf.description())).append('\n');
    }
    y.out.append("strategy: ").append(strategy(wf.strategy())).append('\n');
    y.out.append("tasks:\n");
    for (TaskSpec t : wf.tasks()) {
      y.task(t, 1);
    }
    if (wf.after() != null) {
      y.out.append("after: ").append(after(wf.after())).append('\n');
    }
    return y.out.toString();
  }

  private void task(TaskSpec t, int level) {
    String pad = "  ".repeat(level);
    out.append(pad).append("- name: ").append(string(t.name())).append('\n');
    String in = pad + "  ";
    switch (t.body()) {
      case TaskBody.Steps s when s.shorthand() && shorthand(s.steps()) -> {
        out.append(in).append("delay: ").append(seconds(((Step.Sleep) s.steps().get(0)).ns())).append('\n');
        switch (s.steps().get(1)) {
          case Step.Return r -> out.append(in).append("result: ").append(value(r.value())).append('\n');
          case Step.Raise r -> out.append(in).append("fail: ").append(error(r.error())).append('\n');
          default -> throw new IllegalStateException("not a shorthand");
        }
      }
      case TaskBody.Steps s -> steps(s.steps(), in);
      case TaskBody.Group g -> {
        out.append(in).append("group:\n");
        out.append(in).append("  strategy: ").append(strategy(g.group().strategy())).append('\n');
        out.append(in).append("  tasks:\n");
        for (TaskSpec child : g.group().tasks()) {
          task(child, level + 2);
        }
        if (g.group().after() != null) {
          out.append(in).append("  after: ").append(after(g.group().after())).append('\n');
        }
      }
    }
    OnCancel oc = t.onCancel();
    if (oc != null) {
      out.append(in).append("on_cancel:\n");
      steps(oc.steps(), in + "  ");
      if (oc.suppress()) {
        out.append(in).append("  then: suppress\n");
        out.append(in).append("  result: ").append(value(oc.result())).append('\n');
      }
    }
  }

  private static boolean shorthand(List<Step> steps) {
    return steps.size() == 2
        && steps.get(0) instanceof Step.Sleep
        && (steps.get(1) instanceof Step.Return || steps.get(1) instanceof Step.Raise);
  }

  private void steps(List<Step> steps, String pad) {
    if (steps.isEmpty()) {
      out.append(pad).append("steps: []\n");
      return;
    }
    out.append(pad).append("steps:\n");
    for (Step step : steps) {
      switch (step) {
        case Step.Sleep s -> out.append(pad).append("  - sleep: ").append(seconds(s.ns())).append('\n');
        case Step.Log l -> out.append(pad).append("  - log: ").append(string(l.message())).append('\n');
        case Step.Return r -> out.append(pad).append("  - return: ").append(value(r.value())).append('\n');
        case Step.Raise r -> out.append(pad).append("  - raise: ").append(error(r.error())).append('\n');
        case Step.Spawn sp -> {
          out.append(pad).append("  - spawn:\n");
          // A one-item list at the spawn's indentation, then unwrapped: reuse task().
          int mark = out.length();
          task(sp.task(), 0);
          String written = out.substring(mark);
          out.setLength(mark);
          for (String line : written.split("\n")) {
            String body = line.startsWith("- ") ? line.substring(2) : line.substring(2);
            out.append(pad).append("      ").append(body).append('\n');
          }
        }
      }
    }
  }

  static String strategy(StrategySpec s) {
    List<String> parts = new ArrayList<>();
    parts.add("kind: " + s.kind().key());
    switch (s) {
      case StrategySpec.Gather g when g.returnExceptions() -> parts.add("return_exceptions: true");
      case StrategySpec.AsCompleted a when a.onError() != StrategySpec.OnError.CONTINUE ->
          parts.add("on_error: " + a.onError().key());
      case StrategySpec.Wait w -> {
        if (w.returnWhen() != StrategySpec.ReturnWhen.ALL_COMPLETED) {
          parts.add("return_when: " + w.returnWhen().name());
        }
        if (w.cancelPending()) {
          parts.add("cancel_pending: true");
        }
        if (w.retrieve()) {
          parts.add("retrieve: true");
        }
      }
      case StrategySpec.CreateTask c when c.await() != null -> parts.add("await: " + value(c.await()));
      default -> {}
    }
    if (s.timeoutNs() != null) {
      // timeout must be > 0 s; 1e-10 s rounds to 0 ns, which is asyncio.timeout(0) (SPEC 5)
      parts.add("timeout: " + (s.timeoutNs() == 0 ? "1e-10" : seconds(s.timeoutNs())));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  private static String after(After a) {
    return "{sleep: " + seconds(a.sleepNs()) + "}";
  }

  private static String error(ErrorSpec e) {
    return "{type: " + string(e.type()) + ", message: " + string(e.message()) + "}";
  }

  /** Exact decimal seconds of a ns count ({@code 150000000} is {@code 0.15}). */
  static String seconds(long ns) {
    return BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString();
  }

  /** A YAML flow value; strings always double-quoted (JSON escapes are YAML escapes). */
  static String value(Object v) {
    return switch (v) {
      case null -> "null";
      case String s -> string(s);
      case List<?> list -> {
        List<String> items = new ArrayList<>();
        list.forEach(x -> items.add(value(x)));
        yield "[" + String.join(", ", items) + "]";
      }
      case Map<?, ?> map -> {
        List<String> items = new ArrayList<>();
        map.forEach((k, x) -> items.add(string((String) k) + ": " + value(x)));
        yield "{" + String.join(", ", items) + "}";
      }
      default -> v.toString(); // Boolean, integers, doubles (Java's toString reads back as YAML)
    };
  }

  static String string(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                  if (cp >= 0x20 && cp < 0x7f) {
                    sb.appendCodePoint(cp);
                  } else if (cp <= 0xffff) {
                    sb.append(String.format("\\u%04x", cp));
                  } else {
                    sb.append(String.format("\\U%08x", cp));
                  }
                }
              }
            });
    return sb.append('"').toString();
  }
}
