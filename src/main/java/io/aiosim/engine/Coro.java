package io.aiosim.engine;

/**
 * A coroutine as {@code Task.__step} drives it: {@code send(None)} or {@code throw(exc)}. It
 * answers with a {@link Signal}: a future to wait on, a bare yield, or its return value; it raises
 * by throwing {@link PyException}.
 */
public interface Coro {

  /** {@code coro.send(None)} when {@code exc} is null, else {@code coro.throw(exc)}. */
  Signal resume(PyException exc);

  /** What a coroutine hands back to the task that runs it. */
  sealed interface Signal permits Future, Yield, Return, Frame.Continue {}

  /** A bare {@code yield} ({@code asyncio.sleep(0)}): the task is rescheduled with call_soon. */
  enum Yield implements Signal {
    INSTANCE
  }

  /** {@code StopIteration(value)}: the coroutine returned. */
  record Return(Object value) implements Signal {
    public static final Return NONE = new Return(null);
  }
}
