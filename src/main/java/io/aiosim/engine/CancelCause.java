package io.aiosim.engine;

/**
 * Why {@code cancel()} was called (SPEC 6 {@code cancelled_by}). CPython does not record this;
 * the runner and the exported reference program attribute it by who calls {@code cancel()}.
 */
public enum CancelCause {
  /** An {@code asyncio.timeout} fired on this task, or its strategy passed that cancel on. */
  TIMEOUT("timeout"),
  /** A TaskGroup aborting on a child's error, as_completed cancel_remaining, wait cancel_pending. */
  STRATEGY("strategy"),
  /** A group task was cancelled for another reason and passed the cancel on to its children. */
  PARENT("parent"),
  /** {@code asyncio.run} cancelling what is left. */
  SHUTDOWN("shutdown");

  private final String key;

  CancelCause(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The cause a task gives what it awaits when it passes its own cancel on. */
  public CancelCause passedOn() {
    return this == TIMEOUT ? TIMEOUT : PARENT;
  }
}
