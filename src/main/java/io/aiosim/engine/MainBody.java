package io.aiosim.engine;

import io.aiosim.dsl.After;

/**
 * {@code async def main(): try: <step> except Exception as e: <record>; await
 * asyncio.sleep(after)} (SPEC 2). A CancelledError escaping the step is recorded as raised and
 * propagates: after.sleep is skipped and asyncio.run's shutdown proceeds as usual.
 */
final class MainBody extends Frame {
  private final Simulation sim;
  private final Coro step;
  private final After after;
  private int state;

  MainBody(Simulation sim, Coro step, After after) {
    this.sim = sim;
    this.step = step;
    this.after = after;
  }

  @Override
  protected Signal advance(Object value, PyException exc) {
    switch (state++) {
      case 0 -> {
        if (exc != null) {
          throw exc;
        }
        return await(step);
      }
      case 1 -> {
        if (exc != null) {
          sim.recordRaised(exc);
          if (exc.isCancelledError()) {
            throw exc;
          }
        } else {
          sim.recordReturned(value);
        }
        if (after != null) {
          return await(new Sleep(sim.loop, after.sleepNs()));
        }
        return done(null);
      }
      default -> {
        if (exc != null) {
          throw exc;
        }
        return done(null);
      }
    }
  }
}
