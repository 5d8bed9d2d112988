package io.aiosim.run;

import io.aiosim.dsl.After;
import io.aiosim.engine.Coro;
import io.aiosim.engine.EventLoop;
import io.aiosim.engine.Frame;
import io.aiosim.engine.PyException;
import io.aiosim.engine.Sleep;

/**
 * The body of main and of a group task (SPEC 2): {@code try: v = await <step> except Exception as
 * e: err = e}, then {@code await asyncio.sleep(after)} (also after an error), then a group task
 * returns v or re-raises err, while main records its outcome when the step ends and returns
 * None. A CancelledError escaping the step is not an Exception: it propagates at once and skips
 * the sleep (main records it as raised first).
 */
final class StrategyBody extends Frame {
  private final EventLoop loop;
  private final Coro step;
  private final After after;
  /** Main's recorder of its outcome; null for a group task. */
  private final Recorder main;
  private int state;
  private Object result;
  private PyException error;

  StrategyBody(EventLoop loop, Coro step, After after, Recorder main) {
    this.loop = loop;
    this.step = step;
    this.after = after;
    this.main = main;
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
        if (main != null) {
          if (exc == null) {
            main.returned(value);
          } else {
            main.raised(exc);
          }
        }
        if (exc != null) {
          if (exc.isCancelledError()) {
            throw exc;
          }
          error = exc;
        } else {
          result = value;
        }
        if (after != null) {
          return await(new Sleep(loop, after.sleepNs()));
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
    if (main != null) {
      return done(null);
    }
    if (error != null) {
      throw error;
    }
    return done(result);
  }
}
