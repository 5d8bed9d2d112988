package io.aiosim.engine;

import io.aiosim.dsl.After;

/**
 * A group task's body (SPEC 2): {@code try: v = await step except Exception as e: err = e}, then
 * its {@code after.sleep} (also after an error), then return v or re-raise err. A CancelledError
 * escaping the step is not an Exception: it propagates at once and skips the sleep.
 */
final class GroupBody extends Frame {
  private final Simulation sim;
  private final Coro step;
  private final After after;
  private int state;
  private Object result;
  private PyException error;

  GroupBody(Simulation sim, Coro step, After after) {
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
          if (exc.isCancelledError()) {
            throw exc;
          }
          error = exc;
        } else {
          result = value;
        }
        if (after != null) {
          return await(new Sleep(sim.loop, after.sleepNs()));
        }
        return finish();
      }
      default -> {
        if (exc != null) {
          throw exc;
        }
        return finish();
      }
    }
  }

  private Signal finish() {
    if (error != null) {
      throw error;
    }
    return done(result);
  }
}
