package io.aiosim.run;

import io.aiosim.dsl.Workflow;
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
   * How a run is recorded.
   *
   * @param recordEvents false leaves the event list out: the report says {@code "events": []}
   *     ({@code aiosim run --no-events}, for huge runs); everything else is unchanged
   */
  public record Options(boolean recordEvents) {
    public static final Options DEFAULT = new Options(true);
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
    Recorder recorder = new Recorder(options.recordEvents());
    EventLoop loop = new EventLoop(Clock.of(clock), recorder);
    recorder.attach(loop);
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
    if (recorder.outcome() == null) {
      throw new IllegalStateException("main ended without finishing its strategy step");
    }
    return new RunResult(
        workflow.name(),
        workflow.strategy(),
        clock.key(),
        "3.12",
        recorder.outcome(),
        recorder.tasks(),
        recorder.events(),
        recorder.warnings(),
        loop.time());
  }
}
