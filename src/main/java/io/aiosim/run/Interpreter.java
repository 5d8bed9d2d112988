package io.aiosim.run;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.engine.Coro;
import io.aiosim.engine.EventLoop;
import io.aiosim.engine.Task;
import io.aiosim.engine.TaskGroup;
import io.aiosim.strategy.Scope;
import io.aiosim.strategy.Strategies;
import java.util.List;

/**
 * The workflow's meaning on the loop: what each task's coroutine is (its steps or its group's
 * strategy, wrapped in its {@code on_cancel}), and where tasks are created (SPEC 1.3: into the
 * nearest enclosing TaskGroup, else as background tasks). A task's {@link Task#context()} is its
 * {@link TaskSpec}, which is how the {@link Recorder} knows it, and so is its name: a spec's
 * string form is its name, made when asked for (TaskSpec), as asyncio's str(name).
 */
final class Interpreter {
  final EventLoop loop;
  final Recorder recorder;

  Interpreter(EventLoop loop, Recorder recorder) {
    this.loop = loop;
    this.recorder = recorder;
  }

  /** The strategy step of main or of a group task; its children's spawns go into {@code enclosing}. */
  Coro strategyStep(StrategySpec spec, List<TaskSpec> tasks, TaskGroup enclosing) {
    return Strategies.step(new StepScope(enclosing), spec, tasks);
  }

  /** {@code spawn}: the nearest enclosing TaskGroup's create_task, else asyncio.create_task. */
  void spawn(TaskSpec spec, TaskGroup enclosing) {
    if (enclosing != null) {
      enclosing.createTask(body(spec, enclosing), spec, spec);
    } else {
      loop.createTask(body(spec, null), spec, spec);
    }
  }

  /** The coroutine of a workflow task: its body, wrapped in its on_cancel handler. */
  private Coro body(TaskSpec spec, TaskGroup enclosing) {
    // instanceof, not a pattern switch: see Task.stepRunAndHandleResult.
    Coro body =
        spec.hasSteps()
            ? new StepsBody(this, spec, enclosing)
            : group((TaskBody.Group) spec.body(), enclosing);
    return spec.onCancel() == null ? body : new OnCancelBody(this, body, spec.onCancel(), enclosing);
  }

  private Coro group(TaskBody.Group g, TaskGroup enclosing) {
    return new StrategyBody(loop, strategyStep(g.group().strategy(), g.group().tasks(), enclosing), g.group().after(), null);
  }

  /** What a strategy step may do: create its tasks, hand over what it receives. */
  private final class StepScope implements Scope {
    private final TaskGroup enclosing;

    StepScope(TaskGroup enclosing) {
      this.enclosing = enclosing;
    }

    @Override
    public EventLoop loop() {
      return loop;
    }

    @Override
    public Task createTask(TaskSpec spec) {
      return loop.createTask(body(spec, enclosing), spec, spec);
    }

    @Override
    public Task createTask(TaskGroup tg, TaskSpec spec) {
      return tg.createTask(body(spec, tg), spec, spec);
    }

    @Override
    public void received(Object item) {
      recorder.received(loop.currentTask(), item);
    }
  }
}
