package io.aiosim.dsl;

/** One step of a task body (SPEC 1.1). */
public sealed interface Step {

  /** {@code await asyncio.sleep(d)}; 0 ns is a bare yield, not a timer. */
  record Sleep(long ns) implements Step {}

  /** A log event; no await. */
  record Log(String message) implements Step {}

  /** Creates a task: {@code tg.create_task} inside a taskgroup, else {@code asyncio.create_task}. */
  record Spawn(TaskSpec task) implements Step {}

  /** Ends the body with a value (any YAML value, see {@link Values}). */
  record Return(Object value) implements Step {}

  /** Ends the body by raising an exception. */
  record Raise(ErrorSpec error) implements Step {}
}
