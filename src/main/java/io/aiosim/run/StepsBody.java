package io.aiosim.run;

import io.aiosim.dsl.Step;
import io.aiosim.dsl.StepSequence;
import io.aiosim.engine.EventLoop;
import io.aiosim.engine.Frame;
import io.aiosim.engine.Future;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Sleep;
import io.aiosim.engine.TaskGroup;
import io.aiosim.engine.TimerHandle;

/**
 * Interprets a list of steps (SPEC 1.1) as the body of an {@code async def}: sleep awaits, log
 * records, spawn creates a task, return and raise end it. Falling off the end returns {@link
 * #fellOff} (null for a task body; on_cancel steps return a marker, then re-raise or suppress).
 *
 * <p>{@code await asyncio.sleep(d)} is inlined rather than run as a {@link Sleep} frame: the same
 * steps (the future, the timer, the await, {@code finally: h.cancel()}), one object fewer per
 * sleep, which counts at a million tasks.
 */
class StepsBody extends Frame {
  private final Interpreter in;
  /** Read a step at a time and never kept: a counted copy's steps are made as they run (TaskSpec). */
  private final StepSequence steps;
  private final TaskGroup enclosing;
  private int pc;
  /** The timer of the sleep being awaited, cancelled on resume as sleep()'s finally does. */
  private TimerHandle sleeping;

  StepsBody(Interpreter in, StepSequence steps, TaskGroup enclosing) {
    this.in = in;
    this.steps = steps;
    this.enclosing = enclosing;
  }

  @Override
  protected Signal advance(Object value, PyException exc) {
    if (sleeping != null) {
      sleeping.cancel();
      sleeping = null;
    }
    if (exc != null) {
      throw exc;
    }
    while (pc < steps.stepCount()) {
      // instanceof, not a pattern switch: see Task.stepRunAndHandleResult.
      Step step = steps.step(pc++);
      if (step instanceof Step.Sleep s) {
        if (s.ns() <= 0) {
          return yieldNow(); // sleep(0) is __sleep0(): one bare yield
        }
        EventLoop loop = in.loop;
        Future future = loop.createFuture();
        sleeping = Sleep.wakeLater(loop, s.ns(), future);
        return await(future);
      } else if (step instanceof Step.Log l) {
        in.recorder.log(in.loop.currentTask(), l.message());
      } else if (step instanceof Step.Spawn s) {
        in.spawn(s.task(), enclosing);
      } else if (step instanceof Step.Return r) {
        return done(r.value());
      } else {
        Step.Raise r = (Step.Raise) step;
        throw new PyException(r.error().type(), r.error().message());
      }
    }
    return done(fellOff());
  }

  /**
   * What the steps return when they end without return or raise. A method, not a field: 40 bytes
   * a task body instead of 48, which a million sleeping tasks feel.
   */
  Object fellOff() {
    return null;
  }
}
