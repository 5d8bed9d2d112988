package io.aiosim.engine;

/**
 * A coroutine written as a state machine, with Python's {@code await} semantics built in:
 * awaiting a done future does not suspend; awaiting a sub-coroutine runs it at once until it
 * suspends ({@code yield from}); a throw() while suspended raises at the await.
 *
 * <p>Subclasses implement {@link #advance}: called on entry and after each await with what the
 * await produced (a value, or the exception it raised); they answer with {@link #await(Future)},
 * {@link #await(Coro)}, {@link #yieldNow()} or {@link #done(Object)}, or throw. An await that
 * completes at once loops here instead of recursing, so a million ready results cannot overflow
 * the stack.
 */
public abstract class Frame implements Coro {
  /**
   * What the frame is suspended on: the {@link Future} it awaits, or the sub-coroutine it runs
   * ({@code yield from}); never both. One field, not two: 8 bytes less for each of a million
   * sleeping task bodies.
   */
  private Object awaiting;

  /**
   * Internal: the await completed synchronously, and the frame continues with this outcome. It
   * never leaves {@link #resume}. An object made for the moment instead of two fields that are
   * empty between resumes: 8 bytes less for each of a million sleeping task bodies.
   */
  static final class Continue implements Signal {
    final Object value;
    final PyException exc;

    Continue(Object value, PyException exc) {
      this.value = value;
      this.exc = exc;
    }
  }

  @Override
  public final Signal resume(PyException exc) {
    Signal s;
    if (awaiting instanceof Coro) {
      s = resumeInner(exc);
    } else {
      Future f = (Future) awaiting;
      if (f != null) {
        awaiting = null;
        s = exc == null ? continueWith(f) : advance(null, exc); // __await__: return self.result()
      } else {
        s = advance(null, exc);
      }
    }
    while (s instanceof Continue c) {
      s = advance(c.value, c.exc);
    }
    return s;
  }

  /** Continues after the last await: {@code exc} non-null means the await raised it. */
  protected abstract Signal advance(Object value, PyException exc);

  /** {@code await fut}. */
  protected final Signal await(Future f) {
    if (!f.isDone()) {
      awaiting = f;
      return f;
    }
    return continueWith(f);
  }

  /** {@code await coro}: runs it now until its first suspension. */
  protected final Signal await(Coro coro) {
    awaiting = coro;
    return resumeInner(null);
  }

  /** A bare {@code yield}. */
  protected final Signal yieldNow() {
    return Yield.INSTANCE;
  }

  protected final Signal done(Object value) {
    return value == null ? Return.NONE : new Return(value);
  }

  private Signal resumeInner(PyException exc) {
    Signal s;
    try {
      s = ((Coro) awaiting).resume(exc);
    } catch (PyException raised) {
      awaiting = null;
      return pending(null, raised);
    }
    if (s instanceof Return r) {
      awaiting = null;
      return pending(r.value(), null);
    }
    return s;
  }

  private Signal continueWith(Future f) {
    try {
      return pending(f.result(), null);
    } catch (PyException raised) {
      return pending(null, raised);
    }
  }

  private static Signal pending(Object value, PyException exc) {
    return new Continue(value, exc);
  }
}
