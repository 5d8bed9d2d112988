package io.aiosim.export;

import io.aiosim.dsl.After;
import io.aiosim.dsl.ErrorSpec;
import io.aiosim.dsl.GroupSpec;
import io.aiosim.dsl.OnCancel;
import io.aiosim.dsl.PythonVersion;
import io.aiosim.dsl.Step;
import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.StrategySpec.Kind;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.Workflow;
import io.aiosim.run.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a workflow as the plain asyncio program it means (SPEC 5, "the reference loop"): the
 * prelude (prelude-*.py: reference loop, instrumentation, report printer), one {@code async def} per task, and
 * {@code main} running the strategy. It needs nothing but the standard library of CPython 3.11
 * or later, and prints the report of the asyncio that runs it: the report {@code aiosim run
 * --python X.Y} prints when CPython X.Y runs it (SPEC 8). The version it is exported for (the
 * workflow's {@code python:}, or the command line's) only decides its header and a note on
 * standard error when another interpreter runs it.
 *
 * {@snippet :
 * String program = PythonExporter.export(workflow);
 * String for313 = PythonExporter.export(workflow, PythonVersion.V3_13);
 * }
 */
public final class PythonExporter {
  private static final String PRELUDE = prelude();

  private final Code code = new Code();
  private final PythonNames names = new PythonNames();
  private final Map<TaskSpec, Boolean> needsTg = new IdentityHashMap<>();

  private PythonExporter() {}

  /** The program text of {@code wf}, for the Python version it pins (else the default). */
  public static String export(Workflow wf) {
    return export(wf, Schedule.FIFO, null);
  }

  /** The program text of {@code wf}, for {@code python} (null: the version it pins, else the default). */
  public static String export(Workflow wf, PythonVersion python) {
    return export(wf, Schedule.FIFO, python);
  }

  /**
   * The program text of {@code wf} whose reference loop orders its ties as {@code schedule} says
   * (SPEC 9), and whose report names it as {@code aiosim run --schedule} does.
   */
  public static String export(Workflow wf, Schedule schedule) {
    return export(wf, schedule, null);
  }

  /** As {@link #export(Workflow, Schedule)}, for {@code python} (null: the version it pins, else the default). */
  public static String export(Workflow wf, Schedule schedule, PythonVersion python) {
    return new PythonExporter().program(wf, schedule, wf.pythonOr(python));
  }

  private String program(Workflow wf, Schedule schedule, PythonVersion python) {
    code.line("#!/usr/bin/env python3");
    code.line("# Workflow " + PythonLiteral.string(wf.name()) + " as a plain asyncio program,");
    code.line("# printed by `aiosim export --python`. Run it with python" + python.key() + " (standard");
    code.line("# library only): it prints the report that `aiosim run --python " + python.key() + "` prints");
    code.line("# for the workflow. Under another CPython (3.11 or later) it prints that one's report.");
    if (wf.description() != null) {
      for (String line : wf.description().strip().split("\n")) {
        String ascii = PythonLiteral.string(line);
        code.line("#   " + ascii.substring(1, ascii.length() - 1));
      }
    }
    code.blank().raw(PRELUDE).blank().blank();
    code.line("# --- the workflow " + "-".repeat(76)).blank();
    for (TaskSpec t : wf.tasks()) {
      definitions(t, wf.strategy().kind() == Kind.TASKGROUP);
    }
    main(wf);
    code.blank().blank();
    code.line("if __name__ == \"__main__\":").indent();
    code.line("with report(" + PythonLiteral.string(wf.name()) + ", " + echo(wf.strategy()) + ", "
        + PythonLiteral.string(python.key()) + ties(schedule) + "):");
    code.indent().line("run(main())  # asyncio.run(main(), loop_factory=ReferenceLoop)").dedent().dedent();
    return code.toString();
  }

  private void main(Workflow wf) {
    code.line("async def main():").indent();
    code.line("try:").indent();
    strategy(wf.strategy(), wf.tasks(), "tg", null);
    code.dedent();
    code.line("except asyncio.CancelledError as e:  # no Exception: main ends cancelled (SPEC 2)");
    code.indent().line("raised(e)").line("raise").dedent();
    code.line("except Exception as e:").indent().line("raised(e)").dedent();
    code.line("else:").indent().line("returned(value)").dedent();
    if (wf.after() != null) {
      code.line(sleep(wf.after().sleepNs()) + ", the workflow's after");
    }
    code.dedent();
  }

  /** The task's function, then those of the tasks it spawns or runs as a group (pre-order). */
  private void definitions(TaskSpec t, boolean inTg) {
    function(t, inTg);
    boolean childrenInTg = inTg;
    if (t.body() instanceof TaskBody.Group g) {
      childrenInTg = inTg || g.group().strategy().kind() == Kind.TASKGROUP;
      for (TaskSpec child : g.group().tasks()) {
        definitions(child, childrenInTg);
      }
    } else if (t.body() instanceof TaskBody.Steps s) {
      spawnedDefinitions(s.steps(), inTg);
    }
    if (t.onCancel() != null) {
      spawnedDefinitions(t.onCancel().steps(), inTg);
    }
  }

  private void spawnedDefinitions(List<Step> steps, boolean inTg) {
    for (Step step : steps) {
      if (step instanceof Step.Spawn spawn) {
        definitions(spawn.task(), inTg);
      }
    }
  }

  private void function(TaskSpec t, boolean inTg) {
    String outerTg = inTg && needsTg(t) ? "tg" : null;
    code.line("@task(" + PythonLiteral.string(t.name()) + ")");
    code.line("async def " + names.of(t.name()) + "(" + (outerTg == null ? "" : "tg") + "):");
    code.indent();
    int start = code.length();
    OnCancel onCancel = t.onCancel();
    if (onCancel == null) {
      body(t.body(), outerTg);
    } else {
      code.line("try:").indent();
      int bodyStart = code.length();
      body(t.body(), outerTg);
      code.passIfEmptySince(bodyStart).dedent();
      code.line("except asyncio.CancelledError:  # on_cancel").indent();
      if (!steps(onCancel.steps(), outerTg)) {
        code.line(onCancel.suppress() ? "return " + PythonLiteral.of(onCancel.result()) : "raise");
      }
      code.dedent();
    }
    code.passIfEmptySince(start).dedent().blank().blank();
  }

  private void body(TaskBody body, String outerTg) {
    switch (body) {
      case TaskBody.Steps s -> steps(s.steps(), outerTg);
      case TaskBody.Group g -> group(g.group(), outerTg);
    }
  }

  /** A group task: its step, its after (also after an error), then its value (SPEC 2). */
  private void group(GroupSpec g, String outerTg) {
    String ownTg = outerTg == null ? "tg" : "inner_tg";
    After after = g.after();
    if (after == null) {
      strategy(g.strategy(), g.tasks(), ownTg, outerTg);
    } else {
      code.line("try:").indent();
      strategy(g.strategy(), g.tasks(), ownTg, outerTg);
      code.dedent().line("except Exception:").indent();
      code.line(sleep(after.sleepNs()) + ", the group's after, also after an error");
      code.line("raise").dedent();
      code.line(sleep(after.sleepNs()) + ", the group's after");
    }
    code.line("return value");
  }

  private void strategy(StrategySpec s, List<TaskSpec> tasks, String ownTg, String outerTg) {
    new StrategyCode(code, this::call).write(s, tasks, ownTg, outerTg);
  }

  /** Writes the steps; true when they end the body (return or raise: the rest is unreachable). */
  private boolean steps(List<Step> steps, String outerTg) {
    for (Step step : steps) {
      switch (step) {
        case Step.Sleep s -> code.line(sleep(s.ns()));
        case Step.Log l -> code.line("log(" + PythonLiteral.string(l.message()) + ")");
        case Step.Spawn sp ->
            code.line(
                outerTg == null
                    ? "asyncio.create_task(" + call(sp.task(), null) + ")"
                    : outerTg + ".create_task(" + call(sp.task(), outerTg) + ")");
        case Step.Return r -> {
          code.line("return " + PythonLiteral.of(r.value()));
          return true;
        }
        case Step.Raise r -> {
          code.line("raise " + exception(r.error()));
          return true;
        }
      }
    }
    return false;
  }

  /** The coroutine that is the task's body; {@code tg} is passed when its spawns need it. */
  private String call(TaskSpec t, String tg) {
    return names.of(t.name()) + "(" + (tg != null && needsTg(t) ? tg : "") + ")";
  }

  /**
   * Whether the task, when inside a TaskGroup, needs that TaskGroup: it spawns (in its steps or
   * its on_cancel), or it is a group of another kind whose tasks need it.
   */
  private boolean needsTg(TaskSpec t) {
    Boolean known = needsTg.get(t);
    if (known != null) {
      return known;
    }
    boolean needs = t.onCancel() != null && spawns(t.onCancel().steps());
    switch (t.body()) {
      case TaskBody.Steps s -> needs |= spawns(s.steps());
      case TaskBody.Group g -> {
        if (g.group().strategy().kind() != Kind.TASKGROUP) {
          for (TaskSpec child : g.group().tasks()) {
            needs |= needsTg(child);
          }
        }
      }
    }
    needsTg.put(t, needs);
    return needs;
  }

  private static boolean spawns(List<Step> steps) {
    return steps.stream().anyMatch(s -> s instanceof Step.Spawn);
  }

  private static String sleep(long ns) {
    return ns == 0
        ? "await asyncio.sleep(0)  # a bare yield"
        : "await asyncio.sleep(" + PythonLiteral.nanos(ns) + ")  # " + PythonLiteral.seconds(ns) + " s";
  }

  /** asyncio's CancelledError, the builtin TimeoutError, else a class of that name (SPEC 3). */
  private static String exception(ErrorSpec e) {
    String message = PythonLiteral.string(e.message() == null ? "" : e.message());
    return switch (e.type()) {
      case "CancelledError" -> "asyncio.CancelledError(" + message + ")";
      case "TimeoutError" -> "TimeoutError(" + message + ")";
      default -> "error(" + PythonLiteral.string(e.type()) + ", " + message + ")";
    };
  }

  /** The report's {@code strategy} echo (SPEC 6): defaults filled in, keys in order. */
  private static String echo(StrategySpec s) {
    StringBuilder sb = new StringBuilder("{\"kind\": ").append(PythonLiteral.string(s.kind().key()));
    switch (s) {
      case StrategySpec.Gather g -> sb.append(", \"return_exceptions\": ").append(PythonLiteral.of(g.returnExceptions()));
      case StrategySpec.AsCompleted a -> sb.append(", \"on_error\": ").append(PythonLiteral.string(a.onError().key()));
      case StrategySpec.Wait w ->
          sb.append(", \"return_when\": ")
              .append(PythonLiteral.string(w.returnWhen().name()))
              .append(", \"cancel_pending\": ")
              .append(PythonLiteral.of(w.cancelPending()))
              .append(", \"retrieve\": ")
              .append(PythonLiteral.of(w.retrieve()));
      case StrategySpec.CreateTask c -> sb.append(", \"await\": ").append(PythonLiteral.of(c.await()));
      case StrategySpec.TaskGroup g -> {}
    }
    if (s.timeoutNs() != null) {
      sb.append(", \"timeout\": seconds(").append(PythonLiteral.nanos(s.timeoutNs())).append(")");
    }
    return sb.append('}').toString();
  }

  /** The schedule's arguments to {@code report}: its token and, per tie, the order. */
  private static String ties(Schedule schedule) {
    if (schedule.isDefault()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(", ").append(PythonLiteral.string(schedule.token())).append(", {");
    for (int i = 0; i < schedule.deviations(); i++) {
      sb.append(i == 0 ? "" : ", ").append(schedule.tie(i)).append(": (");
      int[] order = schedule.order(i);
      for (int j = 0; j < order.length; j++) {
        sb.append(j == 0 ? "" : ", ").append(order[j]);
      }
      sb.append(")");
    }
    return sb.append("}").toString();
  }

  /**
   * The prelude as printed: three resources kept apart only for their size (the loop of SPEC 5,
   * the recording, the report of SPEC 6), joined into the one program in that order.
   */
  static String prelude() {
    StringBuilder sb = new StringBuilder();
    for (String part : new String[] {"prelude-loop.py", "prelude-record.py", "prelude-report.py"}) {
      try (InputStream in = PythonExporter.class.getResourceAsStream(part)) {
        if (in == null) {
          throw new IllegalStateException(part + " missing from the jar");
        }
        sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sb.toString();
  }
}
