package io.aiosim.run;

import io.aiosim.dsl.After;
import io.aiosim.dsl.ErrorSpec;
import io.aiosim.dsl.GroupSpec;
import io.aiosim.dsl.OnCancel;
import io.aiosim.dsl.Step;
import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.Values;
import io.aiosim.dsl.Workflow;
import io.aiosim.engine.ClockKind;
import io.aiosim.report.ReportWriter;
import java.util.List;

/** Builds workflow models in tests without YAML (seconds as doubles, as in the DSL). */
final class Wf {
  private Wf() {}

  static long ns(double seconds) {
    return Values.secondsToNs(seconds);
  }

  static TaskSpec ok(String name, double delay, Object result) {
    return new TaskSpec(
        name, new TaskBody.Steps(List.of(new Step.Sleep(ns(delay)), new Step.Return(result)), true), null);
  }

  static TaskSpec fail(String name, double delay, String type, String message) {
    return new TaskSpec(
        name,
        new TaskBody.Steps(
            List.of(new Step.Sleep(ns(delay)), new Step.Raise(new ErrorSpec(type, message))), true),
        null);
  }

  static TaskSpec steps(String name, Step... steps) {
    return new TaskSpec(name, new TaskBody.Steps(List.of(steps), false), null);
  }

  static TaskSpec withOnCancel(TaskSpec t, boolean suppress, Object result, Step... steps) {
    return new TaskSpec(t.name(), t.body(), new OnCancel(List.of(steps), suppress, result));
  }

  static TaskSpec group(String name, StrategySpec s, Double after, TaskSpec... tasks) {
    return new TaskSpec(
        name,
        new TaskBody.Group(new GroupSpec(s, List.of(tasks), after == null ? null : new After(ns(after)))),
        null);
  }

  static Step sleep(double s) {
    return new Step.Sleep(ns(s));
  }

  static Step log(String m) {
    return new Step.Log(m);
  }

  static Step ret(Object v) {
    return new Step.Return(v);
  }

  static Step raise(String type, String message) {
    return new Step.Raise(new ErrorSpec(type, message));
  }

  static Step spawn(TaskSpec t) {
    return new Step.Spawn(t);
  }

  static StrategySpec kind(StrategySpec.Kind k) {
    return k.defaults();
  }

  static StrategySpec timeout(StrategySpec s, double t) {
    return s.withTimeout(ns(t));
  }

  static Workflow workflow(String name, StrategySpec s, Double after, TaskSpec... tasks) {
    return new Workflow(name, null, 0, s, List.of(tasks), after == null ? null : new After(ns(after)), null);
  }

  static String run(Workflow wf) {
    return ReportWriter.toJson(Simulation.run(wf, ClockKind.VIRTUAL));
  }
}
