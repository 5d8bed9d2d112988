package io.aiosim.run;

import io.aiosim.dsl.PythonVersion;
import io.aiosim.dsl.Workflow;
import io.aiosim.engine.AsyncioVersion;
import io.aiosim.engine.Clock;
import io.aiosim.engine.ClockKind;
import io.aiosim.engine.ClockOverflow;
import io.aiosim.engine.EventLoop;
import io.aiosim.report.PyNumbers;
import io.aiosim.report.RunResult;

/**
 * One run of a workflow: {@code asyncio.run(main())} on a fresh loop, main's body being the
 * workflow's strategy step (SPEC 2), recorded as the report says (SPEC 6).
 *
 * {@snippet :
 * RunResult r = Simulation.run(workflow, ClockKind.VIRTUAL);
 * }
 */
public final class Simulation {
  private Simulation() {}

  /**
   * How a run is made and recorded.
   *
   * @param recordEvents false leaves the event list out: the report says {@code "events": []}
   *     ({@code aiosim run --no-events}, for huge runs); everything else is unchanged
   * @param schedule the order of each tie (SPEC 9); the report names it when it is not {@link
   *     Schedule#FIFO}
   * @param python the asyncio to model ({@code --python}), over the workflow's own {@code
   *     python:}; null: the workflow's, else {@link PythonVersion#DEFAULT}
   */
  public record Options(boolean recordEvents, Schedule schedule, PythonVersion python) {
    public static final Options DEFAULT = new Options(true);

    public Options {
      java.util.Objects.requireNonNull(schedule, "schedule");
    }

    public Options(boolean recordEvents) {
      this(recordEvents, Schedule.FIFO, null);
    }

    public Options(boolean recordEvents, Schedule schedule) {
      this(recordEvents, schedule, null);
    }

    public Options withSchedule(Schedule s) {
      return new Options(recordEvents, s, python);
    }

    /** The same options, modelling {@code version}. */
    public Options withPython(PythonVersion version) {
      return new Options(recordEvents, schedule, version);
    }
  }

  /** A run that cannot go on for a reason of its input (SPEC 5: the clock would overflow). */
  public static final class RunStopped extends RuntimeException {
    RunStopped(String message) {
      super(message, null, false, false);
    }

    /** The same, its message prefixed with the workflow's file ({@code file: message}). */
    public RunStopped in(String file) {
      return new RunStopped(file + ": " + getMessage());
    }
  }

  public static RunResult run(Workflow workflow, ClockKind clock) {
    return run(workflow, clock, Options.DEFAULT);
  }

  /**
   * Runs the workflow to the end of {@code asyncio.run} and returns what the report says.
   *
   * @throws RunStopped when the run cannot go on (its clock would pass 2^63 - 1 ns)
   */
  public static RunResult run(Workflow workflow, ClockKind clock, Options options) {
    return run(workflow, clock, options, null);
  }

  /**
   * As {@link #run(Workflow, ClockKind, Options)}, telling {@code ties} about every tie the run
   * meets (SPEC 9); null for nobody.
   *
   * @throws RunStopped also when the schedule does not fit the run
   */
  public static RunResult run(Workflow workflow, ClockKind clock, Options options, TieListener ties) {
    PythonVersion python = workflow.pythonOr(options.python());
    Recorder recorder = new Recorder(options.recordEvents(), workflow.tasks().size());
    EventLoop loop = new EventLoop(Clock.of(clock), recorder, asyncio(python));
    loop.expectTasks(workflow.tasks().size() + Runner.OWN_TASKS);
    recorder.attach(loop);
    // Only a run that orders or watches its ties pays for them; FIFO is the loop's own order.
    ScheduledTies scheduled =
        options.schedule().isDefault() && ties == null ? null : new ScheduledTies(options.schedule(), ties);
    loop.setTieOrder(scheduled);
    Interpreter in = new Interpreter(loop, recorder);
    try {
      Runner.run(
          loop,
          recorder,
          new StrategyBody(loop, in.strategyStep(workflow.strategy(), workflow.tasks(), null), workflow.after(), recorder));
    } catch (ClockOverflow e) {
      throw new RunStopped(
          "run stopped at " + PyNumbers.seconds(e.now()) + " s: a delay of " + PyNumbers.seconds(e.delay())
              + " s would take the clock past " + PyNumbers.seconds(Long.MAX_VALUE)
              + " s (2^63 - 1 ns, about 292 years), the last instant it can hold");
    }
    if (scheduled != null) {
      scheduled.checkAllMet();
    }
    if (recorder.outcome() == null) {
      throw new IllegalStateException("main ended without finishing its strategy step");
    }
    return new RunResult(
        workflow.name(),
        workflow.strategy(),
        clock.key(),
        python.key(),
        options.schedule().isDefault() ? null : options.schedule().token(),
        recorder.outcome(),
        recorder.tasks(),
        recorder.events(),
        recorder.warnings(),
        loop.time());
  }

  /** The engine's switches for a version a workflow names. */
  static AsyncioVersion asyncio(PythonVersion python) {
    return switch (python) {
      case V3_11 -> AsyncioVersion.V3_11;
      case V3_12 -> AsyncioVersion.V3_12;
      case V3_13 -> AsyncioVersion.V3_13;
    };
  }
}
