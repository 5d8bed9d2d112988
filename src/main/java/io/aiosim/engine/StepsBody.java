package io.aiosim.engine;

import io.aiosim.dsl.Step;
import io.aiosim.report.Event;
import java.util.List;

/**
 * Interprets a list of steps (SPEC 1.1) as the body of an {@code async def}: sleep awaits, log
 * records, spawn creates a task, return and raise end it. Falling off the end returns {@code
 * fallOff} (null for a task body; a marker for on_cancel steps, which then re-raise or suppress).
 */
final class StepsBody extends Frame {
  private final Simulation sim;
  private final List<Step> steps;
  private final Object fallOff;
  private int pc;

  StepsBody(Simulation sim, List<Step> steps, Object fallOff) {
    this.sim = sim;
    this.steps = steps;
    this.fallOff = fallOff;
  }

  @Override
  protected Signal advance(Object value, PyException exc) {
    if (exc != null) {
      throw exc;
    }
    while (pc < steps.size()) {
      switch (steps.get(pc++)) {
        case Step.Sleep s -> {
          return await(new Sleep(sim.loop, s.ns()));
        }
        case Step.Log l -> sim.record(sim.loop.currentTask(), Event.Kind.LOG, l.message());
        case Step.Spawn s -> sim.spawn(s.task(), sim.loop.currentTask());
        case Step.Return r -> {
          return done(r.value());
        }
        case Step.Raise r -> throw new PyException(r.error().type(), r.error().message());
      }
    }
    return done(fallOff);
  }
}
