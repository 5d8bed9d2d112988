package io.aiosim.engine;

/**
 * Which CPython release's asyncio the engine mirrors: one engine, and one switch per change a
 * workflow can reach, named for what it does and read at the line that differs. Diffing {@code
 * Lib/asyncio} of 3.12.1 against 3.13.0 and 3.11.7 (and running every scenario under each, for
 * the {@code _asyncio} accelerator) leaves these; the other changes cannot show in a report (the
 * README's "Python versions" lists them).
 */
public enum AsyncioVersion {
  /** CPython 3.11.7: the same reachable code as 3.12.1 (TaskGroup, timeouts, Task, gather). */
  V3_11,
  /** CPython 3.12.1, the reference (SPEC section 8's default). */
  V3_12,
  /** CPython 3.13.0. */
  V3_13;

  /**
   * gh-116720 (cpython PR #117407, 3.13): {@code TaskGroup.__aexit__} calls {@code
   * _parent_task.uncancel()} after waiting for its children, not before, so that a cancel it
   * makes of its parent while waiting (a child failed) is withdrawn.
   */
  public boolean taskGroupUncancelsAfterWaiting() {
    return this == V3_13;
  }

  /**
   * gh-116720 (cpython PR #117407, 3.13): a TaskGroup ending with errors while its parent is being
   * cancelled from outside un-cancels and re-cancels the parent, so that the outside cancel still
   * reaches the parent's next await.
   */
  public boolean taskGroupRecancelsParent() {
    return this == V3_13;
  }

  /**
   * gh-116720 (cpython PR #117407, 3.13): {@code Task.uncancel()} clears {@code _must_cancel}
   * when the count of cancel requests drops to zero, so a withdrawn request no longer interrupts
   * the task's next await.
   */
  public boolean uncancelClearsMustCancel() {
    return this == V3_13;
  }
}
