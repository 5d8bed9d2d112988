package io.aiosim.engine;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.TaskBody;
import io.aiosim.dsl.TaskSpec;
import io.aiosim.dsl.Workflow;
import io.aiosim.report.ErrorValue;
import io.aiosim.report.Event;
import io.aiosim.report.EventLog;
import io.aiosim.report.Outcome;
import io.aiosim.report.RunResult;
import io.aiosim.report.TaskReport;
import io.aiosim.report.Warning;
import io.aiosim.strategy.Strategies;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One {@code asyncio.run(main())} of a workflow (mirrors asyncio/runners.py Runner.run and
 * close): it owns the loop, creates the tasks, and records what the report says.
 */
public final class Simulation {
  final EventLoop loop;
  private final ArrayList<Task> tasks = new ArrayList<>();
  private final EventLog events;
  private final List<IndexedWarning> warnings = new ArrayList<>();
  private Outcome outcome;

  private record IndexedWarning(int index, Warning warning) {}

  /**
   * How a run is recorded.
   *
   * @param recordEvents false leaves the event list out: the report says {@code "events": []}
   *     ({@code aiosim run --no-events}, for huge runs); everything else is unchanged
   */
  public record Options(boolean recordEvents) {
    public static final Options DEFAULT = new Options(true);
  }

  private Simulation(Clock clock, Options options) {
    this.loop = new EventLoop(clock);
    IntFunction<String> names = i -> tasks.get(i).name;
    this.events = options.recordEvents() ? new EventLog(names) : EventLog.leftOut(names);
  }

  /** Runs the workflow to the end of {@code asyncio.run} and returns what the report says. */
  public static RunResult run(Workflow workflow, ClockKind clock) {
    return run(workflow, clock, Options.DEFAULT);
  }

  public static RunResult run(Workflow workflow, ClockKind clock, Options options) {
    Simulation sim = new Simulation(Clock.of(clock), options);
    sim.runMain(workflow);
    return sim.result(workflow, clock);
  }

  public EventLoop loop() {
    return loop;
  }

  private void runMain(Workflow wf) {
    Coro step = strategyStep(wf.strategy(), wf.tasks(), null);
    Task main = new Task(this, new MainBody(this, step, wf.after()), "main", null, null, EventLog.MAIN);
    loop.runUntilComplete(main);
    // Runner.close(): _cancel_all_tasks, then shutdown_asyncgens() and
    // shutdown_default_executor(), each a coroutine run to completion on the loop.
    cancelAllTasks();
    loop.runUntilComplete(trivialTask());
    loop.runUntilComplete(trivialTask());
  }

  /** runners._cancel_all_tasks: CPython walks a set; SPEC 2 fixes creation order. */
  private void cancelAllTasks() {
    List<Task> toCancel = new ArrayList<>();
    for (Task t : tasks) {
      if (!t.isDone()) {
        toCancel.add(t);
      }
    }
    if (toCancel.isEmpty()) {
      return;
    }
    for (Task t : toCancel) {
      t.cancel(CancelCause.SHUTDOWN);
    }
    loop.runUntilComplete(new GatheringFuture(loop, toCancel, true));
    for (Task t : toCancel) {
      if (t.isCancelled()) {
        continue;
      }
      PyException exc = t.exception();
      if (exc != null) {
        warn(t, "unhandled exception during asyncio.run() shutdown", exc.toErrorValue());
      }
    }
  }

  /** A coroutine that returns at once, like shutdown_asyncgens() with no async generators. */
  private Task trivialTask() {
    Coro returnsAtOnce = exc -> {
      if (exc != null) {
        throw exc;
      }
      return Coro.Return.NONE;
    };
    return new Task(this, returnsAtOnce, "shutdown", null, null, Task.UNREPORTED);
  }

  /** The strategy step of main or a group task, its children created inside {@code enclosing}. */
  public Coro strategyStep(StrategySpec spec, List<TaskSpec> specs, TaskGroup enclosing) {
    return Strategies.of(spec.kind()).step(this, spec, specs, enclosing);
  }

  /**
   * {@code loop.create_task(coro)} for a task of the workflow: the body, wrapped in its
   * on_cancel handler. {@code parent} is null for main's own tasks.
   */
  public Task createTask(TaskSpec spec, Task parent, TaskGroup taskGroup) {
    Coro body =
        switch (spec.body()) {
          case TaskBody.Steps s -> new StepsBody(this, s.steps(), null);
          case TaskBody.Group g ->
              new GroupBody(
                  this,
                  strategyStep(g.group().strategy(), g.group().tasks(), taskGroup),
                  g.group().after());
        };
    if (spec.onCancel() != null) {
      body = new OnCancelBody(this, body, spec.onCancel());
    }
    Task task = new Task(this, body, spec.name(), parent, taskGroup, tasks.size());
    tasks.add(task);
    return task;
  }

  /** The TaskGroup for a taskgroup strategy run by the current task. */
  public TaskGroup newTaskGroup() {
    return new TaskGroup(this);
  }

  /** {@code spawn}: the nearest enclosing TaskGroup's create_task, else asyncio.create_task. */
  void spawn(TaskSpec spec, Task spawner) {
    if (spawner.taskGroup != null) {
      spawner.taskGroup.createTask(spec, spawner);
    } else {
      createTask(spec, spawner, null);
    }
  }

  /** The task to report as the parent of children created now (null when main runs). */
  public Task currentParent() {
    Task t = loop.currentTask();
    return t == null || t.index < 0 ? null : t;
  }

  void record(Task task, Event.Kind kind, Object detail) {
    if (task.index >= 0) {
      events.add(loop.time(), task.index, kind, detail);
    }
  }

  /** A {@code cancel} event: for workflow tasks and main alike (SPEC 6). */
  void recordCancel(Task task, CancelCause cause) {
    if (task.index >= EventLog.MAIN) {
      events.add(loop.time(), task.index, Event.Kind.CANCEL, cause.key());
    }
  }

  /** main's {@code yield} event: an as_completed item as main receives it (a group's are not). */
  public void recordYield(Object item) {
    if (loop.currentTask().index == EventLog.MAIN) {
      events.add(loop.time(), EventLog.MAIN, Event.Kind.YIELD, item);
    }
  }

  void recordReturned(Object value) {
    outcome = new Outcome(true, loop.time(), value, null);
    events.add(loop.time(), EventLog.MAIN, Event.Kind.RETURNED, value);
  }

  void recordRaised(PyException exc) {
    ErrorValue error = exc.toErrorValue();
    outcome = new Outcome(false, loop.time(), null, error);
    events.add(loop.time(), EventLog.MAIN, Event.Kind.RAISED, error);
  }

  private void warn(Task task, String message, ErrorValue error) {
    warnings.add(new IndexedWarning(task.index, new Warning(message, task.name, error)));
  }

  private RunResult result(Workflow wf, ClockKind clock) {
    if (outcome == null) {
      throw new IllegalStateException("main ended without finishing its strategy step");
    }
    // A view, not a copy: the writer streams each task's line from the Task itself.
    List<TaskReport> reports =
        new AbstractList<>() {
          @Override
          public TaskReport get(int i) {
            return report(tasks.get(i));
          }

          @Override
          public int size() {
            return tasks.size();
          }
        };
    for (Task t : tasks) {
      if (t.state == Future.State.FINISHED && t.peekException() != null && t.logTraceback) {
        warn(t, "Task exception was never retrieved", t.peekException().toErrorValue());
      } else if (t.state == Future.State.PENDING && t.logDestroyPending()) {
        warn(t, "Task was destroyed but it is pending!", null);
      }
    }
    warnings.sort(Comparator.comparingInt(IndexedWarning::index));
    return new RunResult(
        wf.name(),
        wf.strategy(),
        clock.key(),
        "3.12",
        outcome,
        reports,
        events,
        warnings.stream().map(IndexedWarning::warning).toList(),
        loop.time());
  }

  private static TaskReport report(Task t) {
    Long started = t.started() ? t.startedAt : null;
    String parent = t.parent == null ? null : t.parent.name;
    return switch (t.state) {
      case PENDING ->
          new TaskReport(t.name, TaskReport.State.PENDING, null, null, null, started, null, parent);
      case CANCELLED -> {
        CancelCause by = t.cancelledBy();
        yield new TaskReport(
            t.name,
            TaskReport.State.CANCELLED,
            null,
            null,
            by == null ? null : by.key(),
            started,
            t.finishedAt,
            parent);
      }
      case FINISHED ->
          t.peekException() == null
              ? new TaskReport(
                  t.name,
                  TaskReport.State.COMPLETED,
                  t.peekResult(),
                  null,
                  null,
                  started,
                  t.finishedAt,
                  parent)
              : new TaskReport(
                  t.name,
                  TaskReport.State.FAILED,
                  null,
                  t.peekException().toErrorValue(),
                  null,
                  started,
                  t.finishedAt,
                  parent);
    };
  }
}
